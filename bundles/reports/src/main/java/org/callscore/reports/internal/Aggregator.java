package org.callscore.reports.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns queue_log rows, in id order, into calls and additive sums per {@link Bucket}. No database here: the
 * caller hands in batches of rows and the previous calls of the batch's callers, and writes what comes out.
 * <p>
 * What Asterisk 22 writes (apps/app_queue.c, main/logger.c; fields as {@code data1|data2|...}) and what is
 * done with it:
 * <pre>
 * event             agent        data1..data5                                         here
 * ENTERQUEUE        NONE         url|callerid number|original position[|callerid name]  starts a call
 * CONNECT           member       holdtime|agent channel uniqueid|ringtime              answered; wait = holdtime
 * COMPLETEAGENT     member       holdtime|calltime|original position                   ends: answered, agent hung up
 * COMPLETECALLER    member       holdtime|calltime|original position                   ends: answered, caller hung up
 * BLINDTRANSFER     member       extension|context|holdtime|calltime|original position ends: transferred; talk =
 *                                                                                       calltime up to the transfer
 * ATTENDEDTRANSFER  member       BRIDGE|bridge id|holdtime|calltime|original position  ends: transferred, same
 *                                APP|application|holdtime|calltime|original position   (the field positions depend
 *                                LINK|channel 1|channel 2|holdtime|calltime             on data1)
 * ABANDON           NONE         position|original position|waittime                   ends: abandoned (short if
 *                                                                                       waittime &lt; threshold)
 * EXITWITHTIMEOUT   NONE         position|original position|waittime                   ends: timed out
 * EXITWITHKEY       NONE         key|position|original position|waittime              ends: left by key
 * EXITEMPTY         NONE         position|original position|waittime                   ends: no usable member
 * WITHDRAW          NONE         position|original position|waittime|withdraw info     ends: withdrawn (AMI)
 * RINGNOANSWER      member       ringtime in ms                                        ring-no-answer for member
 * RINGCANCELED      member       ringtime in ms (another member answered, or caller   ignored
 *                                left)
 * AGENTDUMP         member       -  (agent hung up before the caller was bridged;      ignored: the call waits on
 *                                the caller goes on waiting)                           and ends with another event
 * SYSCOMPAT         member       -  (channels not compatible; the caller waits on)     ignored, same
 * PAUSE / UNPAUSE   member       reason                                                ignored (agent state)
 * PAUSEALL, UNPAUSEALL member    reason (queue NONE)                                   ignored
 * ADDMEMBER         member       PAUSED or empty                                       ignored
 * REMOVEMEMBER      member       -                                                     ignored
 * PENALTY, RINGINUSE member      new value                                             ignored
 * AGENTLOGIN/OFF    agent        channel[|logged-in seconds]                           ignored
 * CONFIGRELOAD      NONE         - (callid NONE, queue NONE)                           ignored
 * QUEUESTART        NONE         - (logged at Asterisk start)                          ignored
 * DID, INFO, OUTCALL, any other  written by the dialplan (QueueLog()) or AMI           ignored
 * </pre>
 * Events of a callid and queue without a running call (ingestion started mid-call, a call already ended) are
 * counted as orphans and otherwise ignored. A second ENTERQUEUE of a callid and queue whose call never ended
 * (Asterisk restarted mid-call) closes the old one as withdrawn.
 */
final class Aggregator {

    private static final Logger LOG = LoggerFactory.getLogger(Aggregator.class);

    /** The previous call of each caller, looked up before a batch (repeat callers). */
    interface PriorCalls {
        /**
         * @param callers caller numbers (not empty)
         * @return for each caller who has one, their latest call entered at or after {@code since}
         */
        Map<String, CallState> latest(Collection<String> callers, java.time.Instant since);
    }

    /** What a batch changed: the calls to write (new, updated) and the sums to add. */
    record Batch(Collection<CallState> calls, Map<Bucket, Tally> sums, int orphans, int ignored) {
    }

    /** The events {@link #accept} counts (the others change no figure): their values must fit the reports' columns. */
    static final Set<String> EVENTS = Set.of("ENTERQUEUE", "CONNECT", "COMPLETEAGENT", "COMPLETECALLER",
            "BLINDTRANSFER", "ATTENDEDTRANSFER", "ABANDON", "EXITWITHTIMEOUT", "EXITEMPTY", "WITHDRAW", "EXITWITHKEY",
            "RINGNOANSWER");

    private final Settings settings;
    /** Calls not ended yet, by callid and queue. */
    private final Map<String, CallState> open = new HashMap<>();

    /** state of the batch being processed */
    private Map<Long, CallState> touched;
    private Map<Bucket, Tally> sums;
    private Map<String, CallState> lastByCaller;
    private int orphans;
    private int ignored;

    Aggregator(Settings settings, Collection<CallState> openCalls) {
        this.settings = settings;
        openCalls.forEach(call -> open.put(call.openKey(), call));
    }

    int openCalls() {
        return open.size();
    }

    Batch process(List<QueueLogRow> rows, PriorCalls priorCalls) {
        touched = new LinkedHashMap<>();
        sums = new LinkedHashMap<>();
        lastByCaller = new HashMap<>();
        orphans = 0;
        ignored = 0;
        loadPriorCalls(rows, priorCalls);
        for (QueueLogRow row : rows) {
            accept(row);
        }
        return new Batch(new ArrayList<>(touched.values()), sums, orphans, ignored);
    }

