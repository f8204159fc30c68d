package org.callscore.agi.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.asteriskjava.fastagi.AgiException;
import org.callscore.survey.ResponseStatus;
import org.callscore.survey.SurveyAnswer;
import org.callscore.survey.SurveyDefinition;
import org.callscore.survey.SurveyOffer;
import org.callscore.survey.SurveyResponses;
import org.callscore.testing.asterisk.FastAgiCall;
import org.callscore.testing.asterisk.Outcome;
import org.callscore.testing.asterisk.ServedCall;

/**
 * One {@link SurveyCall} played over a real FastAGI connection ({@link ServedCall}: asterisk-java's own server
 * socket, connection handler and channel against the scripted Asterisk peer). The caller's keys, hang-up and the
 * sounds Asterisk lacks are set on the peer's builder.
 */
final class ScriptedSurveyCall {

    static final String RESPONSE_ID = "response-1";
    static final String COMMENT_FILE = "/var/spool/asterisk/monitor/callscore-comment-" + RESPONSE_ID;

    /** What the call did: the flow's final state, what Asterisk saw, what was recorded. */
    record Played(SurveyCall call, Outcome asterisk, Optional<AgiException> thrown, List<SurveyAnswer> answers) {

        /** @return the commands the survey sent, without the library's own AJ_AGISTATUS bookkeeping */
        List<String> commands() {
            return asterisk.commands().stream().filter(c -> !c.contains("AJ_AGISTATUS")).toList();
        }

        List<Integer> scores() {
            return answers.stream().map(SurveyAnswer::score).toList();
        }
    }

    private ScriptedSurveyCall() {
    }

    static Played play(SurveyDefinition survey, UnaryOperator<FastAgiCall.Builder> caller) throws Exception {
        List<SurveyAnswer> answers = new ArrayList<>();
        SurveyCall[] call = new SurveyCall[1];
        ServedCall.Played played = ServedCall.play((request, channel) -> {
            call[0] = new SurveyCall(channel, survey, recorder(answers), RESPONSE_ID);
            call[0].run(COMMENT_FILE, "wav");
        }, builder -> caller.apply(builder.script("survey")));
        return new Played(call[0], played.asterisk(), played.thrown(), answers);
    }

    private static SurveyResponses recorder(List<SurveyAnswer> answers) {
        return new SurveyResponses() {
            @Override
            public void offered(SurveyOffer offer) {
                throw new UnsupportedOperationException("the application offers, not the call");
            }

            @Override
            public void answered(SurveyAnswer answer) {
                answers.add(answer);
            }

            @Override
            public void ended(String responseId, ResponseStatus status, Instant at, Optional<String> comment) {
                throw new UnsupportedOperationException("the application ends the response, not the call");
            }

            @Override
            public int pending() {
                return 0;
            }
        };
    }
}
