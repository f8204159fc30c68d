package org.callscore.scoring;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Single survey responses and answers for other modules' reports (the reports' "problem solved" figure and
 * low-scored drill-down), read from the survey module's tables as {@link SurveyScores} reads them.
 */
@ProviderType
public interface SurveyAnswers {

    /**
     * @param query      which responses: its period, queue, agent and survey (its grouping and zone are not used)
     * @param questionId the id of a yes-no question, as in the survey files
     * @return every answer to that question on the yes-no scale, in no particular order
     * @throws IllegalStateException when the database does not answer or the survey tables are not at their
     *                               latest version
     */
    List<YesNoAnswer> yesNoAnswers(ScoreQuery query, String questionId);

    /**
     * @param query   which responses: its period, queue, agent and survey (its grouping and zone are not used)
     * @param maxMean a response whose FIVE_POINT answers have a mean at or below this is low-scored
     * @param limit   at most this many, the newest
     * @return the responses with a complaint or a low mean, newest first
     * @throws IllegalStateException as {@link #yesNoAnswers}
     */
    List<LowScoredResponse> lowScored(ScoreQuery query, double maxMean, int limit);
}
