package org.callscore.testing.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The replies runToEnd() gives, checked on the wire by a server that sends a fixed list of commands. */
class SimulatedRepliesTest {

    private final List<String> received = Collections.synchronizedList(new ArrayList<>());

    /** Sends each command, records the first reply line, closes; returns the peer's outcome. */
    private Outcome exchange(UnaryOperator<FastAgiCall.Builder> call, String... commands) throws Exception {
        return TinyFastAgiServer.oneCall(call, session -> {
            for (String command : commands) {
                received.add(session.send(command));
            }
        }).outcome();
    }

    @Test
    void answersBasicCommandsAsResAgiDoes() throws Exception {
        Outcome outcome = exchange(call -> call.variable("PRESET", "p"),
                "CHANNEL STATUS",
                "ANSWER",
                "CHANNEL STATUS",
                "SET VARIABLE \"SCORE\" \"5\"",
                "GET VARIABLE \"SCORE\"",
                "GET VARIABLE \"NOPE\"",
                "GET VARIABLE PRESET",
                "GET FULL VARIABLE \"${SCORE}-${PRESET}-${NOPE}\"",
                "VERBOSE \"hello\" 1",
                "NOOP",
                "EXEC \"Playback\" \"beep\"",
                "answer");

        assertThat(received).containsExactly(
                "200 result=4",
                "200 result=0",
                "200 result=6",
                "200 result=1",
                "200 result=1 (5)",
                "200 result=0",
                "200 result=1 (p)",
                "200 result=1 (5-p-)",
                "200 result=1",
                "200 result=0",
                "200 result=0",
                "200 result=0");
        assertThat(outcome.agiStatus()).isEqualTo("SUCCESS");
        assertThat(outcome.variables()).containsEntry("SCORE", "5").containsEntry("PRESET", "p");
        assertThat(outcome.commands()).hasSize(12).startsWith("CHANNEL STATUS", "ANSWER");
        assertThat(outcome.replies()).isEqualTo(received);
    }

    @Test
    void keepsAnEmptyValueAndStripsInheritanceUnderscores() throws Exception {
        Outcome outcome = exchange(UnaryOperator.identity(),
                "SET VARIABLE \"EMPTY\" \"\"",
                "GET VARIABLE EMPTY",
                "SET VARIABLE __INHERITED yes",
                "GET VARIABLE INHERITED");

        assertThat(received).containsExactly("200 result=1", "200 result=1 ()", "200 result=1", "200 result=1 (yes)");
        assertThat(outcome.variables()).containsEntry("EMPTY", "").containsEntry("INHERITED", "yes");
    }

    @Test
    void databaseCommandsKeepAPerCallStore() throws Exception {
        exchange(UnaryOperator.identity(),
                "DATABASE PUT cs key value",
                "DATABASE GET cs key",
                "DATABASE DEL cs key",
                "DATABASE DEL cs key",
                "DATABASE GET cs key",
                "DATABASE PUT cs tree/a 1",
                "DATABASE DELTREE cs tree",
                "DATABASE DELTREE cs tree");

        // DELTREE answers 0 when it deleted something: res_agi.c has it the wrong way round.
        assertThat(received).containsExactly("200 result=1", "200 result=1 (value)", "200 result=1",
                "200 result=0", "200 result=0", "200 result=1", "200 result=0", "200 result=1");
    }

    @Test
    void unknownCommandsGet510() throws Exception {
        exchange(UnaryOperator.identity(), "FOO BAR", "", "ANSWER\r", "GET");

        assertThat(received).containsOnly("510 Invalid or unknown command").hasSize(4);
    }

    @Test
    void badSyntaxGetsAMultiLine520() throws Exception {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Outcome outcome = TinyFastAgiServer.oneCall(UnaryOperator.identity(), session -> {
            lines.add(session.send("SET VARIABLE \"ONLY_NAME\""));
            String line;
            while ((line = session.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("520 ")) {
                    break;
                }
            }
            lines.add(session.send("NOOP"));
        }).outcome();

        assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
        assertThat(lines.get(0)).isEqualTo("520-Invalid command syntax.  Proper usage follows:");
        assertThat(lines.get(lines.size() - 2)).isEqualTo("520 End of proper usage.");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("200 result=0");
        assertThat(outcome.replies()).hasSize(2);
        assertThat(outcome.variables()).doesNotContainKey("ONLY_NAME");
    }

