package org.callscore.recording.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.callscore.recording.RecordingKind;
import org.callscore.recording.RecordingState;
import org.callscore.storage.BackgroundTask;
import org.callscore.testing.components.ComponentConfig;
import org.callscore.testing.components.Eventually;
import org.callscore.testing.components.TestBundleContext;
import org.callscore.testing.database.BrokenDatabase;
import org.callscore.testing.database.SwitchableDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recording-scan task, driven as Declarative Services drives the component: an Error out of the Database
 * service fails a run, and once the cause is gone the next run makes the finished recording ready.
 */
class RecordingScanRecoveryTest {

    @TempDir
    Path root;

    @Test
    void anErrorOutOfTheDatabaseDoesNotStopTheScan() throws Exception {
        Jdbi jdbi = RecordingFixture.freshTables();
        BrokenDatabase database = new BrokenDatabase(new SwitchableDatabase(jdbi));
        TestBundleContext bundle = new TestBundleContext();
        RecordingIndexComponent index = new RecordingIndexComponent(database, ComponentConfig.of(
                RecordingIndexComponent.Config.class, Map.of("folder", root.toString(), "scan_interval_seconds", 1,
                        "settle_seconds", 1, "free_space_min_mb", 0L)), bundle.context());
        try {
            BackgroundTask task = bundle.task("recording-scan");
            String file = index.started("pbx1", "600.1", Optional.empty(), RecordingKind.QUEUE_CALL, "wav").path();
            String injected = database.breakUntilARunFails(task, () -> { });
            assertThat(task.status().lastCause()).get().asString().contains(injected);
            RecordingFixture.wav(Path.of(file), 2);

            database.repair();
            RecordingStore store = new RecordingStore(() -> jdbi);
            Eventually.until("the recording ready", () -> store.ofCall("600.1").stream()
                    .anyMatch(r -> r.state() == RecordingState.READY));
        } finally {
            index.deactivate();
        }
        assertThat(bundle.hasServices()).isFalse();
    }
}
