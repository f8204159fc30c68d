package org.callscore.agi.survey;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.internal.DefaultAgiChannelFactory;
import org.asteriskjava.fastagi.internal.FastAgiConnectionHandler;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;
import org.asteriskjava.util.internal.ServerSocketFacadeImpl;
import org.callscore.survey.ResponseStatus;
import org.callscore.survey.SurveyAnswer;
import org.callscore.survey.SurveyDefinition;
import org.callscore.survey.SurveyOffer;
import org.callscore.survey.SurveyResponses;
import org.callscore.testing.asterisk.FastAgiCall;
import org.callscore.testing.asterisk.Outcome;

/**
 * One {@link SurveyCall} played over a real FastAGI connection: asterisk-java's own server socket, connection
 * handler and channel on one side, the scripted Asterisk peer (which answers every command with the lines res_agi.c writes) on the
 * other. The caller's keys, hang-up and the sounds Asterisk lacks are set on the peer's builder.
 */
final class ScriptedSurveyCall {

    static final String RESPONSE_ID = "response-1";
    static final String COMMENT_FILE = "/var/spool/asterisk/monitor/callscore-comment-" + RESPONSE_ID;

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

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
        AgiException[] thrown = new AgiException[1];
        int port = freePort();
        ServerSocketFacade server = new ServerSocketFacadeImpl(port, 1, InetAddress.getLoopbackAddress());
        try {
            FastAgiCall asterisk = caller.apply(FastAgiCall.to(InetAddress.getLoopbackAddress().getHostAddress(),
                    port).script("survey")).connect();
            CompletableFuture<Outcome> outcome = CompletableFuture.supplyAsync(() -> asterisk.runToEnd(TIMEOUT));
            SocketConnectionFacade connection = server.accept();
            new FastAgiConnectionHandler((request, channel) -> (r, c) -> {
                call[0] = new SurveyCall(c, survey, recorder(answers), RESPONSE_ID);
                try {
                    call[0].run(COMMENT_FILE, "wav");
                } catch (AgiException e) {
                    thrown[0] = e; // kept for the test, not logged by the library as an error
                }
            }, connection, new DefaultAgiChannelFactory()).run(); // closes the connection at the end
            return new Played(call[0], outcome.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS),
                    Optional.ofNullable(thrown[0]), answers);
        } finally {
            server.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
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
