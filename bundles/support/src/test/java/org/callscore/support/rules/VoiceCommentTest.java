package org.callscore.support.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VoiceCommentTest {

    private static final String RESPONSE = "0f8fad5b-d9cb-469f-a165-70867728950e";

    @Test
    void theNameItGivesIsTheNameItRecognises() {
        assertThat(VoiceComment.baseName(RESPONSE)).isEqualTo("callscore-comment-" + RESPONSE);
        assertThat(VoiceComment.fileName(RESPONSE, "wav")).isEqualTo("callscore-comment-" + RESPONSE + ".wav");
        assertThat(VoiceComment.isFileName(VoiceComment.fileName(RESPONSE, "gsm"))).isTrue();
    }

    @Test
    void otherNamesAreNotComments() {
        assertThat(new String[] {"callscore-comment-../x.wav", "callscore-comment-" + RESPONSE,
            "callscore-comment-" + RESPONSE + ".WAV", "sub/callscore-comment-" + RESPONSE + ".wav",
            "callscore-comment-0f8fad5b.wav", "callscore_comment-" + RESPONSE + ".wav"})
                .noneMatch(VoiceComment::isFileName);
    }
}
