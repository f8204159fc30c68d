package org.callscore.testing.asterisk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/** Many simulated calls at once, for load tests. Thread-safe. */
public final class AsteriskPeer {

    /** The most calls run at once; one thread each. */
    public static final int MAX_CONCURRENT_CALLS = 4000;

    /** The calls only parse lines, so a small stack lets thousands of threads fit. */
    private static final long THREAD_STACK_BYTES = 256 * 1024;
    /** Every step of a call is bounded by the deadline; this covers the last connect and close. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private AsteriskPeer() {
    }

    /**
     * Runs {@code calls} calls at once, each built by {@code builder} from its index (0-based),
     * connected, and answered by the simulated channel until its session ends.
     *
     * @return the outcomes, in index order
     * @throws AssertionError when any call fails or times out, saying which and why
     */
    public static List<Outcome> runConcurrently(int calls, Function<Integer, FastAgiCall.Builder> builder,
            Duration timeout) {
        return run(calls, builder, timeout, false);
    }

    /**
     * Like {@link #runConcurrently}, but proves the server serves all calls at the same time:
     * every call is held, unanswered, at its first command until all {@code calls} calls have
     * received theirs; then all are answered to the end.
     *
     * @throws AssertionError when the barrier is not reached within {@code timeout}, saying how
     *                        many calls had received their first command, or when a call fails
     */
    public static List<Outcome> runConcurrentlyAllInFlight(int calls,
            Function<Integer, FastAgiCall.Builder> builder, Duration timeout) {
        return run(calls, builder, timeout, true);
    }

    private static List<Outcome> run(int calls, Function<Integer, FastAgiCall.Builder> builder, Duration timeout,
            boolean holdAtFirstCommand) {
        if (calls < 1 || calls > MAX_CONCURRENT_CALLS) {
            throw new IllegalArgumentException("calls must be 1.." + MAX_CONCURRENT_CALLS + ", not " + calls);
        }
        Objects.requireNonNull(builder, "builder");
        long deadline = System.nanoTime() + timeout.toNanos();
        AtomicReferenceArray<FastAgiCall> open = new AtomicReferenceArray<>(calls);
        AtomicReferenceArray<Outcome> outcomes = new AtomicReferenceArray<>(calls);
        AtomicReferenceArray<Throwable> failures = new AtomicReferenceArray<>(calls);
        AtomicInteger firstCommands = new AtomicInteger();
        CountDownLatch barrier = new CountDownLatch(calls);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean aborted = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(calls);

        ExecutorService pool = Executors.newFixedThreadPool(calls, threads());
        try {
            for (int i = 0; i < calls; i++) {
                int index = i;
                pool.execute(() -> {
                    boolean atBarrier = false;
                    try {
                        FastAgiCall call = builder.apply(index).connect();
                        open.set(index, call);
                        if (aborted.get()) {
                            call.close(); // connected after closeAll() ran
                            return;
                        }
                        if (holdAtFirstCommand) {
                            // The barrier times out at the deadline; the calls wait longer so that it
                            // is the barrier that reports, with its count, and not each call.
                            call.respondUntil(command -> true, remaining(deadline + GRACE_NANOS));
                            firstCommands.incrementAndGet();
                            atBarrier = true;
                            barrier.countDown();
                            release.await();
                            if (aborted.get()) {
                                return;
                            }
                        }
                        outcomes.set(index, call.runToEnd(remaining(deadline)));
                    } catch (Throwable t) {
                        failures.set(index, t);
                        FastAgiCall call = open.get(index);
                        if (call != null) {
                            call.close(); // do not leave the server a half-finished session
                        }
                    } finally {
                        if (!atBarrier) {
                            barrier.countDown(); // a failed call must not keep the others waiting
                        }
                        done.countDown();
                    }
                });
            }
            if (holdAtFirstCommand) {
                boolean reached = await(barrier, deadline);
                if (!reached || firstCommands.get() < calls) {
                    aborted.set(true);
                    release.countDown();
                    closeAll(open);
                    String reason = reached ? "" : " when the barrier timed out after " + timeout;
                    throw failure(String.format("%d of %d calls had received their first FastAGI command%s",
                            firstCommands.get(), calls, reason), failures);
                }
                release.countDown();
            }
            if (!await(done, deadline + GRACE_NANOS)) {
                aborted.set(true);
                closeAll(open);
                throw failure(String.format("%d of %d calls did not end within %s",
                        done.getCount(), calls, timeout), failures);
            }
            List<Outcome> result = new ArrayList<>(calls);
            for (int i = 0; i < calls; i++) {
                if (failures.get(i) != null) {
                    throw failure(String.format("%d calls succeeded", countOutcomes(outcomes)), failures);
                }
                result.add(outcomes.get(i));
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    private static AssertionError failure(String summary, AtomicReferenceArray<Throwable> failures) {
        StringBuilder message = new StringBuilder(summary);
        List<Throwable> shown = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < failures.length(); i++) {
            Throwable failure = failures.get(i);
            if (failure != null) {
                failed++;
                if (shown.size() < 5) {
                    message.append(shown.isEmpty() ? "; failures: " : "; ")
                            .append("call ").append(i).append(": ").append(failure);
                    shown.add(failure);
                }
            }
        }
        message.append("; ").append(failed).append(" calls failed");
        AssertionError error = new AssertionError(message.toString());
        shown.forEach(error::addSuppressed);
        return error;
    }

    private static int countOutcomes(AtomicReferenceArray<Outcome> outcomes) {
        int count = 0;
        for (int i = 0; i < outcomes.length(); i++) {
            if (outcomes.get(i) != null) {
                count++;
            }
        }
        return count;
    }

    private static void closeAll(AtomicReferenceArray<FastAgiCall> open) {
        for (int i = 0; i < open.length(); i++) {
            FastAgiCall call = open.get(i);
            if (call != null) {
                call.close();
            }
        }
    }

    private static boolean await(CountDownLatch latch, long deadline) {
        try {
            return latch.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the calls", e);
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static ThreadFactory threads() {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(null, task, "asterisk-peer-call-" + counter.incrementAndGet(),
                    THREAD_STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        };
    }
}
