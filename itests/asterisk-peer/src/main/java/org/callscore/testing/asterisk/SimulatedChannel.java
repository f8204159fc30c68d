package org.callscore.testing.asterisk;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The channel behind one simulated call: answers commands with the lines the handlers in
 * res_agi.c write. Time is simulated (nothing waits) and media is faked: a prompt lasts
 * {@link #PROMPT_SAMPLES} samples, keys come from the queues the test filled. Not thread-safe:
 * {@link FastAgiCall} guards it.
 */
final class SimulatedChannel {

    /** endpos of a prompt played to its end. */
    static final long PROMPT_SAMPLES = 8000;
    /** endpos of a prompt cut short by a key or a hangup. */
    static final long INTERRUPTED_SAMPLES = 4000;

    /** ast_channel_state(): an inbound channel rings until answered. */
    private static final int STATE_RING = 4;
    private static final int STATE_UP = 6;

    private static final String UNKNOWN = "510 Invalid or unknown command";
    private static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine";
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern LEADING_INTEGER = Pattern.compile("^[ \\t\\n]*([+-]?[0-9]+)");

    /** What a command did: its reply, and whether it hung the channel up or failed the AGI. */
    record Result(String reply, boolean hangsUp, boolean fails) {
        static Result of(String reply) {
            return new Result(reply, false, false);
        }
    }

    private final String channelName;
    private final Map<String, String> variables;
    private final Map<String, String> database = new TreeMap<>();
    private final Deque<String> keypad;
    private final Deque<String> playbackKeys;
    private final Set<String> missingSounds;
    private boolean dead;
    private int state = STATE_RING;

    SimulatedChannel(String channelName, Map<String, String> variables, Collection<String> keypad,
            Collection<String> playbackKeys, Collection<String> missingSounds, boolean dead) {
        this.channelName = channelName;
        this.variables = new LinkedHashMap<>();
        variables.forEach((name, value) -> this.variables.put(storedName(name), value));
        this.keypad = new ArrayDeque<>(keypad);
        this.playbackKeys = new ArrayDeque<>(playbackKeys);
        this.missingSounds = new HashSet<>(missingSounds);
        this.dead = dead;
    }

    boolean isDead() {
        return dead;
    }

    void markDead() {
        dead = true;
    }

    Map<String, String> variables() {
        return variables;
    }

    /**
     * Runs one command. {@code callerHangingUp} means the caller hangs up while it runs: media
     * commands then return -1 as their handlers do, quick ones complete before Asterisk notices.
     */
    Result execute(String line, boolean callerHangingUp) {
        AgiCommand command = AgiCommand.parse(line);
        if (command.name().isEmpty()) {
            return Result.of(UNKNOWN);
        }
        if (dead && !command.allowedOnDeadChannel()) {
            return Result.of(DEAD);
        }
        String name = command.name().get();
        List<String> a = command.arguments();
        int argc = a.size();
        switch (name) {
            case "ANSWER":
                state = STATE_UP;
                return Result.of("200 result=0");
            case "CHANNEL STATUS":
                if (argc == 2) {
                    return Result.of("200 result=" + state);
                }
                if (argc == 3) {
                    return Result.of("200 result=" + (a.get(2).equals(channelName) ? state : -1));
                }
                return usage(name);
            case "DATABASE GET":
                if (argc != 4) {
                    return usage(name);
                }
                String stored = database.get(a.get(2) + "/" + a.get(3));
                return Result.of(stored == null ? "200 result=0" : "200 result=1 (" + stored + ")");
            case "DATABASE PUT":
                if (argc != 5) {
                    return usage(name);
                }
                database.put(a.get(2) + "/" + a.get(3), a.get(4));
                return Result.of("200 result=1");
            case "DATABASE DEL":
                if (argc != 4) {
                    return usage(name);
                }
                return Result.of(database.remove(a.get(2) + "/" + a.get(3)) != null ? "200 result=1" : "200 result=0");
            case "DATABASE DELTREE":
                if (argc < 3 || argc > 4) {
                    return usage(name);
                }
                // res_agi.c answers 0 when something was deleted and 1 when nothing was.
                return Result.of(deleteTree(argc == 4 ? a.get(2) + "/" + a.get(3) : a.get(2)) > 0
                        ? "200 result=0" : "200 result=1");
            case "EXEC":
                if (argc < 2) {
                    return usage(name);
                }
                if (!callerHangingUp && argc >= 3 && a.get(1).equalsIgnoreCase("Playback")) {
                    // app_playback.c: a missing file is a warning, result 0, PLAYBACKSTATUS=FAILED; AGISTATUS untouched
                    boolean missing = missingSounds.contains(a.get(2).split(",", 2)[0]);
                    variables.put("PLAYBACKSTATUS", missing ? "FAILED" : "SUCCESS");
                }
                return Result.of(callerHangingUp ? "200 result=-1" : "200 result=0");
            case "GET DATA":
                return getData(a, callerHangingUp);
            case "GET FULL VARIABLE":
                if (argc != 4 && argc != 5) {
                    return usage(name);
                }
                if (argc == 5 && !a.get(4).equals(channelName)) {
                    return Result.of("200 result=0");
                }
                return Result.of("200 result=1 (" + substitute(a.get(3)) + ")");
            case "GET OPTION":
                if (argc < 4 || argc > 5) {
                    return usage(name);
                }
                return playback(a.get(2), a.get(3), 0, callerHangingUp);
            case "GET VARIABLE":
                if (argc != 3) {
                    return usage(name);
                }
                String value = variables.get(a.get(2));
                return Result.of(value == null ? "200 result=0" : "200 result=1 (" + value + ")");
            case "GOSUB":
                if (argc < 4 || argc > 5) {
                    return usage(name);
                }
                return Result.of("100 result=0 Trying...\n200 result=0 Gosub complete");
            case "HANGUP":
                if (argc == 1 || (argc == 2 && a.get(1).equals(channelName))) {
                    return new Result("200 result=1", true, false);
                }
                return argc == 2 ? Result.of("200 result=-1") : usage(name);
            case "NOOP":
                return Result.of("200 result=0");
            case "RECEIVE CHAR":
                return Result.of(callerHangingUp ? "200 result=-1 (hangup)" : "200 result=0 (timeout)");
            case "RECORD FILE":
                return Result.of(callerHangingUp
                        ? "200 result=-1 (hangup) endpos=" + INTERRUPTED_SAMPLES
                        : "200 result=0 (timeout) endpos=" + PROMPT_SAMPLES);
            case "SET CALLERID":
                return Result.of("200 result=1");
            case "SET VARIABLE":
                if (argc != 4) {
                    return usage(name);
                }
                variables.put(storedName(a.get(2)), a.get(3));
                return Result.of("200 result=1");
            case "STREAM FILE":
                if (argc < 4 || argc > 5 || (argc == 5 && !startsWithInteger(a.get(4)))) {
                    return usage(name);
                }
                return streamFile(a, callerHangingUp);
            case "CONTROL STREAM FILE":
                if (argc < 5 || argc > 10 || (argc > 5 && !startsWithInteger(a.get(5)))
                        || (argc > 9 && !startsWithInteger(a.get(9)))) {
                    return usage(name);
                }
                return playback(a.get(2), a.get(4), 0, callerHangingUp);
            case "VERBOSE":
                return argc < 2 ? usage(name) : Result.of("200 result=1");
            case "WAIT FOR DIGIT":
                if (argc != 4 || !startsWithInteger(a.get(3))) {
                    return usage(name);
                }
                return waitForDigit(callerHangingUp);
            default:
                if (callerHangingUp && name.startsWith("SAY ")) {
                    return Result.of("200 result=-1");
                }
                return Result.of("200 result=0");
        }
    }

    private Result getData(List<String> a, boolean callerHangingUp) {
        if (a.size() < 3) {
            return usage("GET DATA");
        }
        if (missingSounds.contains(a.get(2))) {
            return Result.of("200 result=-1"); // the prompt failed; handle_getdata still succeeds
        }
        int max = a.size() >= 5 ? atoi(a.get(4)) : 1024;
        if (max == 0) {
            return Result.of("200 result=-1");
        }
        String keys = callerHangingUp ? FastAgiCall.CALLER_HANGS_UP : keypad.poll();
        if (FastAgiCall.CALLER_HANGS_UP.equals(keys)) {
            return new Result("200 result=-1", true, false);
        }
        // ast_readstring_full(): '#' ends input and is dropped, max digits end it too,
        // anything short of that ends in a timeout that reports the digits so far.
        StringBuilder digits = new StringBuilder();
        String input = keys == null || FastAgiCall.TIMEOUT.equals(keys) ? "" : keys;
        for (char key : input.toCharArray()) {
            if (key == '#') {
                return Result.of("200 result=" + digits);
            }
            digits.append(key);
            if (digits.length() >= max) {
                return Result.of("200 result=" + digits);
            }
        }
        return Result.of("200 result=" + digits + " (timeout)");
    }

    private Result streamFile(List<String> a, boolean callerHangingUp) {
        Result result = playback(a.get(2), a.get(3), a.size() == 5 ? atol(a.get(4)) : 0, callerHangingUp);
        if (!result.fails()) {
            // handle_streamfile(): any non-zero result, a key included, counts as FAILED
            variables.put("PLAYBACKSTATUS", result.reply().startsWith("200 result=0 ") ? "SUCCESS" : "FAILED");
        }
        return result;
    }

    /** STREAM FILE, GET OPTION, CONTROL STREAM FILE: a key from {@code stopKeys} cuts it short. */
    private Result playback(String file, String stopKeys, long offset, boolean callerHangingUp) {
        if (missingSounds.contains(file)) {
            return new Result("200 result=-1 endpos=" + offset, false, true);
        }
        String keys = callerHangingUp ? FastAgiCall.CALLER_HANGS_UP : playbackKeys.poll();
        if (FastAgiCall.CALLER_HANGS_UP.equals(keys)) {
            return new Result("200 result=-1 endpos=" + INTERRUPTED_SAMPLES, true, false);
        }
        if (keys != null && !keys.isEmpty() && !FastAgiCall.TIMEOUT.equals(keys)
                && stopKeys.indexOf(keys.charAt(0)) >= 0) {
            return Result.of("200 result=" + (int) keys.charAt(0) + " endpos=" + INTERRUPTED_SAMPLES);
        }
        return Result.of("200 result=0 endpos=" + PROMPT_SAMPLES);
    }

    private Result waitForDigit(boolean callerHangingUp) {
        String keys = callerHangingUp ? FastAgiCall.CALLER_HANGS_UP : keypad.poll();
        if (FastAgiCall.CALLER_HANGS_UP.equals(keys)) {
            return new Result("200 result=-1", true, false);
        }
        if (keys == null || keys.isEmpty() || FastAgiCall.TIMEOUT.equals(keys)) {
            return Result.of("200 result=0");
        }
        return Result.of("200 result=" + (int) keys.charAt(0));
    }

    /** res_agi.c sends the command's XML description; its wording differs between versions. */
    private static Result usage(String name) {
        return Result.of("520-Invalid command syntax.  Proper usage follows:\n"
                + "Usage: " + name + " (see 'agi show commands topic " + name + "')\n"
                + "520 End of proper usage.");
    }

    private int deleteTree(String prefix) {
        int deleted = 0;
        for (Iterator<String> keys = database.keySet().iterator(); keys.hasNext();) {
            String key = keys.next();
            if (key.equals(prefix) || key.startsWith(prefix + "/")) {
                keys.remove();
                deleted++;
            }
        }
        return deleted;
    }

    /** ast_str_substitute_variables() for plain ${NAME} references; unset ones become empty. */
    private String substitute(String expression) {
        Matcher matcher = SUBSTITUTION.matcher(expression);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result,
                    Matcher.quoteReplacement(variables.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** pbx_builtin_setvar_helper(): "_X" and "__X" (inheritance marks) set X. */
    private static String storedName(String name) {
        String stripped = name.startsWith("_") ? name.substring(1) : name;
        return stripped.startsWith("_") ? stripped.substring(1) : stripped;
    }

    /** sscanf("%d") == 1: optional blanks and sign, then at least one digit. */
    private static boolean startsWithInteger(String text) {
        return !leadingInteger(text).isEmpty();
    }

    /** atoi(): the leading integer, 0 when there is none. */
    private static int atoi(String text) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, atol(text)));
    }

    /** atol(), saturating instead of overflowing. */
    private static long atol(String text) {
        String digits = leadingInteger(text);
        try {
            return digits.isEmpty() ? 0 : Long.parseLong(digits);
        } catch (NumberFormatException overflow) {
            return digits.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static String leadingInteger(String text) {
        Matcher matcher = LEADING_INTEGER.matcher(text);
        return matcher.find() ? matcher.group(1) : "";
    }
}
