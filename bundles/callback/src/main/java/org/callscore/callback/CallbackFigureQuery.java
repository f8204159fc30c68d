package org.callscore.callback;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

import org.callscore.support.period.Span;

/**
 * Which callbacks to count, and how to group them. A callback belongs to the day (in {@code zone}), queue and
 * agent of its request; its outcome is counted with its request, whenever it came.
 *
 * @param from        first day included
 * @param to          first day no longer included; after {@code from}
 * @param zone        the time zone days start in
 * @param queue       only this queue's
 * @param agent       only those assigned to this agent
 * @param groupBy     what one row covers
 * @param closureDays the N of the N-day closure rate
 */
public record CallbackFigureQuery(LocalDate from, LocalDate to, ZoneId zone, Optional<String> queue,
        Optional<String> agent, Grouping groupBy, int closureDays) {

    /** What one row covers; period keys as the reports write them ({@code 2026-11-24}, {@code 2026-W48}, ...). */
    public enum Grouping { ALL, QUEUE, AGENT, DAY, WEEK, MONTH, YEAR }

    public CallbackFigureQuery {
        Span.check(from, to);
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(groupBy, "groupBy");
        if (closureDays < 1) {
            throw new IllegalArgumentException("closureDays must be at least 1: " + closureDays);
        }
    }
}
