package org.callscore.reports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

import org.callscore.support.period.Span;

/**
 * Which calls to report on and how to group them. A call belongs to the day, hour and queue in which it
 * entered the queue (its ENTERQUEUE), and to the agent who answered it.
 * <p>
 * Periods are whole days of {@code zone}. In the site's zone (configuration {@code site.zone}) every zone is
 * supported, including those with 30 or 45 minute offsets; in another zone the report is cut from UTC hours,
 * which is exact only when that zone's offset is a whole number of hours (otherwise the query is refused).
 * <p>
 * Group keys: {@code all}; the queue or agent as in queue_log, {@code (none)} for calls no agent answered;
 * hours as the local start with its offset ({@code 2026-03-29T03:00+02:00}); days {@code 2026-11-24}; ISO
 * weeks {@code 2026-W48} (week-based year); months {@code 2026-11}; years {@code 2026}.
 *
 * @param from    first day included, in {@code zone}
 * @param to      first day no longer included; after {@code from}
 * @param zone    the time zone days start in
 * @param queue   only calls through this queue
 * @param agent   only calls answered (or, for ring-no-answer, rung) by this agent
 * @param groupBy what one row covers
 */
public record ReportQuery(LocalDate from, LocalDate to, ZoneId zone, Optional<String> queue, Optional<String> agent,
        ReportGroup groupBy) {

    /** Key of the single {@link ReportGroup#ALL} row. */
    public static final String ALL_KEY = "all";
    /** Key of the calls no agent answered. */
    public static final String NONE_KEY = "(none)";

    public ReportQuery {
        Span.check(from, to);
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(groupBy, "groupBy");
    }
}
