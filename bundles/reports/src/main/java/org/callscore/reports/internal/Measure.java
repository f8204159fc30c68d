package org.callscore.reports.internal;

import java.util.List;

/**
 * The additive measures of the sums tables (reports_hourly, reports_daily), each one column: everything that
 * reads, adds or writes them is made from this list, so a new measure is one line here and one migration.
 */
enum Measure {
    OFFERED("offered"),
    ANSWERED("answered"),
    ANSWERED_IN_SL("answered_in_sl"),
    ABANDONED("abandoned"),
    SHORT_ABANDONED("short_abandoned"),
    TIMED_OUT("timed_out"),
    EXITED_KEY("exited_key"),
    EXITED_EMPTY("exited_empty"),
    OTHER_EXITS("other_exits"),
    TRANSFERRED("transferred"),
    WAIT_SUM("wait_sum"),
    /** the longest wait: the maximum is kept, not the sum */
    WAIT_MAX("wait_max", true),
    ANSWERED_WAIT_SUM("answered_wait_sum"),
    TALK_SUM("talk_sum"),
    RING_NO_ANSWER("ring_no_answer"),
    FCR_ELIGIBLE("fcr_eligible"),
    REPEATED("repeated");

    static final List<Measure> ALL = List.of(values());

    final String column;
    private final boolean maximum;

    Measure(String column) {
        this(column, false);
    }

    Measure(String column, boolean maximum) {
        this.column = column;
        this.maximum = maximum;
    }

    /** @return two values of this measure taken together (two buckets, two batches) */
    long combine(long a, long b) {
        return maximum ? Math.max(a, b) : a + b;
    }

    /** @return the SQL that combines the column over the rows of a group, named as the column */
    String aggregate() {
        return (maximum ? "MAX(" : "SUM(") + column + ") AS " + column;
    }

    /** @return the assignment of an upsert that combines the stored value with the one inserted */
    String accumulate() {
        return column + " = " + (maximum ? "GREATEST(" + column + ", VALUES(" + column + "))"
                : column + " + VALUES(" + column + ")");
    }
}
