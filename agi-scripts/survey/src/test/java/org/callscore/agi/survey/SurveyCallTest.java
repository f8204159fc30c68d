package org.callscore.agi.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callscore.testing.asterisk.FastAgiCall.CALLER_HANGS_UP;
import static org.callscore.testing.asterisk.FastAgiCall.TIMEOUT;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.asteriskjava.fastagi.AgiHangupException;
import org.callscore.agi.survey.ScriptedSurveyCall.Played;
import org.callscore.survey.Question;
import org.callscore.survey.ResponseStatus;
import org.callscore.survey.Scale;
import org.callscore.survey.SurveyAnswer;
import org.callscore.survey.SurveyDefinition;
import org.junit.jupiter.api.Test;

/** The survey's call flow against the scripted Asterisk peer: what the caller hears, what is recorded. */
class SurveyCallTest {

    private static final Question ATTITUDE = new Question("attitude", "q-attitude", Scale.FIVE_POINT, "empathy", 2,
            5, true, false);
    private static final Question RECOMMEND = new Question("recommend", "q-recommend", Scale.ZERO_TO_TEN, "loyalty",
            1, 7, false, false);
    private static final Question COMPLAIN = new Question("complain", "q-complain", Scale.YES_NO, "", 0, 5, false,
            true);
    private static final SurveyDefinition SURVEY = survey(Optional.empty());

    private static SurveyDefinition survey(Optional<String> consent) {
        return new SurveyDefinition("after-call", Set.of("sales"), "intro", consent, "invalid",
                List.of(ATTITUDE, RECOMMEND, COMPLAIN), Optional.of("comment"), 30, "thanks", "(test)");
    }

    private static String play(String sound) {
        return "EXEC \"Playback\" \"" + sound + "\"";
    }

    private static String ask(String prompt, int seconds) {
        return "GET DATA \"" + prompt + "\" " + seconds * 1000 + " 1";
    }

    private static final String PLAYBACK_STATUS = "GET VARIABLE \"PLAYBACKSTATUS\"";
    private static final String SECOND_DIGIT = "WAIT FOR DIGIT 2000";
    private static final String CHANNEL_STATUS = "CHANNEL STATUS";

    @Test
    void everyAnswerIsRecordedAsGivenAndTheSurveyCompletes() throws Exception {
        // 4 on the five-point scale, 1 then 0 for ten, 2 for "no"
        Played played = ScriptedSurveyCall.play(SURVEY, caller -> caller.digits("4", "1", "0", "2"));

        assertThat(played.thrown()).isEmpty();
        assertThat(played.call().status()).isEqualTo(ResponseStatus.COMPLETED);
        assertThat(played.scores()).containsExactly(4, 10, 0);
        assertThat(played.answers()).extracting(SurveyAnswer::position).containsExactly(1, 2, 3);
        assertThat(played.answers()).extracting(SurveyAnswer::attempts).containsExactly(1, 1, 1);
        assertThat(played.answers()).allMatch(a -> a.responseId().equals(ScriptedSurveyCall.RESPONSE_ID));
        assertThat(played.call().answers()).isEqualTo(3);
        assertThat(played.call().complaint()).isFalse();
        assertThat(played.call().fivePointMean()).hasValue(4.0);
        assertThat(played.call().comment()).contains(ScriptedSurveyCall.COMMENT_FILE + ".wav");
        assertThat(played.call().missingSounds()).isEmpty();
        assertThat(played.commands()).containsExactly(
                play("intro"), PLAYBACK_STATUS,
                ask("q-attitude", 5),
                ask("q-recommend", 7), SECOND_DIGIT,
                ask("q-complain", 5),
                play("comment"), PLAYBACK_STATUS,
                "RECORD FILE \"" + ScriptedSurveyCall.COMMENT_FILE + "\" \"wav\" \"#\" 30000 0 BEEP s=4",
                play("thanks"), PLAYBACK_STATUS);
        assertThat(played.asterisk().agiStatus()).isEqualTo("SUCCESS");
    }

