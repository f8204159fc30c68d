package org.callscore.reports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The {@link Measure}s of one bucket or of any set of buckets. */
final class Tally {

    private final long[] values = new long[Measure.ALL.size()];
    /** talk plus the queue's wrap-up, per answered call; computed when read, not stored */
    long handleSum;

    long get(Measure measure) {
        return values[measure.ordinal()];
    }

    /** Adds {@code amount} to the measure (for {@link Measure#WAIT_MAX}: keeps the larger). */
    void add(Measure measure, long amount) {
        values[measure.ordinal()] = measure.combine(values[measure.ordinal()], amount);
    }

    void add(Tally other) {
        for (Measure measure : Measure.ALL) {
            add(measure, other.get(measure));
        }
        handleSum += other.handleSum;
    }

    /** @return the measures of a row that has a column for each (named as in {@link Measure#aggregate}) */
    static Tally read(ResultSet rs) throws SQLException {
        Tally tally = new Tally();
        for (Measure measure : Measure.ALL) {
            tally.values[measure.ordinal()] = rs.getLong(measure.column);
        }
        return tally;
    }

    /** Adds the figures of one ended call. */
    void addCall(CallState call, int serviceLevelSeconds) {
        add(Measure.OFFERED, 1);
        add(Measure.WAIT_SUM, call.wait);
        add(Measure.WAIT_MAX, call.wait);
        switch (call.status) {
            case ANSWERED, TRANSFERRED -> {
                add(Measure.ANSWERED, 1);
                add(Measure.ANSWERED_WAIT_SUM, call.wait);
                add(Measure.TALK_SUM, call.talk);
                if (call.wait <= serviceLevelSeconds) {
                    add(Measure.ANSWERED_IN_SL, 1);
                }
                if (call.status == CallState.Status.TRANSFERRED) {
                    add(Measure.TRANSFERRED, 1);
                }
                if (call.fcrEligible()) {
                    add(Measure.FCR_ELIGIBLE, 1);
                    if (call.repeated) {
                        add(Measure.REPEATED, 1);
                    }
                }
            }
            case ABANDONED -> add(Measure.ABANDONED, 1);
            case SHORT_ABANDON -> add(Measure.SHORT_ABANDONED, 1);
            case TIMEOUT -> add(Measure.TIMED_OUT, 1);
            case KEY -> add(Measure.EXITED_KEY, 1);
            case EMPTY -> add(Measure.EXITED_EMPTY, 1);
            case WITHDRAW -> add(Measure.OTHER_EXITS, 1);
            case WAITING, TALKING -> throw new IllegalStateException("call " + call.callid + " has not ended");
        }
    }
}
