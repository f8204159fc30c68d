package org.callscore.notify;

import java.util.Objects;

/**
 * What happened on an answered attempt.
 *
 * @param outcome     {@link NumberOutcome#ANSWERED}, {@link NumberOutcome#MACHINE} or {@link NumberOutcome#OPTED_OUT}
 * @param heardMillis how much of the message played before the hang-up or a key, summed over repeats
 * @param keys        the keys pressed, in order
 * @param toAgent     whether the person asked for an agent (the dialplan goes to the queue)
 */
public record HeardMessage(NumberOutcome outcome, long heardMillis, String keys, boolean toAgent) {

    public HeardMessage {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(keys, "keys");
        if (outcome != NumberOutcome.ANSWERED && outcome != NumberOutcome.MACHINE
                && outcome != NumberOutcome.OPTED_OUT) {
            throw new IllegalArgumentException("an answered attempt ends answered, machine or opted out: " + outcome);
        }
        if (heardMillis < 0) {
            throw new IllegalArgumentException("heardMillis must not be negative: " + heardMillis);
        }
    }
}
