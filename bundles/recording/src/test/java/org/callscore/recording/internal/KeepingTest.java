package org.callscore.recording.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.callscore.recording.Listener;
import org.callscore.recording.Recording;
import org.callscore.recording.RecordingAccess;
import org.callscore.recording.RecordingState;
import org.callscore.testing.components.MovingClock;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention per queue, legal holds on a recording and on a caller, tombstones, and the integrity check. */
class KeepingTest {

    private static final Listener ADMIN = new Listener("admin", "console");

    @TempDir
    Path root;
    private Jdbi jdbi;
    private RecordingStore store;
    private final MovingClock clock = new MovingClock(RecordingFixture.T0);
    private Keeping keeping;

    @BeforeEach
    void rows() throws Exception {
        jdbi = RecordingFixture.freshTables();
        store = new RecordingStore(() -> jdbi);
        keeping = new Keeping(store, new RecordingsFolder(root), 365, Map.of("sales", 30), clock);
        row(1, "sales", 31, "+49301234567"); // past sales' 30 days
        row(2, "sales", 29, "+49301234567");
        row(3, "support", 31, "+4940555000"); // support: the default 365 days
        row(4, "support", 366, "+4940555000");
        row(5, null, 400, "+4940777000");
        row(6, "sales", 90, "+4940888000");
    }

    private void row(long id, String queue, int daysAgo, String caller) throws Exception {
        String file = "f" + id + ".wav";
        Path wav = RecordingFixture.wav(root.resolve(file), 1);
        jdbi.useHandle(h -> h.execute("INSERT INTO recording (id, server, uniqueid, channel_uniqueid, kind, caller, "
                + "caller_reversed, queue, started_at, duration_ms, size_bytes, format, file, sha256, state, matched) "
                + "VALUES (?, 'pbx1', ?, ?, 'QUEUE_CALL', ?, ?, ?, ?, 1000, ?, 'wav', ?, ?, 'READY', TRUE)", id,
                id + ".1", id + ".1", caller, CallerNumber.reversed(caller), queue,
                Timestamp.from(clock.instant().minus(Duration.ofDays(daysAgo))), Files.size(wav), file,
                AudioFiles.sha256(wav)));
    }

    private List<Long> due() {
        return keeping.due(100).stream().map(d -> d.recording().id()).sorted().toList();
    }

    @Test
    void theRulesOfEachQueueAndTheDefault() {
        assertThat(due()).containsExactly(1L, 4L, 5L, 6L);
    }

    @Test
    void aPurgeRemovesTheFileAndLeavesATombstoneAndALogLine() {
        keeping.due(100).forEach(d -> keeping.purge(d, ADMIN));
        Recording tombstone = store.byId(1).orElseThrow();
        assertThat(tombstone.state()).isEqualTo(RecordingState.PURGED);
        assertThat(tombstone.sizeBytes()).isZero();
        assertThat(tombstone.sha256()).as("kept, to show what was removed").isPresent();
        assertThat(root.resolve("f1.wav")).doesNotExist();
        assertThat(root.resolve("f2.wav")).exists();
        assertThat(store.byId(2).orElseThrow().state()).isEqualTo(RecordingState.READY);
        List<RecordingAccess> log = store.accessLog(Instant.EPOCH, 100);
        assertThat(log).filteredOn(a -> a.recordingId() == 1).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo(RecordingAccess.Action.PURGE);
            assertThat(a.detail()).contains("queue sales: 30 days").contains("f1.wav");
        });
        assertThat(due()).as("nothing left to purge").isEmpty();
    }

    @Test
    void heldRecordingsAreNeverPurged() {
        store.hold(1, true, "dispute 42");
        store.holdCaller("+49 40 555 000", "court order", "admin", clock.instant());
        assertThat(due()).containsExactly(5L, 6L);
        assertThat(store.byId(3).orElseThrow().held()).as("every recording of the held caller").isTrue();
        store.hold(1, false, "dispute 42");
        store.releaseCaller("+4940555000");
        assertThat(due()).containsExactly(1L, 4L, 5L, 6L);
    }

    @Test
    void verifyFindsChangedAndMissingFiles() throws Exception {
        assertThat(keeping.verify()).isEmpty();
        Files.write(root.resolve("f2.wav"), new byte[] { 1, 2, 3 }, java.nio.file.StandardOpenOption.APPEND);
        Files.delete(root.resolve("f3.wav"));
        assertThat(keeping.verify()).extracting(Keeping.Problem::id, p -> p.what().split(" ")[0])
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "changed"),
                        org.assertj.core.groups.Tuple.tuple(3L, "file"));
    }
}
