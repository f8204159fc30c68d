package org.callscore.recording.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.callscore.recording.Listener;
import org.callscore.recording.RecordingAccess;
import org.callscore.recording.RecordingAccess.Action;
import org.callscore.recording.RecordingCapture.LeftMessage;
import org.callscore.recording.RecordingCapture.StartedRecording;
import org.callscore.recording.RecordingFile;
import org.callscore.recording.RecordingKind;
import org.callscore.recording.RecordingRefusedException;
import org.callscore.testing.components.ComponentConfig;
import org.callscore.testing.components.TestBundleContext;
import org.callscore.testing.database.SwitchableDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The component as Declarative Services makes it: the dialplan's start step, listening and its access log. */
class RecordingIndexComponentTest {

    private static final Listener QA = new Listener("qa", "192.0.2.7");

    @TempDir
    Path root;
    private Jdbi jdbi;
    private SwitchableDatabase database;
    private final TestBundleContext bundle = new TestBundleContext();
    private RecordingIndexComponent index;

    @BeforeEach
    void start() {
        jdbi = RecordingFixture.freshTables();
        database = new SwitchableDatabase(jdbi);
        index = component(Map.of());
    }

    private RecordingIndexComponent component(Map<String, Object> settings) {
        Map<String, Object> all = new java.util.HashMap<>(Map.of("folder", root.toString(), "asterisk_folder",
                "/mnt/pbx1/monitor", "free_space_min_mb", 0L, "scan_interval_seconds", 3600));
        all.putAll(settings);
        return new RecordingIndexComponent(database,
                ComponentConfig.of(RecordingIndexComponent.Config.class, all), bundle.context());
    }

    @AfterEach
    void stop() {
        index.deactivate();
    }

