package org.callscore.agi.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.command.RecordFileCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.callscore.survey.Question;
import org.callscore.survey.ResponseStatus;
import org.callscore.survey.Scale;
import org.callscore.survey.SurveyAnswer;
import org.callscore.survey.SurveyDefinition;
import org.callscore.survey.SurveyResponses;

/**
 * One caller taking one survey: plays the prompts, reads keys, hands each valid answer to
 * {@link SurveyResponses} at once. Its state is always the outcome so far, so a hang-up at any point leaves
 * an exact {@link #status()}.
 */
final class SurveyCall {

    /** Consent is a yes/no question: key 1 takes the survey, key 2 declines it. */
    private static final int CONSENT_RETRIES = 2;
    private static final int CONSENT_TIMEOUT_SECONDS = 5;
    /** After a 1 on a 0-10 question, how long a 0 may follow to make 10. */
    private static final int SECOND_DIGIT_MILLIS = 2000;
    /** A caller's voice comment ends after this much silence. */
    private static final int COMMENT_SILENCE_SECONDS = 4;

    private final AgiChannel channel;
    private final SurveyDefinition survey;
    private final SurveyResponses responses;
    private final String responseId;
    private final List<Integer> fivePointScores = new ArrayList<>();
    private int answers;
    private boolean declined;
    private boolean complaint;
    private Optional<String> comment = Optional.empty();
    private final Set<String> missingSounds = new LinkedHashSet<>();

    SurveyCall(AgiChannel channel, SurveyDefinition survey, SurveyResponses responses, String responseId) {
        this.channel = channel;
        this.survey = survey;
        this.responseId = responseId;
        this.responses = responses;
    }

    /**
     * Runs the survey to its end.
     *
     * @param commentFile where Asterisk records a voice comment, without extension
     * @param commentFormat the recording's format, e.g. wav
     * @throws org.asteriskjava.fastagi.AgiHangupException when the caller hangs up; the state stays exact
     */
    void run(String commentFile, String commentFormat) throws AgiException {
        play(survey.intro());
        if (survey.consent().isPresent()) {
            Optional<Answer> consent = ask(survey.consent().get(), Scale.YES_NO, CONSENT_RETRIES,
                    CONSENT_TIMEOUT_SECONDS);
            if (consent.isEmpty()) {
                return; // no consent given: unanswered
            }
            if (consent.get().score() == 0) {
                declined = true;
                play(survey.thanks());
                return;
            }
        }
        List<Question> questions = survey.questions();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            Optional<Answer> answer = ask(question.prompt(), question.scale(), question.retries(),
                    question.timeoutSeconds());
            if (answer.isPresent()) {
                record(new SurveyAnswer(responseId, question, i + 1, answer.get().score(), answer.get().attempts(),
                        Instant.now()));
            }
        }
        if (survey.commentPrompt().isPresent()) {
            recordComment(survey.commentPrompt().get(), commentFile, commentFormat);
        }
        play(survey.thanks());
    }

    /**
     * Plays a sound no key interrupts. Playback, not STREAM FILE: res_agi ends the AGI of a failed STREAM FILE with
     * AGISTATUS=FAILURE even though the survey goes on, while Playback leaves AGISTATUS alone and says
     * PLAYBACKSTATUS=FAILED.
     */
    private void play(String sound) throws AgiException {
        if (channel.exec("Playback", sound) < 0) {
            channel.getChannelStatus(); // the caller hung up: this command throws AgiHangupException
            return;
        }
        if ("FAILED".equals(channel.getVariable("PLAYBACKSTATUS"))) {
            missingSounds.add(sound);
        }
    }

    private void record(SurveyAnswer answer) {
        responses.answered(answer);
        answers++;
        complaint |= answer.complaint();
        if (answer.question().scale() == Scale.FIVE_POINT) {
            fivePointScores.add(answer.score());
        }
    }

    private void recordComment(String prompt, String file, String format) throws AgiException {
        play(prompt);
        AgiReply reply = channel.sendCommand(new RecordFileCommand(file, format, "#",
                survey.commentSeconds() * 1000, 0, true, COMMENT_SILENCE_SECONDS));
        String endpos = reply.getAttribute("endpos");
        if (endpos != null && !endpos.equals("0")) {
            comment = Optional.of(file + "." + format); // something was recorded, even if the caller hung up
        }
    }

    private record Answer(int score, int attempts) {
    }

    /** Asks until a valid key, or until the retries are spent; empty then. */
    private Optional<Answer> ask(String prompt, Scale scale, int retries, int timeoutSeconds) throws AgiException {
        for (int attempt = 1; attempt <= retries + 1; attempt++) {
            String keys = channel.getData(prompt, timeoutSeconds * 1000L, 1);
            if ("-1".equals(keys)) {
                // the caller hung up (this next command then throws AgiHangupException), or Asterisk could not play
                // the prompt: the question cannot be asked, the survey goes on without it
                channel.getChannelStatus();
                missingSounds.add(prompt);
                return Optional.empty();
            }
            Integer score = score(scale, keys);
            if (score != null) {
                return Optional.of(new Answer(score, attempt));
            }
            if (attempt <= retries) {
                play(survey.invalidKey());
            }
        }
        return Optional.empty();
    }

    /** @return the score a key stands for on the scale, or null for an invalid key or none */
    private Integer score(Scale scale, String keys) throws AgiException {
        if (keys == null || keys.length() != 1 || keys.charAt(0) < '0' || keys.charAt(0) > '9') {
            return null; // silence, '*', or '#' alone
        }
        int digit = keys.charAt(0) - '0';
        switch (scale) {
            case YES_NO:
                return digit == 1 ? Integer.valueOf(1) : digit == 2 ? Integer.valueOf(0) : null;
            case ZERO_TO_TEN:
                if (digit == 1 && channel.waitForDigit(SECOND_DIGIT_MILLIS) == '0') {
                    return 10;
                }
                return digit;
            default:
                return scale.accepts(digit) ? Integer.valueOf(digit) : null;
        }
    }

    ResponseStatus status() {
        if (declined) {
            return ResponseStatus.DECLINED;
        }
        if (answers == survey.questions().size()) {
            return ResponseStatus.COMPLETED;
        }
        return answers > 0 ? ResponseStatus.PARTIAL : ResponseStatus.UNANSWERED;
    }

    /** @return the sounds Asterisk could not play in this call, in the order met */
    Set<String> missingSounds() {
        return missingSounds;
    }

    int answers() {
        return answers;
    }

    boolean complaint() {
        return complaint;
    }

    Optional<String> comment() {
        return comment;
    }

    /** @return the mean of the answers on the five-point scale, if any */
    OptionalDouble fivePointMean() {
        return fivePointScores.stream().mapToInt(Integer::intValue).average();
    }
}
