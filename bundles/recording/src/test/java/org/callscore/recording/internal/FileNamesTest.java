package org.callscore.recording.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.callscore.recording.RecordingKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FileNamesTest {

    @Test
    void aChosenNameIsReadBack() {
        String name = FileNames.chosen("pbx1", LocalDate.of(2026, 12, 2), RecordingKind.QUEUE_CALL, "1764654000.42",
                "wav");
        assertThat(name).isEqualTo("pbx1/2026-12-02/queue-1764654000.42.wav");
        assertThat(FileNames.parse(name)).get().isEqualTo(
                new FileNames.Parsed("pbx1", RecordingKind.QUEUE_CALL, "1764654000.42", "wav"));
    }

    @ParameterizedTest
    @EnumSource(value = RecordingKind.class, names = "VOICE_COMMENT", mode = EnumSource.Mode.EXCLUDE)
    void everyKindOfChosenNameIsReadBackAsItsKind(RecordingKind kind) {
        String name = FileNames.chosen("pbx1", LocalDate.of(2026, 12, 2), kind, "1764654000.42", "wav");
        assertThat(FileNames.parse(name)).get().extracting(FileNames.Parsed::kind).isEqualTo(kind);
    }

    @Test
    void aVoiceCommentIsNotNamedAsARecording() {
        assertThatThrownBy(() -> FileNames.chosen("pbx1", LocalDate.of(2026, 12, 2), RecordingKind.VOICE_COMMENT,
                "1764654000.42", "wav")).isInstanceOf(IllegalArgumentException.class);
        assertThat(FileNames.parse("pbx1/2026-12-02/comment-1764654000.42.wav")).isEmpty();
    }

    @Test
    void otherNamesAreNotCallScores() {
        assertThat(FileNames.parse("pbx1/2026-12-02/queue-+4930123.wav")).isEmpty();
        assertThat(FileNames.parse("../2026-12-02/queue-1.1.wav")).isEmpty();
        assertThat(FileNames.parse("q-exten-1764654000.42.wav")).isEmpty();
    }

    @Test
    void aServerCannotNameAFolderAbove() {
        assertThat(FileNames.parse("../2026-12-02/queue-1764654000.42.wav")).isEmpty();
        assertThat(FileNames.parse(".hidden/2026-12-02/queue-1764654000.42.wav")).isEmpty();
        assertThat(FileNames.parse("pbx-1.example.com/2026-12-02/queue-1764654000.42.wav")).get()
                .extracting(FileNames.Parsed::server).isEqualTo("pbx-1.example.com");
    }
}
