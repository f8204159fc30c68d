package org.callscore.reports.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.callscore.reports.ReportGroup;
import org.callscore.reports.ReportQuery;
import org.callscore.scoring.GroupBy;
import org.callscore.scoring.LowScoredResponse;
import org.callscore.scoring.ScoreQuery;
import org.callscore.scoring.ScoreRow;
import org.callscore.scoring.ScoreSummary;
import org.callscore.scoring.SurveyScores;
import org.callscore.scoring.YesNoAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the reports show of the post-call surveys, read through the scoring API (the survey's read side, never
 * its tables: {@link SurveyScores}): the survey figures, the "problem solved" answers and
 * the low-scored calls. Without the scoring services, or while the survey tables are not ready, there are none.
 */
final class SurveyFigures {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyFigures.class);

    private final Optional<SurveyScores> surveyScores;
    private final Settings settings;

    SurveyFigures(Optional<SurveyScores> surveyScores, Settings settings) {
        this.surveyScores = surveyScores;
        this.settings = settings;
    }

    /** @return the survey figures per group key; none by hour */
    Map<String, ScoreSummary> scores(ReportQuery query) {
        Map<String, ScoreSummary> byKey = new HashMap<>();
        if (query.groupBy() != ReportGroup.HOUR) {
            GroupBy by = GroupBy.valueOf(query.groupBy().name());
            read(surveyScores, scores -> scores.scores(scoreQuery(query, by))).ifPresent(
                    rows -> rows.forEach((ScoreRow row) -> byKey.put(row.group(), row.summary())));
        }
        return byKey;
    }

    /** @return answers to the "problem solved" question: [answers, yes] per group key */
    Map<String, long[]> solved(ReportQuery query) {
        Map<String, long[]> counts = new HashMap<>();
        if (settings.solvedQuestion().isEmpty()) {
            return counts;
        }
        ScoreQuery responses = scoreQuery(query, GroupBy.ALL);
        List<YesNoAnswer> answers = read(surveyScores,
                service -> service.yesNoAnswers(responses, settings.solvedQuestion())).orElse(List.of());
        for (YesNoAnswer answer : answers) {
            Bucket bucket = Bucket.of(answer.surveyedAt(), query.zone(), answer.queue().orElse(""),
                    answer.agent().orElse(""));
            long[] c = counts.computeIfAbsent(ReportBuilder.key(bucket, query, true), k -> new long[2]);
            c[0]++;
            c[1] += answer.yes() ? 1 : 0;
        }
        return counts;
    }

    List<LowScoredResponse> lowScored(ReportQuery query, double maxMean, int limit) {
        ScoreQuery responses = scoreQuery(query, GroupBy.ALL);
        return read(surveyScores, service -> service.lowScored(responses, maxMean, limit)).orElse(List.of());
    }

    /** @return the responses started in the query's days (in its zone), of its queue and agent */
    private static ScoreQuery scoreQuery(ReportQuery query, GroupBy by) {
        return new ScoreQuery(query.from().atStartOfDay(query.zone()).toInstant(),
                query.to().atStartOfDay(query.zone()).toInstant(), query.queue(), query.agent(), Optional.empty(),
                by, query.zone());
    }

    private static <S, T> Optional<T> read(Optional<S> service, java.util.function.Function<S, T> reading) {
        try {
            return service.map(reading);
        } catch (IllegalStateException e) {
            LOG.debug("No survey figures: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
