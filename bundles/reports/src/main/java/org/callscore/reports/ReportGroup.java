package org.callscore.reports;

/** What one row of a service report covers; the group keys are described with {@link ReportQuery}. */
public enum ReportGroup {
    /** One row, key {@code all}. */
    ALL,
    /** One row per queue. */
    QUEUE,
    /**
     * One row per agent who answered calls, and {@code (none)} for the calls nobody answered; an agent who only
     * let calls ring has a row with ring-no-answer counts only.
     */
    AGENT,
    /** One row per hour in the query's zone, key {@code 2026-11-24T09:00+01:00} (the offset tells DST hours apart). */
    HOUR,
    /** One row per calendar day in the query's zone, key {@code 2026-11-24}. */
    DAY,
    /** One row per ISO week (Monday to Sunday) in the query's zone, key {@code 2026-W48}. */
    WEEK,
    /** One row per calendar month in the query's zone, key {@code 2026-11}. */
    MONTH,
    /** One row per calendar year in the query's zone, key {@code 2026}. */
    YEAR
}
