package org.callscore.testing.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgiCommandTest {

    /** How asterisk-java quotes an argument. */
    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void splitsOnSpacesAndTabsIgnoringRuns() {
        assertThat(AgiCommand.parseArguments("  STREAM\t\tFILE   welcome  ")).containsExactly("STREAM", "FILE", "welcome");
    }

    @Test
    void doubleQuotesGroupAndBackslashesEscape() {
        assertThat(AgiCommand.parseArguments("VERBOSE \"say \\\"hi\\\" \\\\ bye\" 1"))
                .containsExactly("VERBOSE", "say \"hi\" \\ bye", "1");
    }

    @Test
    void emptyQuotesAreAnEmptyArgument() {
        assertThat(AgiCommand.parseArguments("SET VARIABLE \"X\" \"\"")).containsExactly("SET", "VARIABLE", "X", "");
    }

    @Test
    void quotesInsideAWordDoNotSplitIt() {
        assertThat(AgiCommand.parseArguments("ab\"c d\"e \"f\"\"g\"")).containsExactly("abc de", "fg");
    }

    @Test
    void anEscapedSpaceDoesNotSplit() {
        assertThat(AgiCommand.parseArguments("a\\ b c")).containsExactly("a b", "c");
    }

    @Test
    void aCarriageReturnStaysInTheLastArgument() {
        AgiCommand command = AgiCommand.parse("ANSWER\r");
        assertThat(command.arguments()).containsExactly("ANSWER\r");
        assertThat(command.name()).isEmpty();
    }

    @Test
    void aNulEndsTheLine() {
        assertThat(AgiCommand.parseArguments("NOOP\0 ignored")).containsExactly("NOOP");
    }

    @Test
    void argumentsPastTheHundredTwentySeventhAreDropped() {
        String line = String.join(" ", Collections.nCopies(200, "w"));
        List<String> arguments = AgiCommand.parseArguments(line + " \"quoted\"");
        assertThat(arguments).hasSize(127).containsOnly("w");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Doe, \"John\" \\ the caller",
        "\"'; DROP TABLE calls; --",
        "trailing backslash \\",
        "carriage\rreturn and\ttab",
        "   spaces   "
    })
    void aHostileCallerNameQuotedLikeAsteriskJavaArrivesAsOneArgument(String callerName) {
        List<String> arguments = AgiCommand.parseArguments("SET VARIABLE CALLERNAME " + quote(callerName));
        assertThat(arguments).containsExactly("SET", "VARIABLE", "CALLERNAME", callerName);
    }

    @ParameterizedTest
    @CsvSource({
        "get data welcome 5000 1, GET DATA",
        "Stream File x 0, STREAM FILE",
        "\"GET\" \"VARIABLE\" X, GET VARIABLE",
        "ANSWER extra words, ANSWER",
        "gosub ctx s 1, GOSUB",
        "control stream file x 1, CONTROL STREAM FILE"
    })
    void findsCommandsByTheirLeadingWordsIgnoringCase(String line, String name) {
        assertThat(AgiCommand.parse(line).name()).contains(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GET", "STREAM FILES x", "FOO BAR", "\u017Ftream file x", "ANSWERX"})
    void unknownCommands(String line) {
        assertThat(AgiCommand.parse(line).name()).isEmpty();
    }

    @Test
    void deadChannelPermissionsFollowTheAsteriskTable() {
        List<String> allowed = List.of("GET VARIABLE X", "GET FULL VARIABLE ${X}", "SET VARIABLE X 1", "VERBOSE x",
                "NOOP", "EXEC Log x", "DATABASE GET f k", "DATABASE PUT f k v", "DATABASE DEL f k",
                "DATABASE DELTREE f", "ASYNCAGI BREAK", "SPEECH DESTROY", "SPEECH UNLOAD GRAMMAR g");
        List<String> refused = List.of("ANSWER", "HANGUP", "CHANNEL STATUS", "STREAM FILE x \"\"", "GET DATA x",
                "WAIT FOR DIGIT 1", "SAY DIGITS 1 \"\"", "RECORD FILE f wav # 1", "GOSUB c s 1", "SET CALLERID 1");
        assertThat(allowed).allSatisfy(line -> assertThat(AgiCommand.parse(line).allowedOnDeadChannel())
                .as(line).isTrue());
        assertThat(refused).allSatisfy(line -> assertThat(AgiCommand.parse(line).allowedOnDeadChannel())
                .as(line).isFalse());
        assertThat(AgiCommand.parse("FOO").allowedOnDeadChannel()).isFalse();
    }
}