    private long ready(String relative) throws Exception {
        Path wav = RecordingFixture.wav(root.resolve(relative), 1);
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO recording (server, uniqueid, channel_uniqueid, kind, "
                + "started_at, size_bytes, format, file, sha256, state) VALUES ('pbx1', :u, :u, 'QUEUE_CALL', NOW(), "
                + "16044, 'wav', :file, 'x', 'READY')").bind("u", relative.replaceAll("[^0-9.]", ""))
                .bind("file", relative).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    @Test
    void aVoicemailWithSoundIsKeptAndOneWithoutLeavesNeitherFileNorEntry() throws Exception {
        StartedRecording spoken = index.started("pbx1", "1764654000.50", Optional.empty(), RecordingKind.VOICEMAIL,
                "wav");
        Path file = root.resolve(spoken.path().substring("/mnt/pbx1/monitor/".length()));
        RecordingFixture.spoken(file, 5, 0.5, 3);
        Optional<LeftMessage> left = index.messageLeft("pbx1", "1764654000.50", Optional.of("1764654000.49"),
                spoken.path());
        assertThat(left).isPresent();
        assertThat(left.get().path()).isEqualTo(spoken.path());
        assertThat(left.get().id()).isEqualTo(spoken.id());
        assertThat(left.get().length()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(file).exists();
        boolean stopped = jdbi.withHandle(h -> h.createQuery("SELECT stopped_at IS NOT NULL FROM recording WHERE "
                + "id = :id").bind("id", spoken.id().get()).mapTo(Boolean.class).one());
        assertThat(stopped).as("stopped").isTrue();

        StartedRecording silent = index.started("pbx1", "1764654000.60", Optional.empty(), RecordingKind.VOICEMAIL,
                "wav");
        Path silence = RecordingFixture.wav(root.resolve(silent.path().substring("/mnt/pbx1/monitor/".length())), 4);
        assertThat(index.messageLeft("pbx1", "1764654000.60", Optional.empty(), silent.path())).isEmpty();
        assertThat(silence).doesNotExist();
        int rows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM recording WHERE id = :id")
                .bind("id", silent.id().get()).mapTo(Integer.class).one());
        assertThat(rows).isZero();

        StartedRecording hungUp = index.started("pbx1", "1764654000.70", Optional.empty(), RecordingKind.VOICEMAIL,
                "wav");
        assertThat(index.messageLeft("pbx1", "1764654000.70", Optional.empty(), hungUp.path()))
                .as("the caller hung up before the beep: no file at all").isEmpty();
    }

    @Test
    void aVoicemailStepNamingAnotherFileIsRefused() throws Exception {
        StartedRecording started = index.started("pbx1", "1764654000.80", Optional.empty(), RecordingKind.VOICEMAIL,
                "wav");
        RecordingFixture.spoken(root.resolve(started.path().substring("/mnt/pbx1/monitor/".length())), 3, 0, 3);
        StartedRecording queueCall = index.started("pbx1", "1764654000.81", Optional.empty(), RecordingKind.QUEUE_CALL,
                "wav");
        for (String file : List.of("/etc/passwd", "/mnt/pbx1/monitor/../x.wav", queueCall.path(),
                started.path().replace("1764654000.80", "1764654000.81"))) {
            assertThatThrownBy(() -> index.messageLeft("pbx1", "1764654000.80", Optional.empty(), file)).as(file)
                    .isInstanceOf(RecordingRefusedException.class);
        }
        assertThatThrownBy(() -> index.messageLeft("pbx2", "1764654000.80", Optional.empty(), started.path()))
                .as("another server's").isInstanceOf(RecordingRefusedException.class);
        assertThat(root.resolve(started.path().substring("/mnt/pbx1/monitor/".length()))).as("left alone").exists();
    }

    @Test
    void theStartStepNamesTheFileAndIndexesIt() {
        StartedRecording started = index.started("pbx1", "1764654000.42", Optional.of("1764654000.41"),
                RecordingKind.QUEUE_CALL, "wav");
        assertThat(started.path()).matches("/mnt/pbx1/monitor/pbx1/\\d{4}-\\d{2}-\\d{2}/queue-1764654000\\.42\\.wav");
        assertThat(started.id()).isPresent();
        assertThat(index.started("pbx1", "1764654000.42", Optional.empty(), RecordingKind.QUEUE_CALL, "wav"))
                .as("asked twice: the same recording, the same file").isEqualTo(started);
        jdbi.useHandle(h -> h.execute("UPDATE recording SET file = 'pbx1/2026-12-01/queue-1764654000.42.wav'"));
        assertThat(index.started("pbx1", "1764654000.42", Optional.empty(), RecordingKind.QUEUE_CALL, "wav").path())
                .as("asked again after midnight: the file it has").isEqualTo(
                        "/mnt/pbx1/monitor/pbx1/2026-12-01/queue-1764654000.42.wav");
    }

    @Test
    void theStartStepRefusesNamesThatAreNotCallScores() {
        assertThatThrownBy(() -> index.started("..", "1.1", Optional.empty(), RecordingKind.QUEUE_CALL, "wav"))
                .isInstanceOf(RecordingRefusedException.class);
        assertThatThrownBy(() -> index.started("pbx1", "+4930/../x", Optional.empty(), RecordingKind.QUEUE_CALL,
                "wav")).isInstanceOf(RecordingRefusedException.class);
        assertThatThrownBy(() -> index.started("pbx1", "1.1", Optional.empty(), RecordingKind.QUEUE_CALL, "wav;rm"))
                .isInstanceOf(RecordingRefusedException.class);
    }

    @Test
    void anUnreadableFolderIsSaidSoNotZeroMegabytesFree() throws Exception {
        index.deactivate();
        Path notAFolder = Files.writeString(root.resolve("monitor"), "a file where the folder should be");
        for (Path folder : List.of(notAFolder, notAFolder.resolve("recordings"))) {
            index = component(Map.of("folder", folder.toString(), "free_space_min_mb", 1L));
            assertThat(index.folderProblem()).as("%s", folder).hasValueSatisfying(problem -> assertThat(problem)
                    .startsWith("the recordings folder " + folder + " is unreadable: "));
            assertThatThrownBy(() -> index.started("pbx1", "1.1", Optional.empty(), RecordingKind.QUEUE_CALL, "wav"))
                    .isInstanceOf(RecordingRefusedException.class).hasMessageContaining("is unreadable")
                    .hasMessageNotContaining("MB free");
            assertThatThrownBy(index::scanNow).as("callscore:status shows the scan failing with why")
                    .hasMessageContaining("is unreadable");
            index.deactivate();
        }
        index = component(Map.of("folder", root.resolve("not/made/yet").toString()));
        assertThat(index.folderProblem()).as("Asterisk makes the folder when it first records").isEmpty();
    }

    @Test
    void withTooLittleFreeSpaceNothingIsRecorded() {
        index.deactivate();
        index = component(Map.of("free_space_min_mb", Long.MAX_VALUE / (1024 * 1024 * 2)));
        assertThatThrownBy(() -> index.started("pbx1", "1.1", Optional.empty(), RecordingKind.QUEUE_CALL, "wav"))
                .isInstanceOf(RecordingRefusedException.class).hasMessageContaining("free.space.min.mb");
    }

    @Test
    void withMariaDbDownTheFileIsStillNamed() {
        database.goDown();
        StartedRecording started = index.started("pbx1", "2.1", Optional.empty(), RecordingKind.WHOLE_CALL, "wav");
        assertThat(started.path()).endsWith("/call-2.1.wav");
        assertThat(started.id()).isEmpty();
    }

    @Test
    void everyOpenAndEveryRefusalIsLogged() throws Exception {
        long id = ready("pbx1/2026-12-02/queue-9.1.wav");
        RecordingFile file = index.open(id, QA, Action.PLAY);
        assertThat(file.path()).isEqualTo(root.resolve("pbx1/2026-12-02/queue-9.1.wav").toRealPath());
        assertThat(file.contentType()).isEqualTo("audio/wav");
        assertThat(file.sizeBytes()).isEqualTo(16_044);

        assertThatThrownBy(() -> index.open(999_999, QA, Action.DOWNLOAD)).hasMessage("no such recording");
        long outside = jdbi.withHandle(h -> h.createUpdate("INSERT INTO recording (server, uniqueid, channel_uniqueid, "
                + "kind, started_at, format, file, state) VALUES ('pbx1', '8.1', '8.1', 'QUEUE_CALL', NOW(), 'wav', "
                + "'../../etc/passwd', 'READY')").executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        assertThatThrownBy(() -> index.open(outside, QA, Action.PLAY)).isInstanceOf(RecordingRefusedException.class)
                .hasMessageContaining("outside the folder");
        Files.delete(root.resolve("pbx1/2026-12-02/queue-9.1.wav"));
        assertThatThrownBy(() -> index.open(id, QA, Action.PLAY)).hasMessage("file missing");
        index.refused(id, new Listener("intern", "192.0.2.8"), Action.PLAY, "no callscore-recordings role");

        List<RecordingAccess> log = index.accessLog(Instant.EPOCH, 10);
        assertThat(log).extracting(RecordingAccess::recordingId, RecordingAccess::user, RecordingAccess::address,
                RecordingAccess::granted, RecordingAccess::detail).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(id, "intern", "192.0.2.8", false,
                                "no callscore-recordings role"),
                        org.assertj.core.groups.Tuple.tuple(id, "qa", "192.0.2.7", false, "file missing"),
                        org.assertj.core.groups.Tuple.tuple(outside, "qa", "192.0.2.7", false,
                                "outside the folder: '..' in the path"),
                        org.assertj.core.groups.Tuple.tuple(999_999L, "qa", "192.0.2.7", false, "no such recording"),
                        org.assertj.core.groups.Tuple.tuple(id, "qa", "192.0.2.7", true, "16044 bytes"));
    }

    @Test
    void aHoldIsLoggedAndShown() throws Exception {
        long id = ready("pbx1/2026-12-02/queue-7.1.wav");
        assertThat(index.hold(id, QA, "dispute").held()).isTrue();
        assertThat(index.release(id, QA, "settled").held()).isFalse();
        assertThat(index.accessLog(Instant.EPOCH, 10)).extracting(RecordingAccess::action)
                .containsExactly(Action.RELEASE, Action.HOLD);
    }

    @Test
    void withMariaDbDownSearchesSayWhy() {
        database.goDown();
        assertThatThrownBy(() -> index.search(SearchTest.all())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MariaDB");
    }
}
