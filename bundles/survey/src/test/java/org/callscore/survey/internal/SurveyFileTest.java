package org.callscore.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.callscore.survey.Question;
import org.callscore.survey.Scale;
import org.callscore.survey.SurveyDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurveyFileTest {

    private static final String AFTER_CALL = """
            # After-call survey of the sales and support queues
            queues = sales, support
            intro = callscore/survey-intro
            consent = callscore/survey-consent
            thanks = callscore/survey-thanks
            comment.prompt = callscore/survey-comment
            comment.max.seconds = 45

            question.1.id = attitude
            question.1.prompt = callscore/q-attitude
            question.1.dimension = Empathy
            question.1.complaint.on.lowest = true

            question.2.id = solved
            question.2.prompt = callscore/q-solved
            question.2.scale = yes-no
            question.2.dimension = resolution
            question.2.retries = 1

            question.3.prompt = callscore/q-recommend
            question.3.scale = 0-10
            question.3.timeout.seconds = 8
            """;

    @Test
    void readsEverySettingWithItsDefaults() {
        SurveyDefinition survey = SurveyFile.parse("after-call", AFTER_CALL);

        assertThat(survey.name()).isEqualTo("after-call");
        assertThat(survey.queues()).containsExactlyInAnyOrder("sales", "support");
        assertThat(survey.consent()).contains("callscore/survey-consent");
        assertThat(survey.invalidKey()).isEqualTo("invalid");
        assertThat(survey.commentPrompt()).contains("callscore/survey-comment");
        assertThat(survey.commentSeconds()).isEqualTo(45);
        assertThat(survey.questions()).containsExactly(
                new Question("attitude", "callscore/q-attitude", Scale.FIVE_POINT, "empathy", 2, 5, true, false),
                new Question("solved", "callscore/q-solved", Scale.YES_NO, "resolution", 1, 5, false, false),
                new Question("q3", "callscore/q-recommend", Scale.ZERO_TO_TEN, "", 2, 8, false, false));
        assertThat(survey.text()).isEqualTo(AFTER_CALL);
    }

    @Test
    void aMisspeltKeyIsAnErrorNotSilence() {
        assertThatThrownBy(() -> SurveyFile.parse("s", AFTER_CALL + "question.1.timeout = 9\n"))
                .isInstanceOf(SurveyFileException.class)
                .hasMessage("survey s: question.1.timeout is not a survey setting (misspelt?)");
    }

    @Test
    void soundNamesCannotLeaveTheSoundsFolderOrCarryControlCharacters() {
        for (String bad : new String[] {"../../etc/passwd", "/var/lib/x", "q1.gsm", "a b", "x\rEXEC System"}) {
            assertThatThrownBy(() -> SurveyFile.parse("s", "intro = " + bad.replace("\r", "\\r")
                    + "\nthanks = t\nquestion.1.prompt = q\n"))
                    .as(bad).isInstanceOf(SurveyFileException.class).hasMessageContaining("intro");
        }
    }

    @Test
    void questionsAreNumberedWithoutGapsAndHaveUniqueIds() {
        assertThatThrownBy(() -> SurveyFile.parse("s", "intro = i\nthanks = t\nquestion.1.prompt = a\n"
                + "question.3.prompt = c\n")).hasMessage("survey s: question.2.prompt is missing: questions are "
                        + "numbered 1, 2, 3... without gaps");
        assertThatThrownBy(() -> SurveyFile.parse("s", "intro = i\nthanks = t\nquestion.1.prompt = a\n"
                + "question.1.id = x\nquestion.2.prompt = b\nquestion.2.id = x\n"))
                .hasMessage("survey s: question.2.id 'x' is used by two questions");
        assertThatThrownBy(() -> SurveyFile.parse("s", "intro = i\nthanks = t\n"))
                .hasMessageContaining("question.1.prompt is required");
    }

    @Test
    void complaintsAreTheLowestScoreOrAnExplicitYes() {
        SurveyDefinition survey = SurveyFile.parse("s", "intro = i\nthanks = t\nquestion.1.prompt = a\n"
                + "question.1.complaint.on.lowest = true\nquestion.2.prompt = b\nquestion.2.scale = yes-no\n"
                + "question.2.complaint.on.yes = true\nquestion.3.prompt = c\n");
        Question lowest = survey.questions().get(0);
        Question explicit = survey.questions().get(1);
        assertThat(lowest.isComplaint(1)).isTrue();
        assertThat(lowest.isComplaint(2)).isFalse();
        assertThat(explicit.isComplaint(1)).isTrue();
        assertThat(explicit.isComplaint(0)).isFalse();
        assertThat(survey.questions().get(2).isComplaint(1)).isFalse();
        assertThatThrownBy(() -> SurveyFile.parse("s", "intro = i\nthanks = t\nquestion.1.prompt = a\n"
                + "question.1.complaint.on.yes = true\n"))
                .hasMessage("survey s: question.1.complaint.on.yes needs scale = yes-no");
    }

    @Test
    void theVersionChangesWithTheTextOnly() {
        String text = "intro = i\nthanks = t\nquestion.1.prompt = a\n";
        assertThat(SurveyFile.parse("s", text).version()).hasSize(64)
                .isEqualTo(SurveyFile.parse("s", text).version())
                .isNotEqualTo(SurveyFile.parse("s", text + "# edited\n").version());
    }

    /** A setting out of its range, added to a one-question survey, and the whole message naming the key. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            question.1.scale = 1-7               | survey s: question.1.scale '1-7' is not a scale: use 1-5, 0-10 or yes-no
            question.1.retries = 9               | survey s: question.1.retries '9' is not a whole number in 0..5
            question.1.complaint.on.lowest = yes | survey s: question.1.complaint.on.lowest 'yes' is neither true nor false
            """)
    void valuesOutOfRangeAreNamed(String setting, String message) {
        assertThatThrownBy(() -> SurveyFile.parse("s", "intro = i\nthanks = t\nquestion.1.prompt = a\n" + setting + "\n"))
                .hasMessage(message);
    }

    @Test
    void aBadNameAndAMissingIntroAreNamed() {
        assertThatThrownBy(() -> SurveyFile.parse("Bad Name", "intro = i\nthanks = t\nquestion.1.prompt = a\n"))
                .hasMessageContaining("name must be");
        assertThatThrownBy(() -> SurveyFile.parse("s", "question.1.prompt = a\nthanks = t\n"))
                .hasMessage("survey s: intro is required (an Asterisk sound name)");
        assertThatThrownBy(() -> SurveyFile.parse("s", "intro = \\u12\n")).isInstanceOf(SurveyFileException.class)
                .hasMessageStartingWith("survey s: (file) is not in properties syntax: ");
    }
}
