package org.callscore.recording.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

import org.callscore.recording.Recording;
import org.callscore.recording.RecordingKind;
import org.callscore.recording.RecordingState;
import org.callscore.testing.components.MovingClock;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness, forgetting empty recordings, matching to queue_log and the CDR, and the folder walk. */
class IndexerTest {

    @TempDir
    Path root;
    private Jdbi jdbi;
    private RecordingStore store;
    private final MovingClock clock = new MovingClock(RecordingFixture.T0);
    private Indexer indexer;

    @BeforeEach
    void setUp() {
        jdbi = RecordingFixture.freshTables();
        store = new RecordingStore(() -> jdbi);
        indexer = new Indexer(store, new RecordingsFolder(root), new CallMatch(() -> jdbi, "queue_log", "cdr"),
                Duration.ofSeconds(5), Duration.ofHours(24), Duration.ofMinutes(30),
                new VoiceMessages(Duration.ofSeconds(1)), clock);
    }

    private long started(String uniqueId, Optional<String> linkedId) {
        String file = "pbx1/2026-12-02/queue-" + uniqueId + ".wav";
        return store.insertRecording("pbx1", uniqueId, linkedId, RecordingKind.QUEUE_CALL, clock.instant(), "wav",
                file).id();
    }

    private Path file(String uniqueId) {
        return root.resolve("pbx1/2026-12-02/queue-" + uniqueId + ".wav"); // the day of the fixture's clock
    }

    private Recording get(long id) {
        return store.byId(id).orElseThrow();
    }

    @Test
    void aGrowingFileIsReadyOnlyOnceItsSizeHasStoppedChanging() throws IOException {
        long id = started("100.1", Optional.empty());
        Path wav = RecordingFixture.wav(file("100.1"), 1);
        indexer.run();
        clock.advance(Duration.ofSeconds(3));
        Files.write(wav, new byte[16_000], StandardOpenOption.APPEND); // still being written
        indexer.run();
        clock.advance(Duration.ofSeconds(4));
        indexer.run();
        assertThat(get(id).state()).as("4 s after the last growth").isEqualTo(RecordingState.RECORDING);
        clock.advance(Duration.ofSeconds(2));
        indexer.run();
        Recording ready = get(id);
        assertThat(ready.state()).isEqualTo(RecordingState.READY);
        assertThat(ready.sizeBytes()).isEqualTo(44 + 32_000);
        assertThat(ready.duration()).contains(Duration.ofSeconds(2));
        assertThat(ready.sha256()).contains(AudioFiles.sha256(wav));
    }

    @Test
    void aBareHeaderLeavesNoEntryOnceStopped() throws IOException {
        long id = started("101.1", Optional.empty());
        Path wav = RecordingFixture.wav(file("101.1"), 0); // the caller hung up before an agent answered
        clock.advance(Duration.ofMinutes(5));
        indexer.run();
        assertThat(store.byId(id)).as("not stopped: the caller may still be waiting").isPresent();
        store.stopped("pbx1", "101.1", RecordingKind.QUEUE_CALL, clock.instant());
        clock.advance(Duration.ofSeconds(6));
        indexer.run();
        assertThat(store.byId(id)).isEmpty();
        assertThat(wav).doesNotExist();
    }

    @Test
    void aVoicemailOfSilenceLeavesNoEntryAndOneWithAMessageIsReady() throws IOException {
        String silent = "pbx1/2026-12-02/voicemail-103.1.wav";
        long silentId = store.insertRecording("pbx1", "103.1", Optional.empty(), RecordingKind.VOICEMAIL,
                clock.instant(), "wav", silent).id();
        Path silence = RecordingFixture.wav(root.resolve(silent), 5); // the caller hung up without a word
        String spoken = "pbx1/2026-12-02/voicemail-103.2.wav";
        long spokenId = store.insertRecording("pbx1", "103.2", Optional.empty(), RecordingKind.VOICEMAIL,
                clock.instant(), "wav", spoken).id();
        RecordingFixture.spoken(root.resolve(spoken), 5, 1, 3);
        indexer.run();
        clock.advance(Duration.ofSeconds(6));
        indexer.run();
        assertThat(store.byId(silentId)).isEmpty();
        assertThat(silence).doesNotExist();
        assertThat(get(spokenId).state()).isEqualTo(RecordingState.READY);
    }

    @Test
    void aRecordingThatNeverStartedWritingIsForgottenAfterTheAbandonTime() {
        long id = started("102.1", Optional.empty());
        clock.advance(Duration.ofHours(23));
        indexer.run();
        assertThat(store.byId(id)).isPresent();
        clock.advance(Duration.ofHours(2));
        indexer.run();
        assertThat(store.byId(id)).isEmpty();
    }

