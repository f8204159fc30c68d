package org.callscore.support.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PeriodicTaskTest {

    /** The status as callscore:status reads it (the storage's TaskStatus has this shape). */
    record TaskStatus(String name, Duration interval, long runs, long failures, Optional<Instant> lastRun,
            Optional<Instant> lastError, Optional<String> lastCause, boolean failing) {
    }

    /** What a plain scheduleWithFixedDelay does not: run again after an exception, and after an Error. */
    @Test
    void runsAgainAfterAnyThrowable() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch fifthRun = new CountDownLatch(5);
        List<Throwable> failures = List.of(new IllegalStateException("disk full"),
                new java.util.regex.PatternSyntaxException("Illegal character range", "[9-1]XX", 3),
                new StackOverflowError(), new IllegalStateException("disk full"));
        try (PeriodicTask task = PeriodicTask.start("test-task", Duration.ZERO, Duration.ofMillis(5), () -> {
            int run = runs.getAndIncrement();
            fifthRun.countDown();
            if (run < failures.size()) {
                throwUnchecked(failures.get(run));
            }
        }, null)) {
            assertThat(fifthRun.await(10, TimeUnit.SECONDS)).as("a fifth run after four failures").isTrue();
            awaitRuns(task, 5);
            TaskStatus status = task.status(TaskStatus::new);
            assertThat(status.name()).isEqualTo("test-task");
            assertThat(status.failures()).isEqualTo(4);
            assertThat(status.failing()).isFalse();
            assertThat(status.lastCause()).contains("java.lang.IllegalStateException: disk full");
            assertThat(status.lastError()).isPresent();
            assertThat(status.lastRun().get()).isAfterOrEqualTo(status.lastError().get());
        }
    }

    @Test
    void isShownWhileItRunsAndNoLongerOnceClosed() throws Exception {
        List<String> shown = new ArrayList<>();
        PeriodicTask task = PeriodicTask.start("shown-task", Duration.ofHours(1), Duration.ofHours(1), () -> {
        }, started -> {
            shown.add(started.name());
            return () -> shown.remove(started.name());
        });
        assertThat(shown).containsExactly("shown-task");
        task.close();
        assertThat(shown).isEmpty();
    }

    @Test
    void showsTheFailureWhileItLasts() throws Exception {
        try (PeriodicTask task = PeriodicTask.start("always-failing", Duration.ZERO, Duration.ofMillis(5), () -> {
            throw new IllegalArgumentException("menu.main.direct.dial: bad pattern");
        }, null)) {
            awaitRuns(task, 3);
            TaskStatus status = task.status(TaskStatus::new);
            assertThat(status.failing()).isTrue();
            assertThat(status.failures()).isEqualTo(status.runs());
            assertThat(status.lastCause()).contains(
                    "java.lang.IllegalArgumentException: menu.main.direct.dial: bad pattern");
        }
    }

    @Test
    void firstRunHappensOnTheCallersThreadAndItsFailureDoesNotStopTheStart() throws Exception {
        List<String> threads = new ArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        // an hour between runs, so that nothing but runSoon() runs it again while the first run's status is read
        try (PeriodicTask task = PeriodicTask.startAfterFirstRun("catalog-scan", Duration.ofHours(1), () -> {
            synchronized (threads) {
                threads.add(Thread.currentThread().getName());
            }
            if (runs.getAndIncrement() == 0) {
                throw new IllegalStateException("first scan fails");
            }
        }, null)) {
            assertThat(task.status(TaskStatus::new).runs()).as("the first run is over when start returns").isEqualTo(1);
            assertThat(task.status(TaskStatus::new).failing()).isTrue();
            task.runSoon();
            awaitRuns(task, 2);
            assertThat(task.status(TaskStatus::new).failing()).isFalse();
        }
        assertThat(threads.get(0)).isEqualTo(Thread.currentThread().getName());
        assertThat(threads.get(1)).isEqualTo("callscore-catalog-scan");
    }

    @Test
    void extraRunsRequestedTogetherAreOneRun() throws Exception {
        CountDownLatch inRun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        try (PeriodicTask task = PeriodicTask.start("health-check", Duration.ZERO, Duration.ofHours(1), () -> {
            if (runs.getAndIncrement() == 0) {
                inRun.countDown();
                await(release);
            }
        }, null)) {
            assertThat(inRun.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 10; i++) {
                task.runSoon();
            }
            release.countDown();
            awaitRuns(task, 2);
            Thread.sleep(100);
            assertThat(runs.get()).as("one scheduled run and one extra run for ten requests").isEqualTo(2);
        }
    }

    @Test
    void stopsWhenClosed() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        PeriodicTask task = PeriodicTask.start("stopping", Duration.ZERO, Duration.ofMillis(2), runs::incrementAndGet,
                null);
        awaitRuns(task, 2);
        task.close();
        int afterClose = runs.get();
        Thread.sleep(50);
        assertThat(runs.get()).isEqualTo(afterClose);
        task.runSoon(); // ignored after close, without an error
        Thread.sleep(50);
        assertThat(runs.get()).isEqualTo(afterClose);
        assertThat(Thread.getAllStackTraces().keySet()).as("the task's thread has ended")
                .noneMatch(t -> t.getName().equals("callscore-stopping") && t.isAlive());
    }

    private static void awaitRuns(PeriodicTask task, long runs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (task.status(TaskStatus::new).runs() < runs) {
            assertThat(System.nanoTime()).as("%s runs of %s within 10 s", runs, task.status(TaskStatus::new).name())
                    .isLessThan(deadline);
            Thread.sleep(2);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void throwUnchecked(Throwable t) throws T {
        throw (T) t;
    }
}
