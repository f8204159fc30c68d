package org.callscore.testing.asterisk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One command line as Asterisk's {@code res_agi.c} understands it: split into arguments by
 * {@code parse_args()} and looked up in Asterisk 22's command table by {@code find_command()}.
 * Immutable and thread-safe.
 */
public final class AgiCommand {

    /** {@code MAX_ARGS} in res_agi.c: arguments past the 127th are dropped. */
    private static final int MAX_ARGS = 128;

    /**
     * The commands Asterisk 22 knows (res_agi.c's {@code commands[]} plus GOSUB from app_stack),
     * each with whether it may run on a dead channel (the last field of each table entry).
     */
    private static final Map<String, Boolean> COMMANDS = commandTable();

    private final String line;
    private final List<String> arguments;
    private final String name;

    private AgiCommand(String line) {
        this.line = line;
        this.arguments = parseArguments(line);
        this.name = findCommand(arguments);
    }

    /** Parses one command line as received, without its trailing {@code \n}. */
    public static AgiCommand parse(String commandLine) {
        return new AgiCommand(commandLine);
    }

    /**
     * Splits a command line exactly as {@code parse_args()} does: spaces and tabs separate
     * arguments, double quotes group (and may start mid-word), a backslash makes the next
     * character literal, {@code ""} is an empty argument, a NUL ends the line. Nothing else is
     * special, so a trailing {@code \r} stays part of the last argument.
     */
    public static List<String> parseArguments(String commandLine) {
        List<StringBuilder> args = new ArrayList<>();
        boolean quoted = false;
        boolean escaped = false;
        boolean whitespace = true;
        for (int i = 0; i < commandLine.length(); i++) {
            char c = commandLine.charAt(i);
            if (c == '\0') {
                break; // the C string ends here
            }
            if (c == '"' && !escaped) {
                quoted = !quoted;
                if (quoted && whitespace) {
                    if (args.size() >= MAX_ARGS - 1) {
                        continue;
                    }
                    args.add(new StringBuilder());
                    whitespace = false;
                }
                continue;
            }
            if ((c == ' ' || c == '\t') && !quoted && !escaped) {
                whitespace = true;
                continue;
            }
            if (c == '\\' && !escaped) {
                escaped = true;
                continue;
            }
            if (whitespace) {
                if (args.size() >= MAX_ARGS - 1) {
                    continue;
                }
                args.add(new StringBuilder());
                whitespace = false;
            }
            args.get(args.size() - 1).append(c);
            escaped = false;
        }
        List<String> result = new ArrayList<>(args.size());
        for (StringBuilder arg : args) {
            result.add(arg.toString());
        }
        return Collections.unmodifiableList(result);
    }

    /** The line as received. */
    public String line() {
        return line;
    }

    /** Every argument, command words included: {@code SET VARIABLE "A" "b"} gives 4. */
    public List<String> arguments() {
        return arguments;
    }

    /**
     * The canonical upper-case name of the command, e.g. {@code "GET DATA"}, or empty when
     * Asterisk would answer {@code 510 Invalid or unknown command}.
     */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** Whether Asterisk runs this command on a hung-up channel instead of answering 511. */
    public boolean allowedOnDeadChannel() {
        return name != null && COMMANDS.get(name);
    }

    @Override
    public String toString() {
        return line;
    }

    /**
     * {@code find_command(argv, 0)}: the first table entry whose words all equal (ignoring ASCII
     * case) the leading arguments; extra arguments are fine, missing words are not.
     */
    private static String findCommand(List<String> args) {
        for (String command : COMMANDS.keySet()) {
            List<String> words = Arrays.asList(command.split(" "));
            if (args.size() < words.size()) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < words.size() && match; i++) {
                match = equalsIgnoreAsciiCase(words.get(i), args.get(i));
            }
            if (match) {
                return command;
            }
        }
        return null;
    }

    /** strcasecmp() semantics: only ASCII letters fold, unlike {@link String#equalsIgnoreCase}. */
    static boolean equalsIgnoreAsciiCase(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (asciiLower(a.charAt(i)) != asciiLower(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static Map<String, Boolean> commandTable() {
        Map<String, Boolean> table = new LinkedHashMap<>();
        table.put("ANSWER", false);
        table.put("ASYNCAGI BREAK", true);
        table.put("CHANNEL STATUS", false);
        table.put("DATABASE DEL", true);
        table.put("DATABASE DELTREE", true);
        table.put("DATABASE GET", true);
        table.put("DATABASE PUT", true);
        table.put("EXEC", true);
        table.put("GET DATA", false);
        table.put("GET FULL VARIABLE", true);
        table.put("GET OPTION", false);
        table.put("GET VARIABLE", true);
        table.put("HANGUP", false);
        table.put("NOOP", true);
        table.put("RECEIVE CHAR", false);
        table.put("RECEIVE TEXT", false);
        table.put("RECORD FILE", false);
        table.put("SAY ALPHA", false);
        table.put("SAY DIGITS", false);
        table.put("SAY NUMBER", false);
        table.put("SAY PHONETIC", false);
        table.put("SAY DATE", false);
        table.put("SAY TIME", false);
        table.put("SAY DATETIME", false);
        table.put("SEND IMAGE", false);
        table.put("SEND TEXT", false);
        table.put("SET AUTOHANGUP", false);
        table.put("SET CALLERID", false);
        table.put("SET CONTEXT", false);
        table.put("SET EXTENSION", false);
        table.put("SET MUSIC", false);
        table.put("SET PRIORITY", false);
        table.put("SET VARIABLE", true);
        table.put("STREAM FILE", false);
        table.put("CONTROL STREAM FILE", false);
        table.put("TDD MODE", false);
        table.put("VERBOSE", true);
        table.put("WAIT FOR DIGIT", false);
        table.put("SPEECH CREATE", false);
        table.put("SPEECH SET", false);
        table.put("SPEECH DESTROY", true);
        table.put("SPEECH LOAD GRAMMAR", false);
        table.put("SPEECH UNLOAD GRAMMAR", true);
        table.put("SPEECH ACTIVATE GRAMMAR", false);
        table.put("SPEECH DEACTIVATE GRAMMAR", false);
        table.put("SPEECH RECOGNIZE", false);
        table.put("GOSUB", false);
        return Collections.unmodifiableMap(table);
    }
}
