package org.callscore.reports.internal;

import java.time.Instant;
import java.util.Optional;

import org.callscore.reports.CallRecord;

/** One caller's stay in one queue as ingestion follows it (a reports_call row). */
final class CallState {

    /** The values of reports_call.status; {@link #WAITING} and {@link #TALKING} are calls not ended yet. */
    enum Status {
        WAITING, TALKING, ANSWERED, TRANSFERRED, ABANDONED, SHORT_ABANDON, TIMEOUT, KEY, EMPTY, WITHDRAW;

        boolean ended() {
            return this != WAITING && this != TALKING;
        }

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Status ofColumn(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    final long enterId;
    final String callid;
    final String queue;
    final String caller;
    final Instant enteredAt;
    String agent = "";
    Status status = Status.WAITING;
    int wait;
    int talk;
    int position;
    String exitKey = "";
    int ringNoAnswer;
    boolean repeated;
    Instant endedAt;

    CallState(long enterId, String callid, String queue, String caller, Instant enteredAt) {
        this.enterId = enterId;
        this.callid = callid;
        this.queue = queue;
        this.caller = caller;
        this.enteredAt = enteredAt;
    }

    /** @return this call as it is now (to be written while ingestion changes it on) */
    CallState copy() {
        CallState copy = new CallState(enterId, callid, queue, caller, enteredAt);
        copy.agent = agent;
        copy.status = status;
        copy.wait = wait;
        copy.talk = talk;
        copy.position = position;
        copy.exitKey = exitKey;
        copy.ringNoAnswer = ringNoAnswer;
        copy.repeated = repeated;
        copy.endedAt = endedAt;
        return copy;
    }

    boolean fcrEligible() {
        return (status == Status.ANSWERED || status == Status.TRANSFERRED) && !caller.isEmpty();
    }

    /** @return the key of the call's open-call map: one stay per callid and queue at a time */
    String openKey() {
        return key(callid, queue);
    }

    static String key(String callid, String queue) {
        return callid + '\u0000' + queue;
    }

    CallRecord toRecord() {
        return new CallRecord(callid, queue, caller, enteredAt, agent.isEmpty() ? Optional.empty() : Optional.of(agent),
                CallRecord.Outcome.valueOf(status.name()), wait, talk, repeated);
    }
}