    @Test
    void aOneOnTheZeroToTenScaleWithoutASecondDigitIsOne() throws Exception {
        Played played = ScriptedSurveyCall.play(SURVEY, caller -> caller.digits("5", "1", TIMEOUT, "1"));

        assertThat(played.scores()).containsExactly(5, 1, 1);
    }

    @Test
    void anInvalidKeyPlaysTheInvalidSoundAndAsksAgain() throws Exception {
        // 7 and * are not on the five-point scale; 3 is, at the third asking
        Played played = ScriptedSurveyCall.play(SURVEY, caller -> caller.digits("7", "*", "3", "9", "1"));

        assertThat(played.scores()).containsExactly(3, 9, 1);
        assertThat(played.answers()).extracting(SurveyAnswer::attempts).containsExactly(3, 1, 1);
        assertThat(played.commands()).startsWith(
                play("intro"), PLAYBACK_STATUS,
                ask("q-attitude", 5), play("invalid"), PLAYBACK_STATUS,
                ask("q-attitude", 5), play("invalid"), PLAYBACK_STATUS,
                ask("q-attitude", 5),
                ask("q-recommend", 7));
    }

    @Test
    void aKeyOffTheYesNoScaleIsInvalidToo() throws Exception {
        // the complaint question has no retries: 3 is neither yes nor no, and the question stays unanswered
        Played played = ScriptedSurveyCall.play(SURVEY, caller -> caller.digits("5", "8", "3"));

        assertThat(played.scores()).containsExactly(5, 8);
        assertThat(played.call().status()).isEqualTo(ResponseStatus.PARTIAL);
        assertThat(played.call().complaint()).isFalse();
    }

    @Test
    void silenceUntilTheRetriesAreSpentLeavesTheQuestionUnansweredAndTheSurveyGoesOn() throws Exception {
        Played played = ScriptedSurveyCall.play(SURVEY,
                caller -> caller.digits(TIMEOUT, TIMEOUT, TIMEOUT, "6", "2"));

        assertThat(played.scores()).containsExactly(6, 0);
        assertThat(played.answers()).extracting(a -> a.question().id()).containsExactly("recommend", "complain");
        assertThat(played.answers()).extracting(SurveyAnswer::position).containsExactly(2, 3);
        assertThat(played.call().status()).isEqualTo(ResponseStatus.PARTIAL);
        assertThat(played.call().fivePointMean()).isEmpty();
        // asked three times (retries = 2), the invalid sound only between the askings, not after the last
        assertThat(played.commands().stream().filter(ask("q-attitude", 5)::equals)).hasSize(3);
        assertThat(played.commands().stream().filter(play("invalid")::equals)).hasSize(2);
        assertThat(played.commands()).containsSubsequence(ask("q-attitude", 5), ask("q-recommend", 7),
                play("thanks"));
    }

    @Test
    void aCallerWhoHangsUpMidSurveyKeepsTheAnswersGivenAndHearsNothingMore() throws Exception {
        Played played = ScriptedSurveyCall.play(SURVEY, caller -> caller.digits("2", CALLER_HANGS_UP));

        assertThat(played.thrown()).containsInstanceOf(AgiHangupException.class);
        assertThat(played.scores()).containsExactly(2);
        assertThat(played.call().status()).isEqualTo(ResponseStatus.PARTIAL);
        assertThat(played.call().answers()).isEqualTo(1);
        assertThat(played.call().comment()).isEmpty();
        assertThat(played.call().missingSounds()).as("a hang-up is not a missing sound").isEmpty();
        assertThat(played.commands()).containsExactly(
                play("intro"), PLAYBACK_STATUS,
                ask("q-attitude", 5),
                ask("q-recommend", 7), CHANNEL_STATUS);
    }

