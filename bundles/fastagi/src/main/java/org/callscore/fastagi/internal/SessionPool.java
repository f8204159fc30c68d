package org.callscore.fastagi.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for FastAGI sessions: an idle thread takes the next session; when none is idle a thread is added,
 * up to {@code maxThreads}; beyond that sessions wait in an unbounded queue. Never refuses a session.
 * <p>
 * A plain ThreadPoolExecutor cannot do this: with a queue it only grows once the queue is full, and
 * without one it refuses work at the maximum (which is what drops calls in asterisk-java's own pool).
 */
final class SessionPool extends ThreadPoolExecutor {

    private static final int KEPT_THREADS = 8;

    private final AtomicInteger submitted = new AtomicInteger();

    SessionPool(int maxThreads, ThreadFactory threads) {
        super(Math.min(KEPT_THREADS, maxThreads), maxThreads, 60, TimeUnit.SECONDS, new SessionQueue(), threads,
                (session, pool) -> ((SessionQueue) pool.getQueue()).enqueue(session));
        ((SessionQueue) getQueue()).pool = this;
    }

    @Override
    public void execute(Runnable session) {
        submitted.incrementAndGet();
        try {
            super.execute(session);
        } catch (RuntimeException e) {
            submitted.decrementAndGet();
            throw e;
        }
    }

    @Override
    protected void afterExecute(Runnable session, Throwable failure) {
        submitted.decrementAndGet();
    }

    /** Queues a session only when a thread is idle or no thread may be added. */
    private static final class SessionQueue extends LinkedBlockingQueue<Runnable> {

        private static final long serialVersionUID = 1L;
        private transient SessionPool pool;

        @Override
        public boolean offer(Runnable session) {
            if (pool.getPoolSize() < pool.getMaximumPoolSize() && pool.submitted.get() > pool.getPoolSize()) {
                return false; // every thread is busy: the executor adds one
            }
            return super.offer(session);
        }

        /** For the race where the pool reached its maximum after offer() declined. */
        void enqueue(Runnable session) {
            if (pool.isShutdown()) {
                throw new java.util.concurrent.RejectedExecutionException("FastAGI server stopped");
            }
            super.offer(session);
        }
    }
}
