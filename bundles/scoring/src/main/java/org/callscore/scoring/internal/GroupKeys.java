package org.callscore.scoring.internal;

import java.time.Instant;
import java.time.ZoneId;

import org.callscore.scoring.GroupBy;
import org.callscore.scoring.ScoreQuery;
import org.callscore.support.period.CalendarPeriod;

/** The group keys described in {@link ScoreQuery}. */
final class GroupKeys {

    private GroupKeys() {
    }

    /** @return whether the grouping puts answers, not whole responses, into groups */
    static boolean byAnswer(GroupBy by) {
        return by == GroupBy.QUESTION || by == GroupBy.DIMENSION;
    }

    /** @return the group of a whole response; only for groupings that are not {@link #byAnswer} */
    static String of(StoredResponse response, GroupBy by, ZoneId zone) {
        return switch (by) {
            case ALL -> ScoreQuery.ALL_KEY;
            case QUEUE -> orNone(response.queue());
            case AGENT -> orNone(response.agent());
            case SURVEY -> response.survey();
            case DAY, WEEK, MONTH, YEAR -> period(response.startedAt(), by, zone);
            case QUESTION, DIMENSION -> throw new IllegalArgumentException(by + " groups answers, not responses");
        };
    }

    /** @return the group of one answer; only for groupings that are {@link #byAnswer} */
    static String of(StoredResponse.Answer answer, GroupBy by) {
        return switch (by) {
            case QUESTION -> answer.questionId();
            case DIMENSION -> orNone(answer.dimension());
            default -> throw new IllegalArgumentException(by + " groups responses, not answers");
        };
    }

    /** @return the calendar period in {@code zone} that contains {@code instant} */
    static String period(Instant instant, GroupBy by, ZoneId zone) {
        return CalendarPeriod.valueOf(by.name()).key(instant.atZone(zone).toLocalDate());
    }

    private static String orNone(String value) {
        return value == null || value.isEmpty() ? ScoreQuery.NONE_KEY : value;
    }
}