    @Test
    void aCallerWhoHangsUpBeforeTheFirstAnswerLeavesAnUnansweredResponse() throws Exception {
        Played played = ScriptedSurveyCall.play(SURVEY, caller -> caller.digits(CALLER_HANGS_UP));

        assertThat(played.thrown()).containsInstanceOf(AgiHangupException.class);
        assertThat(played.answers()).isEmpty();
        assertThat(played.call().status()).isEqualTo(ResponseStatus.UNANSWERED);
    }

    @Test
    void theLowestScoreOnAComplaintQuestionMakesTheCallAComplaint() throws Exception {
        Played played = ScriptedSurveyCall.play(SURVEY, caller -> caller.digits("1", "1", TIMEOUT, "2"));

        assertThat(played.scores()).containsExactly(1, 1, 0);
        assertThat(played.answers()).extracting(SurveyAnswer::complaint).containsExactly(true, false, false);
        assertThat(played.call().complaint()).isTrue();
        assertThat(played.call().status()).isEqualTo(ResponseStatus.COMPLETED);
    }

    @Test
    void yesToDoYouWishToComplainMakesTheCallAComplaint() throws Exception {
        Played played = ScriptedSurveyCall.play(SURVEY, caller -> caller.digits("5", "9", "1"));

        assertThat(played.scores()).containsExactly(5, 9, 1);
        assertThat(played.answers()).extracting(SurveyAnswer::complaint).containsExactly(false, false, true);
        assertThat(played.call().complaint()).isTrue();
    }

    @Test
    void aQuestionWhosePromptAsteriskCannotPlayIsSkippedAndEveryMissingSoundIsNamed() throws Exception {
        Played played = ScriptedSurveyCall.play(SURVEY,
                caller -> caller.missingSounds("q-attitude", "thanks").digits("9", "2"));

        assertThat(played.thrown()).isEmpty();
        assertThat(played.scores()).containsExactly(9, 0);
        assertThat(played.call().status()).isEqualTo(ResponseStatus.PARTIAL);
        assertThat(played.call().missingSounds()).containsExactly("q-attitude", "thanks");
        assertThat(played.commands()).startsWith(
                play("intro"), PLAYBACK_STATUS,
                ask("q-attitude", 5), CHANNEL_STATUS,
                ask("q-recommend", 7));
        assertThat(played.commands()).doesNotContain(play("invalid"));
        // Playback, unlike STREAM FILE, leaves AGISTATUS alone when a sound is missing
        assertThat(played.asterisk().agiStatus()).isEqualTo("SUCCESS");
    }

    @Test
    void aCallerWhoDeclinesConsentHearsTheThanksAndNoQuestion() throws Exception {
        Played played = ScriptedSurveyCall.play(survey(Optional.of("consent")), caller -> caller.digits("2"));

        assertThat(played.call().status()).isEqualTo(ResponseStatus.DECLINED);
        assertThat(played.answers()).isEmpty();
        assertThat(played.commands()).containsExactly(
                play("intro"), PLAYBACK_STATUS,
                ask("consent", 5),
                play("thanks"), PLAYBACK_STATUS);
    }

    @Test
    void aCallerWhoGivesNoConsentIsAskedThreeTimesThenLeftUnanswered() throws Exception {
        Played played = ScriptedSurveyCall.play(survey(Optional.of("consent")),
                caller -> caller.digits(TIMEOUT, "5", TIMEOUT));

        assertThat(played.call().status()).isEqualTo(ResponseStatus.UNANSWERED);
        assertThat(played.answers()).isEmpty();
        assertThat(played.commands().stream().filter(ask("consent", 5)::equals)).hasSize(3);
        assertThat(played.commands()).doesNotContain(ask("q-attitude", 5), play("thanks"));
    }

    @Test
    void consentGivenLeadsToTheQuestions() throws Exception {
        Played played = ScriptedSurveyCall.play(survey(Optional.of("consent")),
                caller -> caller.digits("1", "4", "7", "2"));

        assertThat(played.call().status()).isEqualTo(ResponseStatus.COMPLETED);
        assertThat(played.scores()).as("consent is not an answer").containsExactly(4, 7, 0);
    }
}
