package org.callscore.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One number of a campaign and what became of it.
 *
 * @param number      the number, in its normal form
 * @param name        the customer's name as imported (may be empty)
 * @param zone        the customer's zone as imported, if any
 * @param fields      the other columns as imported
 * @param state       where it stands
 * @param outcome     how its last attempt ended, if it has one
 * @param heardMillis how much of the message was heard, in milliseconds, over its answered attempts
 * @param keys        the keys pressed while the message played, in order
 * @param attempts    the attempts made
 * @param lastAttempt when its last attempt started, if any
 * @param nextAttempt when it may be called next, while waiting
 */
public record NumberResult(String number, String name, Optional<ZoneId> zone, Map<String, String> fields,
        NumberState state, Optional<NumberOutcome> outcome, long heardMillis, String keys, int attempts,
        Optional<Instant> lastAttempt, Optional<Instant> nextAttempt) {

    public NumberResult {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        fields = Map.copyOf(fields);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(lastAttempt, "lastAttempt");
        Objects.requireNonNull(nextAttempt, "nextAttempt");
    }
}
