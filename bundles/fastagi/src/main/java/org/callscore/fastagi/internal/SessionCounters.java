package org.callscore.fastagi.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.callscore.agi.FastAgiServer.Counter;

/** The server's counters, shared by the acceptor and every session. */
final class SessionCounters {

    private final AtomicLong active = new AtomicLong();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder malformed = new LongAdder();

    void started() {
        active.incrementAndGet();
    }

    void ended() {
        active.decrementAndGet();
        completed.increment();
    }

    void failed() {
        failed.increment();
    }

    void rejected() {
        rejected.increment();
    }

    void malformed() {
        malformed.increment();
    }

    long active() {
        return active.get();
    }

    Map<Counter, Long> snapshot(long queued) {
        Map<Counter, Long> counters = new EnumMap<>(Counter.class);
        counters.put(Counter.ACTIVE_SESSIONS, active.get());
        counters.put(Counter.QUEUED_SESSIONS, queued);
        counters.put(Counter.COMPLETED_SESSIONS, completed.sum());
        counters.put(Counter.FAILED_SESSIONS, failed.sum());
        counters.put(Counter.REJECTED_PEERS, rejected.sum());
        counters.put(Counter.MALFORMED_REQUESTS, malformed.sum());
        return counters;
    }
}
