package org.callscore.callback;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Callback figures of one group; definitions in docs/metrics.md.
 *
 * @param key                 the group's key ({@code all}, the queue, the agent or {@code (none)}, or the period)
 * @param requested           callbacks requested
 * @param done                of those, the customer reached
 * @param failed              of those, given up by the retry rules
 * @param expired             of those, expired before the customer was reached
 * @param cancelled           of those, cancelled
 * @param open                of those, still scheduled or dialling
 * @param meanSecondsToReach  mean time from request to the customer reached, of the done ones
 * @param medianSecondsToReach median of the same
 * @param onTime              of the done ones, reached no later than the time asked for (or the request, when as
 *                            soon as possible was asked) plus the queue's on-time allowance
 * @param closedWithinDays    of those requested, marked closed within the query's N days of the request
 */
public record CallbackFigureRow(String key, long requested, long done, long failed, long expired, long cancelled,
        long open, OptionalDouble meanSecondsToReach, OptionalDouble medianSecondsToReach, long onTime,
        long closedWithinDays) {

    public CallbackFigureRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(meanSecondsToReach, "meanSecondsToReach");
        Objects.requireNonNull(medianSecondsToReach, "medianSecondsToReach");
    }

    /** @return share of the done ones reached on time, if any were done */
    public OptionalDouble onTimeRate() {
        return done == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) onTime / done);
    }

    /** @return the N-day closure rate: closed within N days / requested, if any were requested */
    public OptionalDouble closureRate() {
        return requested == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) closedWithinDays / requested);
    }
}