    @Test
    void theCallerAgentAndQueueComeFromTheCdrAndQueueLog() throws IOException {
        // recorded on the agent's channel (200.2); the caller's channel is 200.1, the call's linkedid
        long id = started("200.2", Optional.of("200.1"));
        RecordingFixture.connect(jdbi, "200.1", "sales", "Agent Smith", "200.2");
        RecordingFixture.cdr(jdbi, "200.1", "+49 (30) 1234-567");
        RecordingFixture.wav(file("200.2"), 3);
        indexer.run();
        clock.advance(Duration.ofSeconds(6));
        indexer.run();
        indexer.run();
        Recording r = get(id);
        assertThat(r.uniqueId()).isEqualTo("200.1");
        assertThat(r.caller()).contains("+49301234567");
        assertThat(r.agent()).contains("Agent Smith");
        assertThat(r.queue()).contains("sales");
    }

    @Test
    void aRecordingWithoutItsCdrRowWaitsForItThenIsIndexedWithoutACaller() throws IOException {
        long id = started("300.1", Optional.empty());
        RecordingFixture.wav(file("300.1"), 1);
        indexer.run();
        clock.advance(Duration.ofSeconds(6));
        indexer.run();
        assertThat(get(id).state()).isEqualTo(RecordingState.READY);
        RecordingFixture.cdr(jdbi, "300.1", "0301234567"); // Asterisk writes the CDR at hang-up
        indexer.run();
        assertThat(get(id).caller()).contains("0301234567");

        long lonely = started("301.1", Optional.empty());
        RecordingFixture.wav(file("301.1"), 1);
        indexer.run();
        clock.advance(Duration.ofMinutes(31));
        indexer.run();
        indexer.run();
        boolean matched = jdbi.withHandle(h -> h.createQuery("SELECT matched FROM recording WHERE id = " + lonely)
                .mapTo(Boolean.class).one());
        assertThat(matched).isTrue();
        assertThat(get(lonely).caller()).isEmpty();
    }

    @Test
    void theWalkIndexesCallScoresFilesAndNotesStrays() throws IOException {
        RecordingFixture.wav(file("400.1"), 1); // recorded while MariaDB was down: no row
        RecordingFixture.wav(root.resolve("q-600-+4930123.wav"), 1); // someone else's name
        long known = started("401.1", Optional.empty());
        RecordingFixture.wav(file("401.1"), 1);
        RecordingFixture.wav(root.resolve("pbx1/2026-11-29/queue-399.1.wav"), 1); // older than the walk looks
        assertThat(indexer.walk(2)).isEqualTo(1);
        assertThat(store.strays()).containsOnlyKeys("q-600-+4930123.wav");
        clock.advance(Duration.ofSeconds(1));
        indexer.run();
        clock.advance(Duration.ofSeconds(6));
        indexer.run();
        Recording found = store.search(SearchTest.all()).recordings().stream()
                .filter(r -> r.uniqueId().equals("400.1")).findFirst().orElseThrow();
        assertThat(found.state()).isEqualTo(RecordingState.READY);
        assertThat(found.server()).isEqualTo("pbx1");
        assertThat(get(known).state()).isEqualTo(RecordingState.READY);
        assertThat(store.indexed("pbx1/2026-11-29/queue-399.1.wav")).isFalse();
    }

    @Test
    void aSurveyTiesItsScoresAndItsVoiceCommentToTheCall() throws IOException {
        long call = started("500.1", Optional.empty());
        store.insertRecording("pbx1", "500.1", Optional.empty(), RecordingKind.VOICE_COMMENT, clock.instant(), "wav",
                "callscore-comment-0f8fad5b-d9cb-469f-a165-70867728950e.wav");
        store.surveyed("pbx1", "500.1", Optional.empty(), "0f8fad5b-d9cb-469f-a165-70867728950e", OptionalDouble.of(1.5),
                true);
        RecordingFixture.wav(root.resolve("callscore-comment-0f8fad5b-d9cb-469f-a165-70867728950e.wav"), 2);
        RecordingFixture.wav(file("500.1"), 2);
        indexer.run();
        clock.advance(Duration.ofSeconds(6));
        indexer.run();
        assertThat(store.ofCall("500.1")).extracting(Recording::kind, Recording::surveyResponse, Recording::complaint)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(RecordingKind.QUEUE_CALL,
                                Optional.of("0f8fad5b-d9cb-469f-a165-70867728950e"), true),
                        org.assertj.core.groups.Tuple.tuple(RecordingKind.VOICE_COMMENT,
                                Optional.of("0f8fad5b-d9cb-469f-a165-70867728950e"), true));
        assertThat(get(call).meanScore()).hasValue(1.5);
    }
}
