package org.callscore.support.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordingFormatTest {

    @Test
    void asteriskFormatNamesAreTaken() {
        assertThat(new String[] {"wav", "wav49", "gsm", "ulaw", "g722", "sln16"}).allMatch(RecordingFormat::isValid);
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(new String[] {"", "WAV", ".wav", "wav/../x", "wav wav", "abcdefghi"})
                .noneMatch(RecordingFormat::isValid);
        assertThat(RecordingFormat.isValid(null)).isFalse();
    }
}
