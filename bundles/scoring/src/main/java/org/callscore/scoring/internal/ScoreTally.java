package org.callscore.scoring.internal;

import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

import org.callscore.scoring.ScoreSummary;

/**
 * Counts the responses and answers of one group and turns them into a {@link ScoreSummary}, whose javadoc
 * defines every figure. Knows nothing of the database: what belongs to the group is the caller's business.
 */
final class ScoreTally {

    /** The answer scales as stored in {@code survey_answer.scale}, with their lowest and highest score. */
    enum Scale {
        FIVE_POINT(1, 5), ZERO_TO_TEN(0, 10), YES_NO(0, 1);

        final int min;
        final int max;

        Scale(int min, int max) {
            this.min = min;
            this.max = max;
        }

        /** @return the score on 0-100 */
        double rescaled(int score) {
            return 100.0 * (score - min) / (max - min);
        }

        /** @return the scale so named, or null for a name this version does not know */
        static Scale named(String name) {
            for (Scale scale : values()) {
                if (scale.name().equals(name)) {
                    return scale;
                }
            }
            return null;
        }
    }

    private long offered;
    private final Map<String, Long> statuses = new HashMap<>();
    private long answeredResponses;
    private long complaints;

    private long fivePointAnswers;
    private long fivePointSum;
    private long satisfied; // 3, 4 or 5
    private long topTwo; // 4 or 5

    private long npsAnswers;
    private long promoters; // 9 or 10
    private long detractors; // 0 to 6

    private final Map<String, DoubleSummaryStatistics> dimensions = new HashMap<>();

    /**
     * @param status    {@code survey_response.status}
     * @param answered  whether the response has at least one answer in this group
     * @param complaint whether one of those answers is flagged as a complaint
     */
    void addResponse(String status, boolean answered, boolean complaint) {
        if (complaint && !answered) {
            throw new IllegalArgumentException("a complaint needs an answer");
        }
        offered++;
        statuses.merge(status, 1L, Long::sum);
        if (answered) {
            answeredResponses++;
        }
        if (complaint) {
            complaints++;
        }
    }

    /**
     * @param scale     {@code survey_answer.scale}; answers on a scale this version does not know count nowhere
     * @param dimension the question's dimension, empty for none
     * @param score     the score on that scale
     */
    void addAnswer(String scale, String dimension, int score) {
        Scale known = Scale.named(scale);
        if (known == null) {
            return;
        }
        if (known == Scale.FIVE_POINT) {
            fivePointAnswers++;
            fivePointSum += score;
            satisfied += score >= 3 ? 1 : 0;
            topTwo += score >= 4 ? 1 : 0;
        } else if (known == Scale.ZERO_TO_TEN) {
            npsAnswers++;
            promoters += score >= 9 ? 1 : 0;
            detractors += score <= 6 ? 1 : 0;
        }
        if (dimension != null && !dimension.isEmpty()) {
            dimensions.computeIfAbsent(dimension, d -> new DoubleSummaryStatistics()).accept(known.rescaled(score));
        }
    }

    ScoreSummary summary() {
        SortedMap<String, Double> index = new TreeMap<>();
        dimensions.forEach((dimension, stats) -> index.put(dimension, stats.getAverage()));
        OptionalDouble nps = npsAnswers == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(100.0 * (promoters - detractors) / npsAnswers);
        return new ScoreSummary(offered, status("completed"), status("partial"), status("declined"),
                status("unanswered"), status("in_progress"), ratio(status("completed"), offered),
                fivePointAnswers, ratio(fivePointSum, fivePointAnswers), ratio(satisfied, fivePointAnswers),
                ratio(topTwo, fivePointAnswers), npsAnswers, nps, answeredResponses, complaints,
                ratio(complaints, answeredResponses), index);
    }

    private long status(String status) {
        return statuses.getOrDefault(status, 0L);
    }

    private static OptionalDouble ratio(long numerator, long denominator) {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
    }
}
