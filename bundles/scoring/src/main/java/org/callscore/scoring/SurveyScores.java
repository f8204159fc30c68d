package org.callscore.scoring;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Scores of the post-call survey responses stored by the survey module.
 * <p>
 * For {@link GroupBy#QUESTION} and {@link GroupBy#DIMENSION} a row's answer figures (mean, satisfaction,
 * CSAT, NPS, dimension index) use only the answers in that group, and its response-level figures (the status
 * counts, response rate, complaints) count the responses that have at least one answer in that group, once
 * each; such a response is a complaint in that group when one of its answers in that group is. Responses
 * without any answer therefore appear in no row of these two groupings, and a response answering several
 * questions is counted in several rows. For every other grouping each response is in exactly one row.
 * <p>
 * It also gives single responses and answers for other modules' reports (the reports' "problem solved" figure
 * and low-scored drill-down), read from the same tables.
 */
@ProviderType
public interface SurveyScores {

    /**
     * @param query which responses, grouped how
     * @return one row per group that has at least one response, sorted by group key; empty when none match
     * @throws IllegalStateException when the database does not answer or the survey tables are not at their
     *                               latest version
     */
    List<ScoreRow> scores(ScoreQuery query);

    /**
     * @param query      which responses: its period, queue, agent and survey (its grouping and zone are not used)
     * @param questionId the id of a yes-no question, as in the survey files
     * @return every answer to that question on the yes-no scale, in no particular order
     * @throws IllegalStateException as {@link #scores}
     */
    List<YesNoAnswer> yesNoAnswers(ScoreQuery query, String questionId);

    /**
     * @param query   which responses: its period, queue, agent and survey (its grouping and zone are not used)
     * @param maxMean a response whose FIVE_POINT answers have a mean at or below this is low-scored
     * @param limit   at most this many, the newest
     * @return the responses with a complaint or a low mean, newest first
     * @throws IllegalStateException as {@link #scores}
     */
    List<LowScoredResponse> lowScored(ScoreQuery query, double maxMean, int limit);
}
