package org.callscore.scoring;

import java.util.Collections;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The scores of a set of survey responses and their answers. A response is one survey offered to one caller
 * (a {@code survey_response} row); an answer is one valid key press answering one question (a
 * {@code survey_answer} row). Answers are on one of three scales: FIVE_POINT (1 very dissatisfied, 2 somewhat
 * dissatisfied, 3 neutral, 4 somewhat satisfied, 5 very satisfied), ZERO_TO_TEN (0 to 10, as in "how likely
 * are you to recommend us") and YES_NO (1 yes, 0 no).
 * <p>
 * Shares ({@code responseRate}, {@code satisfaction}, {@code csat}, {@code complaintRate}) are fractions from
 * 0 to 1; {@code nps} runs from -100 to 100 and each {@code dimensionIndex} from 0 to 100. A figure whose
 * denominator is zero is {@link OptionalDouble#empty()} (shown as "-"), never 0 or NaN.
 *
 * @param offered           responses: surveys offered to a caller, whatever their status (so including those
 *                          still in progress)
 * @param completed         responses with status {@code completed}: the caller answered every question
 * @param partial           responses with status {@code partial}: the caller answered some questions, then
 *                          hung up or stopped answering
 * @param declined          responses with status {@code declined}: the caller refused the survey
 * @param unanswered        responses with status {@code unanswered}: the caller gave no valid answer
 * @param inProgress        responses with status {@code in_progress}: the call is still in the survey (or the
 *                          end of the call was never recorded)
 * @param responseRate      completed / offered
 * @param fivePointAnswers  answers on the FIVE_POINT scale
 * @param meanScore         the mean of the FIVE_POINT answers' scores (1 to 5): their sum / fivePointAnswers
 * @param satisfaction      customer service satisfaction as defined in the call-centre literature: FIVE_POINT
 *                          answers scoring 3, 4 or 5 (neutral, somewhat satisfied or very satisfied) /
 *                          fivePointAnswers
 * @param csat              CSAT, top-2-box: FIVE_POINT answers scoring 4 or 5 (somewhat or very satisfied) /
 *                          fivePointAnswers
 * @param npsAnswers        answers on the ZERO_TO_TEN scale
 * @param nps               Net Promoter Score: 100 &times; (ZERO_TO_TEN answers scoring 9 or 10 (promoters)
 *                          &minus; ZERO_TO_TEN answers scoring 0 to 6 (detractors)) / npsAnswers; answers of 7
 *                          or 8 (passives) count in the denominator only
 * @param answeredResponses responses with at least one answer, whatever their status
 * @param complaints        responses with at least one answer flagged as a complaint (the lowest score on a
 *                          question marked complaint.on.lowest, or yes on a question marked complaint.on.yes)
 * @param complaintRate     complaints / answeredResponses
 * @param dimensionIndex    per questionnaire dimension (sorted by name), the mean over that dimension's answers
 *                          of the answer's score rescaled to 0-100: 100 &times; (score &minus; min) / (max
 *                          &minus; min), with min-max 1-5 for FIVE_POINT, 0-10 for ZERO_TO_TEN and 0-1 for
 *                          YES_NO, so each answer weighs the same whatever its scale; answers to questions
 *                          without a dimension are in no index, and a dimension without answers is absent
 */
public record ScoreSummary(
        long offered,
        long completed,
        long partial,
        long declined,
        long unanswered,
        long inProgress,
        OptionalDouble responseRate,
        long fivePointAnswers,
        OptionalDouble meanScore,
        OptionalDouble satisfaction,
        OptionalDouble csat,
        long npsAnswers,
        OptionalDouble nps,
        long answeredResponses,
        long complaints,
        OptionalDouble complaintRate,
        SortedMap<String, Double> dimensionIndex) {

    public ScoreSummary {
        Objects.requireNonNull(responseRate, "responseRate");
        Objects.requireNonNull(meanScore, "meanScore");
        Objects.requireNonNull(satisfaction, "satisfaction");
        Objects.requireNonNull(csat, "csat");
        Objects.requireNonNull(nps, "nps");
        Objects.requireNonNull(complaintRate, "complaintRate");
        dimensionIndex = Collections.unmodifiableSortedMap(new TreeMap<>(dimensionIndex));
    }
}
