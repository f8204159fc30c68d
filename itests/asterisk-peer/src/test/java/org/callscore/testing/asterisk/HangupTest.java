package org.callscore.testing.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callscore.testing.asterisk.TinyFastAgiServer.WAIT;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class HangupTest {

    private static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine";

    private final List<String> wire = Collections.synchronizedList(new ArrayList<>());

    @Test
    void callerHangupSendsHangupOnceThen511ForLiveOnlyCommands() throws Exception {
        FastAgiCall call = TinyFastAgiServer.oneCall(setUp -> setUp.variable("X", "1"), session -> {
            wire.add(session.send("ANSWER"));
            wire.add(session.readLine());
            wire.add(session.send("STREAM FILE \"thanks\" \"\""));
            wire.add(session.send("GET VARIABLE \"X\""));
            wire.add(session.send("HANGUP"));
            wire.add(session.send("CHANNEL STATUS"));
            session.shutdownOutput();
            wire.addAll(session.readUntilClosed());
        }, live -> {
            assertThat(live.nextCommand(WAIT)).isEqualTo("ANSWER");
            live.reply("200 result=0");
            live.hangup();
            live.hangup();
            live.runToEnd(WAIT);
        });

        assertThat(wire).containsExactly("200 result=0", "HANGUP", DEAD, "200 result=1 (1)", DEAD, DEAD, "HANGUP");
        assertThat(call.outcome().agiStatus()).isEqualTo("HANGUP");
        assertThat(call.serverClosed()).isTrue();
    }

    @Test
    void onlyTheDeadChannelCommandsOfResAgiStillRun() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("SET VARIABLE \"A\" \"b\"", "200 result=1");
        expected.put("GET VARIABLE \"A\"", "200 result=1 (b)");
        expected.put("GET FULL VARIABLE \"${A}\"", "200 result=1 (b)");
        expected.put("VERBOSE \"after hangup\" 1", "200 result=1");
        expected.put("NOOP", "200 result=0");
        expected.put("EXEC \"Log\" \"NOTICE,x\"", "200 result=0");
        expected.put("DATABASE PUT \"f\" \"k\" \"v\"", "200 result=1");
        expected.put("DATABASE GET \"f\" \"k\"", "200 result=1 (v)");
        expected.put("DATABASE DEL \"f\" \"k\"", "200 result=1");
        expected.put("DATABASE DELTREE \"f\"", "200 result=1");
        expected.put("ANSWER", DEAD);
        expected.put("HANGUP", DEAD);
        expected.put("CHANNEL STATUS", DEAD);
        expected.put("STREAM FILE \"x\" \"\"", DEAD);
        expected.put("GET DATA \"x\" 1000 1", DEAD);
        expected.put("WAIT FOR DIGIT 1000", DEAD);
        expected.put("SAY DIGITS 123 \"\"", DEAD);
        expected.put("SET CALLERID 100", DEAD);
        expected.put("FOO", "510 Invalid or unknown command");
        Outcome outcome = TinyFastAgiServer.oneCall(setUp -> setUp.digits("1").alreadyHungUp(), session -> {
            for (String command : expected.keySet()) {
                wire.add(session.send(command));
            }
        }).outcome();

        assertThat(wire).containsExactlyElementsOf(expected.values());
        // AGI on a channel that was already down reports SUCCESS, as run_agi() never reads it.
        assertThat(outcome.agiStatus()).isEqualTo("SUCCESS");
    }

    @Test
    void theServersHangupCommandHangsTheChannelUp() throws Exception {
        Outcome outcome = TinyFastAgiServer.oneCall(UnaryOperator.identity(), session -> {
            wire.add(session.send("HANGUP"));
            wire.add(session.readLine());
            wire.add(session.send("ANSWER"));
            wire.add(session.send("NOOP"));
        }).outcome();

        assertThat(wire).containsExactly("200 result=1", "HANGUP", DEAD, "200 result=0");
        assertThat(outcome.agiStatus()).isEqualTo("HANGUP");
    }

    @Test
    void hangupWhileAPromptPlaysAnswersItWithMinusOneFirst() throws Exception {
        Outcome outcome = TinyFastAgiServer.oneCall(UnaryOperator.identity(), session -> {
            wire.add(session.send("STREAM FILE \"survey-intro\" \"\""));
            wire.add(session.readLine());
        }, live -> {
            assertThat(live.nextCommand(WAIT)).startsWith("STREAM FILE");
            live.hangup();
            live.runToEnd(WAIT);
        }).outcome();

        assertThat(wire).containsExactly("200 result=-1 endpos=4000", "HANGUP");
        assertThat(outcome.replies()).containsExactly("200 result=-1 endpos=4000");
        assertThat(outcome.variables()).containsEntry("PLAYBACKSTATUS", "FAILED");
    }

    @Test
    void aKeypadHangupEndsGetDataWithMinusOne() throws Exception {
        Outcome outcome = TinyFastAgiServer.oneCall(setUp -> setUp.digits(FastAgiCall.CALLER_HANGS_UP), session -> {
            wire.add(session.send("GET DATA \"rate\" 5000 1"));
            wire.add(session.readLine());
            wire.add(session.send("SET VARIABLE \"RATED\" \"no\""));
        }).outcome();

        assertThat(wire).containsExactly("200 result=-1", "HANGUP", "200 result=1");
        assertThat(outcome.agiStatus()).isEqualTo("HANGUP");
        assertThat(outcome.variable("RATED")).isEqualTo("no");
    }

    @Test
    void agiSigHupNoSuppressesEveryHangupLine() throws Exception {
        Outcome outcome = TinyFastAgiServer.oneCall(setUp -> setUp.variable("AGISIGHUP", "no"), session -> {
            wire.add(session.send("ANSWER"));
            wire.add(session.send("NOOP"));
            wire.add(session.send("ANSWER"));
            session.shutdownOutput();
            wire.addAll(session.readUntilClosed());
        }, live -> {
            assertThat(live.nextCommand(WAIT)).isEqualTo("ANSWER");
            live.answer();
            live.hangup();
            live.runToEnd(WAIT);
        }).outcome();

        assertThat(wire).containsExactly("200 result=0", "200 result=0", DEAD);
        assertThat(outcome.agiStatus()).isEqualTo("HANGUP");
    }

    @Test
    void agiExitOnHangupEndsTheSessionAtTheHangup() throws Exception {
        FastAgiCall call = TinyFastAgiServer.oneCall(setUp -> setUp.variable("AGIEXITONHANGUP", "yes"), session -> {
            wire.add(session.send("ANSWER"));
            wire.addAll(session.readUntilClosed());
        }, live -> {
            live.nextCommand(WAIT);
            live.answer();
            live.hangup();
        });

        assertThat(wire).containsExactly("200 result=0", "HANGUP", "HANGUP");
        assertThat(call.ended()).isTrue();
        assertThat(call.serverClosed()).isFalse();
        assertThat(call.nextCommand(WAIT)).isNull();
        assertThat(call.outcome().agiStatus()).isEqualTo("HANGUP");
    }
}
