package org.callscore.reports;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One caller's stay in one queue, for drill-downs (abandoned calls, repeat callers).
 *
 * @param callid       Asterisk's uniqueid of the caller's channel (queue_log callid)
 * @param queue        the queue
 * @param caller       the caller's number as ENTERQUEUE logged it; empty when withheld
 * @param enteredAt    when the call entered the queue
 * @param agent        the agent who answered; empty when none did
 * @param outcome      how the call left the queue
 * @param waitSeconds  seconds in the queue before it was answered or left
 * @param talkSeconds  seconds talking to the agent (up to the transfer for a transferred call)
 * @param repeated     the same caller number called again within the first-call-resolution window
 */
public record CallRecord(String callid, String queue, String caller, Instant enteredAt, Optional<String> agent,
        Outcome outcome, int waitSeconds, int talkSeconds, boolean repeated) {

    /** How a call left the queue; {@code WAITING} and {@code TALKING} are calls still in progress. */
    public enum Outcome {
        WAITING, TALKING, ANSWERED, TRANSFERRED, ABANDONED, SHORT_ABANDON, TIMEOUT, KEY, EMPTY, WITHDRAW
    }

    public CallRecord {
        Objects.requireNonNull(callid, "callid");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(enteredAt, "enteredAt");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(outcome, "outcome");
    }
}
