package org.callscore.notify;

import java.util.Objects;
import java.util.Optional;

/**
 * @param state   only numbers in this state; empty: all
 * @param outcome only numbers whose last outcome is this; empty: all
 * @param offset  how many matching numbers to skip, at least 0
 * @param limit   how many to return, 1 to 10000
 */
public record ResultQuery(Optional<NumberState> state, Optional<NumberOutcome> outcome, int offset, int limit) {

    public ResultQuery {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(outcome, "outcome");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1 to 10000: " + limit);
        }
    }

    public static ResultQuery page(int offset, int limit) {
        return new ResultQuery(Optional.empty(), Optional.empty(), offset, limit);
    }
}
