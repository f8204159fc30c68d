package org.callscore.fastagi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
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
    void sessionsOneAfterAnotherReuseIdleThreads() throws Exception {
        pool = new SessionPool(4000, Executors.defaultThreadFactory());

        for (int i = 0; i < 500; i++) {
            CountDownLatch done = new CountDownLatch(1);
            pool.execute(done::countDown);
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(pool.getLargestPoolSize()).isLessThanOrEqualTo(9);
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
        assertThat(pool.getPoolSize()).isEqualTo(10);
        assertThat(pool.getQueue()).hasSize(40);
        release.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(finished.get()).isEqualTo(50);
    }
}
