package org.callscore.recording.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a voicemail file must hold to be a message: sound, not a header, silence or a moment of noise. */
class VoiceMessagesTest {

    @TempDir
    Path root;
    private final VoiceMessages messages = new VoiceMessages(Duration.ofSeconds(1));

    private boolean holds(Path file, String format) throws IOException {
        return messages.holdsMessage(file, format, Files.size(file));
    }

    @Test
    void theSoundOfAWavFileIsItsFramesAboveAsterisksSilenceThreshold() throws IOException {
        Path wav = RecordingFixture.spoken(root.resolve("a.wav"), 6, 1.5, 2.5);
        assertThat(VoiceMessages.sound(wav, "wav")).contains(Duration.ofMillis(2500));
        assertThat(holds(wav, "wav")).isTrue();
    }

    @Test
    void silenceABareHeaderOrAMomentOfSoundIsNoMessage() throws IOException {
        assertThat(holds(RecordingFixture.wav(root.resolve("silent.wav"), 8), "wav")).as("8 s of silence").isFalse();
        assertThat(holds(RecordingFixture.wav(root.resolve("bare.wav"), 0), "wav")).as("a bare header").isFalse();
        assertThat(holds(RecordingFixture.spoken(root.resolve("short.wav"), 5, 1, 0.6), "wav")).as("0.6 s of sound")
                .isFalse();
        assertThat(messages.holdsMessage(root.resolve("missing.wav"), "wav", -1)).as("no file").isFalse();
    }

    @Test
    void anotherFormatIsJudgedByItsLength() throws IOException {
        Path gsm = Files.write(root.resolve("a.gsm"), new byte[1650 * 3]);
        assertThat(VoiceMessages.sound(gsm, "gsm")).isEmpty();
        assertThat(holds(gsm, "gsm")).as("3 s of GSM").isTrue();
        assertThat(holds(Files.write(root.resolve("b.gsm"), new byte[800]), "gsm")).as("half a second").isFalse();
    }
}
