package org.callscore.support.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BoundedWriterTest {

    @Test
    void aWriteInTimeIsDoneAndItsFailureReachesTheCaller() {
        try (BoundedWriter writer = new BoundedWriter("test", Duration.ofSeconds(30), 2, 10)) {
            AtomicInteger done = new AtomicInteger();
            assertThat(writer.write(done::incrementAndGet)).isTrue();
            assertThat(done).hasValue(1);
            assertThatThrownBy(() -> writer.write(() -> {
                throw new IllegalStateException("Data too long for column 'question_id'");
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("question_id");
            assertThat(writer.bypassing()).isFalse();
        }
    }

    /** A frozen MariaDB: the first write is handed back after the bound, the next ones without trying. */
    @Test
    void aLateWriteIsHandedBackAndLaterWritesBypassMariaDbUntilResumed() throws Exception {
        CountDownLatch frozen = new CountDownLatch(1);
        try (BoundedWriter writer = new BoundedWriter("test", Duration.ofMillis(50), 1, 10)) {
            AtomicInteger started = new AtomicInteger();
            assertThat(writer.write(() -> {
                started.incrementAndGet();
                await(frozen);
            })).as("a write MariaDB does not finish").isFalse();
            assertThat(writer.bypassing()).isTrue();

            AtomicInteger tried = new AtomicInteger();
            assertThat(writer.write(tried::incrementAndGet)).isFalse();
            frozen.countDown();
            assertThat(tried).as("not even tried while bypassing").hasValue(0);

            writer.resume();
            assertThat(writer.bypassing()).isFalse();
            CountDownLatch written = new CountDownLatch(1);
            // the late write may still hold the only writer: wait for it without a time limit on the caller side
            while (!writer.write(written::countDown)) {
                writer.resume();
            }
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(started).hasValue(1);
        }
    }

    @Test
    void whenEveryWriterAndQueuePlaceIsTakenTheWriteIsHandedBackAtOnce() throws Exception {
        CountDownLatch frozen = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        try (BoundedWriter writer = new BoundedWriter("test", Duration.ofMinutes(5), 1, 1)) {
            Thread first = new Thread(() -> writer.write(() -> {
                running.countDown();
                await(frozen);
            }));
            first.start();
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            Thread second = new Thread(() -> writer.write(() -> { })); // takes the one queue place
            second.start();
            while (writerQueueEmpty(writer)) {
                Thread.sleep(5);
            }
            AtomicInteger third = new AtomicInteger();
            assertThat(writer.write(third::incrementAndGet)).isFalse();
            assertThat(third).hasValue(0);
            frozen.countDown();
            first.join();
            second.join();
        }
    }

    private static boolean writerQueueEmpty(BoundedWriter writer) throws Exception {
        java.lang.reflect.Field field = BoundedWriter.class.getDeclaredField("writers");
        field.setAccessible(true);
        return ((java.util.concurrent.ThreadPoolExecutor) field.get(writer)).getQueue().isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
