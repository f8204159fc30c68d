package org.callscore.fastagi.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Threads for FastAGI sessions. A new session goes to the thread that became idle last; when none is idle a
 * thread is added, up to {@code maxThreads}; beyond that sessions wait, in the order they came, for the next
 * thread that finishes. A session is never refused while the server runs.
 * <p>
 * Handing work to the most recently idle thread is what lets a pool shrink: after a burst, steady traffic keeps
 * the same few threads busy and the others, idle for {@link #IDLE_END}, end, down to {@link #KEPT_THREADS}.
 * (A ThreadPoolExecutor on a LinkedBlockingQueue wakes the longest-idle thread, so every thread of a burst
 * stays; on a SynchronousQueue it refuses work at the maximum, which is what drops calls in asterisk-java's own
 * pool.) The hand-off takes no lock: on a loaded machine a lock holder that loses its core stalls the acceptor
 * and every session behind it.
 */
final class SessionPool {

    static final int KEPT_THREADS = 8;
    static final Duration IDLE_END = Duration.ofSeconds(60);

    /** In a worker's slot: it is not idle (busy, ending, or has withdrawn from the idle list). */
    private static final Runnable NOT_IDLE = () -> { };
    /** In a worker's slot: look at the waiting sessions. */
    private static final Runnable LOOK = () -> { };

    private final int maxThreads;
    private final ThreadFactory threads;
    private final long idleEndNanos;
    /** Idle threads, the most recently idle first; may hold workers no longer idle (their slot says so). */
    private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
    /** Sessions waiting for a thread (only when all {@code maxThreads} are busy). */
    private final ConcurrentLinkedDeque<Runnable> waiting = new ConcurrentLinkedDeque<>();
    private final Set<Worker> workers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadCount = new AtomicInteger();
    private final AtomicInteger largest = new AtomicInteger();
    private final Object terminated = new Object();
    private volatile boolean shutdown;

    SessionPool(int maxThreads, ThreadFactory threads) {
        this(maxThreads, threads, IDLE_END);
    }

    SessionPool(int maxThreads, ThreadFactory threads, Duration idleEnd) {
        this.maxThreads = maxThreads;
        this.threads = threads;
        this.idleEndNanos = idleEnd.toNanos();
    }

    /**
     * Runs the session on an idle thread, a new one, or the next one free.
     *
     * @return true when the session has to wait, every one of {@code maxThreads} threads being busy
     * @throws RejectedExecutionException after {@link #shutdown()}
     */
    boolean execute(Runnable session) {
        if (shutdown) {
            throw new RejectedExecutionException("FastAGI server stopped");
        }
        if (handToIdle(session)) {
            return false;
        }
        for (int n = threadCount.get(); n < maxThreads; n = threadCount.get()) {
            if (threadCount.compareAndSet(n, n + 1)) {
                largest.accumulateAndGet(n + 1, Math::max);
                new Worker(session).start();
                return false;
            }
        }
        await(session, false);
        if (shutdown && waiting.removeLastOccurrence(session)) {
            throw new RejectedExecutionException("FastAGI server stopped"); // its threads may have ended already
        }
        return true;
    }

    /** Queues a session, then wakes a thread that went idle meanwhile (it could have missed the session). */
    private void await(Runnable session, boolean first) {
        if (first) {
            waiting.offerFirst(session);
        } else {
            waiting.offerLast(session);
        }
        handToIdle(LOOK);
    }

    private boolean handToIdle(Runnable work) {
        for (Worker worker = idle.pollFirst(); worker != null; worker = idle.pollFirst()) {
            if (worker.slot.compareAndSet(null, work)) {
                LockSupport.unpark(worker.thread);
                return true;
            }
        }
        return false;
    }

    /** Threads now, busy or idle. */
    int threads() {
        return threadCount.get();
    }

    int largestThreads() {
        return largest.get();
    }

    /** Sessions waiting for a thread. */
    int waiting() {
        return waiting.size();
    }

    /** Takes no new session; sessions running or waiting run to their end, then the threads end. */
    void shutdown() {
        shutdown = true;
        workers.forEach(worker -> LockSupport.unpark(worker.thread));
    }

    /** Shuts down, drops the waiting sessions and interrupts the running ones. */
    List<Runnable> shutdownNow() {
        shutdown();
        List<Runnable> dropped = new ArrayList<>();
        for (Runnable session = waiting.pollFirst(); session != null; session = waiting.pollFirst()) {
            dropped.add(session);
        }
        workers.forEach(worker -> worker.thread.interrupt());
        return dropped;
    }

    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (terminated) {
            while (threadCount.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(terminated, left);
            }
            return true;
        }
    }

    private final class Worker implements Runnable {

        private final Thread thread;
        /** null while idle; a session or {@link #LOOK} handed to it; {@link #NOT_IDLE} otherwise. */
        private final AtomicReference<Runnable> slot = new AtomicReference<>(NOT_IDLE);
        private Runnable first;

        Worker(Runnable first) {
            this.first = first;
            this.thread = threads.newThread(this);
        }

        void start() {
            workers.add(this);
            try {
                thread.start();
            } catch (RuntimeException | OutOfMemoryError e) { // no thread to be had: the session waits for one
                workers.remove(this);
                if (threadCount.decrementAndGet() == 0) {
                    throw new RejectedExecutionException("no thread for a FastAGI session", e);
                }
                await(first, true);
            }
        }

        @Override
        public void run() {
            Runnable session = first;
            first = null;
            while (true) {
                if (session == null) {
                    session = waiting.pollFirst();
                }
                if (session == null) {
                    session = idleUntilHanded();
                    if (session == null) {
                        end();
                        return;
                    }
                }
                if (session != LOOK) {
                    try {
                        session.run();
                    } catch (RuntimeException | Error e) {
                        thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
                    }
                    Thread.interrupted(); // a session's interrupt is not the pool's: shutdownNow() is seen here
                }
                session = null;
            }
        }

        /** Idles until a session is handed over; null when this thread is to end. */
        private Runnable idleUntilHanded() {
            while (true) {
                slot.set(null);
                idle.offerFirst(this);
                // a session queued while this thread was busy was handed to no one: take it
                Runnable queued = waiting.pollFirst();
                if (queued != null) {
                    return withdrawWith(queued);
                }
                long deadline = System.nanoTime() + idleEndNanos;
                while (true) {
                    Runnable handed = slot.get();
                    if (handed != null) {
                        slot.set(NOT_IDLE);
                        return handed;
                    }
                    if (shutdown || Thread.currentThread().isInterrupted()) {
                        if (!slot.compareAndSet(null, NOT_IDLE)) {
                            continue; // handed a session just now: it runs first
                        }
                        Runnable last = waiting.pollFirst(); // queued as the server stopped
                        if (last != null) {
                            return last;
                        }
                        threadCount.decrementAndGet();
                        return null;
                    }
                    long left = deadline - System.nanoTime();
                    if (left > 0) {
                        LockSupport.parkNanos(this, left);
                    } else if (threadCount.get() <= KEPT_THREADS) {
                        deadline = System.nanoTime() + idleEndNanos; // one of the threads kept: idle on
                    } else if (slot.compareAndSet(null, NOT_IDLE)) {
                        if (retire()) {
                            return null;
                        }
                        break; // another thread retired first and this one is kept: idle again
                    }
                }
            }
        }

        /** Leaves the idle list to run {@code queued}, unless a session was handed over at the same moment. */
        private Runnable withdrawWith(Runnable queued) {
            if (slot.compareAndSet(null, NOT_IDLE)) {
                return queued;
            }
            Runnable handed = slot.getAndSet(NOT_IDLE);
            if (handed == LOOK) {
                return queued;
            }
            await(queued, true); // the queued one goes, first in line, to another thread
            return handed;
        }

        /** Ends this thread, withdrawn from the idle list, if more than {@link #KEPT_THREADS} remain. */
        private boolean retire() {
            for (int n = threadCount.get(); n > KEPT_THREADS; n = threadCount.get()) {
                if (threadCount.compareAndSet(n, n - 1)) {
                    idle.removeLastOccurrence(this); // the longest idle, near the end
                    return true;
                }
            }
            return false;
        }

        private void end() {
            workers.remove(this);
            if (threadCount.get() == 0) {
                synchronized (terminated) {
                    terminated.notifyAll();
                }
            }
        }
    }
}
