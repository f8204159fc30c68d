package org.callscore.callback.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.callscore.ivr.BusinessHours;

/**
 * When a callback may be placed: the first instant, from a given one, at which the queue's business hours (read in
 * the customer's zone) are open. Pure: the hours are given.
 * <p>
 * {@link BusinessHours} answers only "open at this instant?", so the search walks forward in steps of
 * {@link #STEP} and then halves the last step down to the millisecond: exact for openings of at least a step,
 * whatever daylight-saving change lies between (the hours convert each occurrence to an instant themselves).
 */
final class OpenHours {

    /** Openings shorter than this may be stepped over. */
    static final Duration STEP = Duration.ofMinutes(5);
    /** How far ahead an opening is looked for; beyond, the hours are taken as never open. */
    static final Duration HORIZON = Duration.ofDays(62);

    private OpenHours() {
    }

    /**
     * @param hours the queue's hours in the customer's zone; empty: always open
     * @return the first open instant at or after {@code from}; empty when none within {@link #HORIZON}
     */
    static Optional<Instant> firstOpen(Instant from, Optional<BusinessHours> hours) {
        if (hours.isEmpty() || hours.get().isOpen(from)) {
            return Optional.of(from);
        }
        BusinessHours open = hours.get();
        Instant closed = from;
        Instant end = from.plus(HORIZON);
        while (closed.isBefore(end)) {
            Instant next = closed.plus(STEP);
            if (open.isOpen(next)) {
                return Optional.of(opening(open, closed, next));
            }
            closed = next;
        }
        return Optional.empty();
    }

    /** @return the first open millisecond after {@code closed} and at or before {@code open} */
    private static Instant opening(BusinessHours hours, Instant closed, Instant open) {
        long low = closed.toEpochMilli();
        long high = open.toEpochMilli();
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (hours.isOpen(Instant.ofEpochMilli(middle))) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return Instant.ofEpochMilli(high);
    }
}