    private void loadPriorCalls(List<QueueLogRow> rows, PriorCalls priorCalls) {
        Set<String> callers = new HashSet<>();
        java.time.Instant first = null;
        for (QueueLogRow row : rows) {
            if (row.event().equals("ENTERQUEUE") && !row.data2().isEmpty()) {
                callers.add(row.data2());
                // rows committed late come after later ones: the earliest entry, not the first row
                first = first == null || row.time().isBefore(first) ? row.time() : first;
            }
        }
        if (callers.isEmpty()) {
            return;
        }
        Map<Long, CallState> openById = new HashMap<>();
        open.values().forEach(call -> openById.put(call.enterId, call));
        priorCalls.latest(callers, first.minus(settings.fcrWindow())).forEach((caller, call) ->
                lastByCaller.put(caller, openById.getOrDefault(call.enterId, call)));
    }

    private void accept(QueueLogRow row) {
        switch (row.event()) {
            case "ENTERQUEUE" -> enter(row);
            case "CONNECT" -> withCall(row, call -> {
                call.status = CallState.Status.TALKING;
                call.agent = row.agent();
                call.wait = row.number(1);
                touched.put(call.enterId, call);
            });
            case "COMPLETEAGENT", "COMPLETECALLER" -> withCall(row, call -> answered(call, row, 1, 2, false));
            case "BLINDTRANSFER" -> withCall(row, call -> answered(call, row, 3, 4, true));
            case "ATTENDEDTRANSFER" -> withCall(row, call -> {
                boolean link = row.data1().equals("LINK");
                answered(call, row, link ? 4 : 3, link ? 5 : 4, true);
            });
            case "ABANDON" -> withCall(row, call -> end(call, row, row.number(3) < settings.shortAbandonSeconds()
                    ? CallState.Status.SHORT_ABANDON : CallState.Status.ABANDONED, row.number(3)));
            case "EXITWITHTIMEOUT" -> withCall(row, call -> end(call, row, CallState.Status.TIMEOUT, row.number(3)));
            case "EXITEMPTY" -> withCall(row, call -> end(call, row, CallState.Status.EMPTY, row.number(3)));
            case "WITHDRAW" -> withCall(row, call -> end(call, row, CallState.Status.WITHDRAW, row.number(3)));
            case "EXITWITHKEY" -> withCall(row, call -> {
                call.exitKey = row.data1();
                call.position = row.number(2);
                end(call, row, CallState.Status.KEY, row.number(4));
            });
            case "RINGNOANSWER" -> withCall(row, call -> {
                call.ringNoAnswer++;
                touched.put(call.enterId, call);
                sum(Bucket.of(call.enteredAt, settings.siteZone(), call.queue, row.agent())).add(Measure.RING_NO_ANSWER, 1);
            });
            default -> ignored++;
        }
    }

    private void enter(QueueLogRow row) {
        CallState stale = open.remove(CallState.key(row.callid(), row.queue()));
        if (stale != null) {
            LOG.debug("queue_log {}: call {} entered {} again before it ended; the first stay is closed as withdrawn",
                    row.id(), row.callid(), row.queue());
            stale.endedAt = row.time();
            finish(stale, CallState.Status.WITHDRAW);
        }
        CallState call = new CallState(row.id(), row.callid(), row.queue(), row.data2(), row.time());
        call.position = row.number(3);
        open.put(call.openKey(), call);
        touched.put(call.enterId, call);
        if (!call.caller.isEmpty()) {
            CallState previous = lastByCaller.get(call.caller);
            if (previous != null && !previous.callid.equals(call.callid) && !previous.repeated
                    && !previous.enteredAt.isAfter(call.enteredAt) // a late row's call is not "called again"
                    && Duration.between(previous.enteredAt, call.enteredAt).compareTo(settings.fcrWindow()) <= 0) {
                previous.repeated = true;
                touched.put(previous.enterId, previous);
                if (previous.status.ended() && previous.fcrEligible()) {
                    sum(bucket(previous)).add(Measure.REPEATED, 1);
                }
            }
            if (previous == null || !previous.enteredAt.isAfter(call.enteredAt)) {
                lastByCaller.put(call.caller, call);
            }
        }
    }

    private void answered(CallState call, QueueLogRow row, int waitField, int talkField, boolean transfer) {
        if (call.agent.isEmpty()) {
            call.agent = row.agent(); // a CONNECT that was not read: the ending event names the agent too
        }
        call.talk = row.number(talkField);
        end(call, row, transfer ? CallState.Status.TRANSFERRED : CallState.Status.ANSWERED, row.number(waitField));
    }

    private void end(CallState call, QueueLogRow row, CallState.Status status, int wait) {
        open.remove(call.openKey());
        call.wait = wait;
        call.endedAt = row.time();
        finish(call, status);
    }

    private void finish(CallState call, CallState.Status status) {
        call.status = status;
        touched.put(call.enterId, call);
        sum(bucket(call)).addCall(call, settings.serviceLevel(call.queue));
    }

    private Bucket bucket(CallState call) {
        return Bucket.of(call.enteredAt, settings.siteZone(), call.queue, call.agent);
    }

    private Tally sum(Bucket bucket) {
        return sums.computeIfAbsent(bucket, b -> new Tally());
    }

    private void withCall(QueueLogRow row, java.util.function.Consumer<CallState> action) {
        CallState call = open.get(CallState.key(row.callid(), row.queue()));
        if (call == null) {
            orphans++;
        } else {
            action.accept(call);
        }
    }
}
