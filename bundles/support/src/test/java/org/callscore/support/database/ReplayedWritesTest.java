package org.callscore.support.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ReplayedWritesTest {

    private static final class Visits extends ReplayedWrites {
    }

    @Test
    void theReplayStartsAtOnceAndDeactivationStopsItThenTheWriter() throws Exception {
        Visits visits = new Visits();
        List<String> shown = new ArrayList<>();
        AtomicInteger replays = new AtomicInteger();
        CountDownLatch firstReplay = new CountDownLatch(1);

        BoundedWriter writer = visits.startWriter("ivr", 500, 1, 10);
        visits.replayEvery("ivr-visit-replay", 1, () -> {
            replays.incrementAndGet();
            firstReplay.countDown();
        }, task -> {
            shown.add(task.name());
            return () -> shown.remove(task.name());
        });
        try {
            assertThat(firstReplay.await(10, TimeUnit.SECONDS)).as("the first replay does not wait an interval")
                    .isTrue();
            assertThat(shown).containsExactly("ivr-visit-replay");
            assertThat(writer.write(() -> { })).as("a caller's write while active").isTrue();
        } finally {
            visits.deactivate();
        }
        int replaysAtStop = replays.get();
        assertThat(shown).as("no longer shown in callscore:status").isEmpty();
        assertThat(writer.write(() -> { })).as("the writer is closed: the caller keeps the write itself").isFalse();
        Thread.sleep(1_200);
        assertThat(replays.get()).as("no replay after deactivation").isEqualTo(replaysAtStop);
    }
}
