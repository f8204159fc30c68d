package org.callscore.fastagi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionPoolTest {

    private SessionPool pool;

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void afterABurstIdleThreadsAboveTheKeptOnesEndWhileSteadyTrafficGoesOn() throws Exception {
        pool = new SessionPool(4000, Executors.defaultThreadFactory(), Duration.ofMillis(300));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(200);
        for (int i = 0; i < 200; i++) {
            pool.execute(() -> {
                running.countDown();
                awaitQuietly(release);
            });
        }
        assertThat(running.await(10, TimeUnit.SECONDS)).as("the burst runs at once").isTrue();
        release.countDown();

        // a session every 5 ms, far more often than the idle end: a pool waking its longest-idle thread keeps all
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (pool.threads() > SessionPool.KEPT_THREADS + 1 && System.nanoTime() < deadline) {
            CountDownLatch done = new CountDownLatch(1);
            assertThat(pool.execute(done::countDown)).as("a thread is free").isFalse();
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(5);
        }

        assertThat(pool.threads()).isBetween(1, SessionPool.KEPT_THREADS + 1);
        assertThat(pool.largestThreads()).isEqualTo(200);
    }

    @Test
    void aStoppedPoolRefusesNewSessionsAndRunsTheWaitingOnes() throws Exception {
        pool = new SessionPool(1, Executors.defaultThreadFactory());
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        pool.execute(() -> {
            awaitQuietly(release);
            finished.incrementAndGet();
        });
        assertThat(pool.execute(finished::incrementAndGet)).as("waits for the one thread").isTrue();

        pool.shutdown();
        assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        release.countDown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(finished.get()).isEqualTo(2);
        assertThat(pool.threads()).isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void sessionsOneAfterAnotherReuseIdleThreads() throws Exception {
        pool = new SessionPool(4000, Executors.defaultThreadFactory());

        for (int i = 0; i < 500; i++) {
            CountDownLatch done = new CountDownLatch(1);
            pool.execute(done::countDown);
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(pool.largestThreads()).isLessThanOrEqualTo(9);
    }

    @Test
    void busyThreadsGrowThePoolToItsMaximumThenSessionsWaitAndAllRun() throws Exception {
        pool = new SessionPool(10, Executors.defaultThreadFactory());
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(10);
        AtomicInteger finished = new AtomicInteger();

        for (int i = 0; i < 50; i++) {
            pool.execute(() -> {
                running.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                finished.incrementAndGet();
            });
        }

        assertThat(running.await(5, TimeUnit.SECONDS)).as("ten sessions run at once").isTrue();
        assertThat(pool.threads()).isEqualTo(10);
        assertThat(pool.waiting()).isEqualTo(40);
        release.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(finished.get()).isEqualTo(50);
    }
}
