package org.callscore.survey.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Mistakes the fuzz found: each is refused naming the survey and the key, nothing else. */
class SurveyFileMistakesTest {

    private static final String SURVEY = "intro = beep\nthanks = beep\nquestion.1.prompt = beep\n";

    @Test
    void aLongSoundNameIsRefusedInsteadOfOverflowingTheStack() {
        assertThatThrownBy(() -> SurveyFile.parse("s", SURVEY.replace("intro = beep", "intro = " + "a/".repeat(20_000)
                + "a"))).isInstanceOf(SurveyFileException.class).hasMessageStartingWith("survey s: intro 'a/a/a/")
                .hasMessageContaining("at most 255 characters");
    }

    @Test
    void aLineWithoutAKeyIsRefusedSayingSo() {
        assertThatThrownBy(() -> SurveyFile.parse("s", SURVEY + ": beep\n")).isInstanceOf(SurveyFileException.class)
                .hasMessage("survey s: (no key) a line starts with '=' or ':' (its value 'beep'): every setting is "
                        + "KEY = VALUE");
    }

    @Test
    void aQuestionNumberWithALeadingZeroIsNotSilentlyIgnored() {
        // question.01.scale used to count as question 1 while only question.1.* was read
        assertThatThrownBy(() -> SurveyFile.parse("s", SURVEY + "question.01.scale = yes-no\n"))
                .isInstanceOf(SurveyFileException.class)
                .hasMessage("survey s: question.01.scale is not a survey setting (misspelt?)");
    }

    @Test
    void aHugeNumberIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> SurveyFile.parse("s", SURVEY + "question.1.retries = 99999999999999999999\n"))
                .isInstanceOf(SurveyFileException.class)
                .hasMessage("survey s: question.1.retries '99999999999999999999' is not a whole number in 0..5");
    }
}
