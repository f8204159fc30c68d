package org.callscore.support.period;

import java.util.Objects;

/**
 * The one rule of every query over a period (a report's days, a score's instants, the callback figures' days):
 * both ends given, and the first included before the first no longer included.
 */
public final class Span {

    private Span() {
    }

    /**
     * @param from first day or instant included
     * @param to   first day or instant no longer included
     * @throws NullPointerException     naming {@code from} or {@code to} when it is missing
     * @throws IllegalArgumentException when {@code from} is not before {@code to}
     */
    public static <T extends Comparable<? super T>> void check(T from, T to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.compareTo(to) >= 0) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
    }
}