    @Test
    void gosubAnswersWithATryingLineFirst() throws Exception {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        TinyFastAgiServer.oneCall(UnaryOperator.identity(), session -> {
            lines.add(session.send("GOSUB \"survey\" \"s\" \"1\""));
            lines.add(session.readLine());
        });

        assertThat(lines).containsExactly("100 result=0 Trying...", "200 result=0 Gosub complete");
    }

    @Test
    void getDataReadsKeysLikeAstReadstring() throws Exception {
        exchange(call -> call.digits("12#", "123456", "12", "#", FastAgiCall.TIMEOUT),
                "GET DATA \"rate\" 3000 4",
                "GET DATA \"rate\" 3000 4",
                "GET DATA \"rate\" 3000 4",
                "GET DATA \"rate\" 3000 4",
                "GET DATA \"rate\" 3000 4",
                "GET DATA \"rate\" 3000 4",
                "GET DATA \"rate\" 3000 0");

        assertThat(received).containsExactly(
                "200 result=12",
                "200 result=1234",
                "200 result=12 (timeout)",
                "200 result=",
                "200 result= (timeout)",
                "200 result= (timeout)",
                "200 result=-1");
    }

    @Test
    void aOneDigitAnswerCompletesAOneDigitGetData() throws Exception {
        Outcome outcome = exchange(call -> call.digits("4"), "GET DATA \"rate\" 5000 1", "GET DATA rate");

        assertThat(received).containsExactly("200 result=4", "200 result= (timeout)");
        assertThat(outcome.agiStatus()).isEqualTo("SUCCESS");
    }

    @Test
    void streamFileIsInterruptedOnlyByAnEscapeDigit() throws Exception {
        Outcome outcome = exchange(call -> call.playbackKeys("5", "7", "", "1"),
                "STREAM FILE \"welcome\" \"0123456789*#\"",
                "STREAM FILE \"welcome\" \"123\"",
                "STREAM FILE \"welcome\" \"\"",
                "GET OPTION \"menu\" \"12\" 3000",
                "STREAM FILE \"welcome\" \"\" 400",
                "STREAM FILE \"welcome\" \"\" notanumber");

        assertThat(received).containsExactly(
                "200 result=53 endpos=4000",
                "200 result=0 endpos=8000",
                "200 result=0 endpos=8000",
                "200 result=49 endpos=4000",
                "200 result=0 endpos=8000",
                "520-Invalid command syntax.  Proper usage follows:");
        assertThat(outcome.variables()).containsEntry("PLAYBACKSTATUS", "SUCCESS");
    }

    @Test
    void aKeyMakesPlaybackStatusFailedAsInResAgi() throws Exception {
        Outcome outcome = exchange(call -> call.playbackKeys("5"), "STREAM FILE \"welcome\" \"5\"");

        assertThat(outcome.variables()).containsEntry("PLAYBACKSTATUS", "FAILED");
    }

    @Test
    void waitForDigitTakesTheFirstKeyOfAKeypadEntry() throws Exception {
        exchange(call -> call.digits("9", FastAgiCall.TIMEOUT), "WAIT FOR DIGIT 1000", "WAIT FOR DIGIT 1000",
                "WAIT FOR DIGIT 1000", "WAIT FOR DIGIT");

        assertThat(received).containsExactly("200 result=57", "200 result=0", "200 result=0",
                "520-Invalid command syntax.  Proper usage follows:");
    }

    @Test
    void aMissingSoundFailsTheAgi() throws Exception {
        Outcome outcome = exchange(call -> call.missingSounds("nope"),
                "STREAM FILE \"nope\" \"\"",
                "GET DATA \"nope\" 1000 1",
                "NOOP");

        assertThat(received).containsExactly("200 result=-1 endpos=0", "200 result=-1", "200 result=0");
        assertThat(outcome.agiStatus()).isEqualTo("FAILURE");
        assertThat(outcome.variables()).doesNotContainKey("PLAYBACKSTATUS");
    }
}
