/**
 * Scores of the post-call surveys for managers' reports: response rate, mean score, the literature's
 * satisfaction, CSAT (top-2-box), NPS, complaint rate and a 0-100 index per questionnaire dimension,
 * per queue, agent, survey, question, dimension or calendar period. {@link org.callscore.scoring.ScoreSummary}
 * defines every figure. It is the survey module's read side: the only way other modules see survey responses
 * (the yes-no answers behind the reports' "problem solved" figure, the low-scored responses).
 */
@Export
@Version("3.0.0")
package org.callscore.scoring;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
