package org.callscore.ivr.internal;

import static org.callscore.support.definition.SettingsReader.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.callscore.ivr.DialPattern;

/** Reads a menu's {@code direct.dial}: Asterisk's extension patterns, checked, as {@link DialPattern}s. */
final class DialPatterns {

    /** What may stand between [ and ] in a direct-dial pattern: a range or a list of digits. */
    private static final Pattern DIAL_SET = Pattern.compile("[0-9]-[0-9]|[0-9]{1,10}");
    /** Asterisk's longest extension. */
    private static final int MAX_DIAL_DIGITS = 40;

    private DialPatterns() {
    }

    /**
     * @param text      the patterns as written, comma-separated; empty when direct dialling is off
     * @param taken     the keys with an action of their own in the menu, and the agent key: no pattern may
     *                  start with one of them
     * @param agentKey  the agent key, named apart in the message
     * @throws IvrFileException naming the file and the key
     */
    static List<DialPattern> read(String file, String key, String text, Set<Character> taken, char agentKey) {
        List<DialPattern> dial = new ArrayList<>();
        if (text.isEmpty()) {
            return dial;
        }
        for (String pattern : text.split("\\s*,\\s*", -1)) {
            Pattern compiled = compile(file, key, pattern);
            for (char taker : taken) {
                if (startsWith(pattern, taker)) {
                    throw new IvrFileException(file, key, quote(pattern) + " can start with "
                            + (taker == agentKey ? "the agent key " + taker
                                    : "key " + taker + ", which has an action in this menu"));
                }
            }
            dial.add(new DialPattern(compiled));
        }
        return dial;
    }

    /** Whether the first digit of a checked direct-dial pattern can be this key. */
    private static boolean startsWith(String pattern, char key) {
        String first = pattern.startsWith("[") ? pattern.substring(0, pattern.indexOf(']') + 1) : pattern.substring(0, 1);
        return Pattern.compile(regex(first)).matcher(String.valueOf(key)).matches();
    }

    /**
     * Asterisk's digits, X, Z, N and [..] as a regular expression over digits, checked digit by digit: a regular
     * expression made from an unchecked pattern could be invalid ({@code [9-1]}) or match what Asterisk would not.
     */
    private static Pattern compile(String file, String key, String pattern) {
        String rule = " is not an extension pattern (digits, X = 0-9, Z = 1-9, N = 2-9, [1-5], [135]; at most "
                + MAX_DIAL_DIGITS + " digits)";
        int digits = 0;
        for (int i = 0; i < pattern.length(); i++, digits++) {
            char c = pattern.charAt(i);
            if (c == '[') {
                int close = pattern.indexOf(']', i);
                String set = close < 0 ? "" : pattern.substring(i + 1, close);
                if (!DIAL_SET.matcher(set).matches()) {
                    throw new IvrFileException(file, key, quote(pattern) + rule);
                }
                if (set.length() == 3 && set.charAt(1) == '-' && set.charAt(0) > set.charAt(2)) {
                    throw new IvrFileException(file, key, quote(pattern) + ": the range [" + set + "] runs backwards (write ["
                            + set.charAt(2) + "-" + set.charAt(0) + "])");
                }
                i = close;
            } else if ("0123456789XZN".indexOf(c) < 0) {
                throw new IvrFileException(file, key, quote(pattern) + rule);
            }
        }
        if (digits == 0 || digits > MAX_DIAL_DIGITS) {
            throw new IvrFileException(file, key, quote(pattern) + rule);
        }
        return Pattern.compile(regex(pattern));
    }

    private static String regex(String checkedPattern) {
        return checkedPattern.replace("X", "[0-9]").replace("Z", "[1-9]").replace("N", "[2-9]");
    }
}
