package org.callscore.fastagi.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Threads for FastAGI sessions. A new session goes to the thread that became idle last; when none is idle a
 * thread is added, up to {@code maxThreads}; beyond that sessions wait, in the order they came, for the next
 * thread that finishes. A session is never refused while the server runs.
 * <p>
 * Handing work to the most recently idle thread is what lets a pool shrink: after a burst, steady traffic keeps
 * the same few threads busy and the others, idle for {@link #IDLE_END}, end, down to {@link #KEPT_THREADS}.
 * (A ThreadPoolExecutor on a LinkedBlockingQueue wakes the longest-idle thread, so every thread of a burst
 * stays; on a SynchronousQueue it refuses work at the maximum, which is what drops calls in asterisk-java's own
 * pool.) Every decision is taken under one lock, so no session waits while a thread is idle.
 */
final class SessionPool {

    static final int KEPT_THREADS = 8;
    static final Duration IDLE_END = Duration.ofSeconds(60);

    private final int maxThreads;
    private final ThreadFactory threads;
    private final long idleEndNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition allEnded = lock.newCondition();
    /** Idle threads, the most recently idle first. */
    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    /** Sessions waiting for a thread (only when all {@code maxThreads} are busy). */
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private final Set<Worker> workers = new HashSet<>();
    private int largest;
    private boolean shutdown;

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
        Worker added;
        lock.lock();
        try {
            if (shutdown) {
                throw new RejectedExecutionException("FastAGI server stopped");
            }
            Worker free = idle.pollFirst();
            if (free != null) {
                free.listed = false;
                free.next = session;
                free.handed.signal();
                return false;
            }
            if (workers.size() >= maxThreads) {
                waiting.addLast(session);
                return true;
            }
            added = new Worker(session);
            workers.add(added);
            largest = Math.max(largest, workers.size());
        } finally {
            lock.unlock();
        }
        added.start();
        return false;
    }

    /** Threads now, busy or idle. */
    int threads() {
        lock.lock();
        try {
            return workers.size();
        } finally {
            lock.unlock();
        }
    }

    int largestThreads() {
        lock.lock();
        try {
            return largest;
        } finally {
            lock.unlock();
        }
    }

    /** Sessions waiting for a thread. */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** Takes no new session; sessions running or waiting run to their end, then the threads end. */
    void shutdown() {
        lock.lock();
        try {
            shutdown = true;
            idle.forEach(worker -> worker.handed.signal());
        } finally {
            lock.unlock();
        }
    }

    /** Shuts down, drops the waiting sessions and interrupts the running ones. */
    List<Runnable> shutdownNow() {
        lock.lock();
        try {
            shutdown();
            List<Runnable> dropped = new ArrayList<>(waiting);
            waiting.clear();
            workers.forEach(worker -> worker.thread.interrupt());
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (!workers.isEmpty()) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = allEnded.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private final class Worker implements Runnable {

        private final Condition handed = lock.newCondition();
        private final Thread thread;
        /** The session handed to this thread while it was idle; guarded by the pool's lock. */
        private Runnable next;
        /** Whether this thread is in the idle list; guarded by the pool's lock. */
        private boolean listed;

        Worker(Runnable first) {
            this.next = first;
            this.thread = threads.newThread(this);
        }

        void start() {
            try {
                thread.start();
            } catch (RuntimeException | OutOfMemoryError e) { // no thread to be had: the session waits for one
                lock.lock();
                try {
                    workers.remove(this);
                    if (workers.isEmpty()) {
                        throw new RejectedExecutionException("no thread for a FastAGI session", e);
                    }
                    waiting.addFirst(next);
                } finally {
                    lock.unlock();
                }
            }
        }

        @Override
        public void run() {
            Runnable session = take();
            while (session != null) {
                try {
                    session.run();
                } catch (RuntimeException | Error e) {
                    thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
                }
                Thread.interrupted(); // a session's interrupt is not the pool's: shutdownNow() is seen in take()
                session = take();
            }
        }

        /** The next session for this thread, or null when the thread is to end. */
        private Runnable take() {
            lock.lock();
            try {
                if (next == null) {
                    next = waiting.pollFirst();
                }
                long nanos = idleEndNanos;
                while (next == null) {
                    if (shutdown || nanos <= 0 && workers.size() > KEPT_THREADS) {
                        return end();
                    }
                    if (nanos <= 0) {
                        nanos = idleEndNanos; // one of the threads kept: idle on
                    }
                    if (!listed) {
                        idle.addFirst(this);
                        listed = true;
                    }
                    try {
                        nanos = handed.awaitNanos(nanos);
                    } catch (InterruptedException e) {
                        return end();
                    }
                }
                Runnable session = next;
                next = null;
                return session;
            } finally {
                lock.unlock();
            }
        }

        private Runnable end() {
            if (listed) {
                idle.removeLastOccurrence(this); // the longest idle, near the end
                listed = false;
            }
            workers.remove(this);
            if (workers.isEmpty()) {
                allEnded.signalAll();
            }
            return null;
        }
    }
}
