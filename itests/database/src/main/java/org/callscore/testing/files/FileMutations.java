package org.callscore.testing.files;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random edits of a definition file an administrator might make by mistake (or a half-finished save leaves):
 * lines deleted, duplicated and swapped, values and keys replaced by nasty text, the file cut at a random byte.
 * Deterministic for a given {@link Random}, so a failing case is found again from its seed.
 */
public final class FileMutations {

    /** Values that have broken parsers: regex metacharacters, numbers out of range, odd characters, long text. */
    public static final List<String> NASTY = List.of("[9-1]", "[9-1]XX", "[1-]", "[]", "[", "]", "(", ")", "*", "+",
            "?", "|", "\\", "\\\\", "$", "^", ".*", "{1,", "a{99999}", "X", "N", "Z", "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
            "99999999999999999999", "2147483647", "2147483648", "-2147483649", "-1", "0", "-0", "+5", "1e9", "0x10",
            "NaN", "\u0663", "", " ", "\t", ",", ",,", " , ", ", a", "a,", ";", ":", "=", "#", "!", "\u00e9",
            "\u00fcn\u00efc\u00f6d\u00e9", "\u65e5\u672c\u8a9e", "\uD83D\uDE00", "\uD83D", "\uFFFD", "\u0000",
            "\u0007", "\u001b[31m", "\r", "\u2028", "\\u12", "\\uZZZZ", "\\", "a".repeat(10_000),
            "a/".repeat(20_000) + "a", "1".repeat(5_000), "[1]".repeat(5_000), "[0-9]".repeat(5_000),
            "X,".repeat(2_000) + "X", "%s%n", "${karaf.home}", "../../etc/passwd", "/etc/passwd", "true", "false",
            "TRUE", "yes", "1-5", "0-10", "yes-no", "menu:", "menu:main", "menu:MAIN", "back", "top", "repeat",
            "play:", "play:beep", "queue:", "queue:sales", "extension:", "extension:*", "goto:", "goto:a,b,c",
            "goto:a,b,1,2", "goto:,,", "survey:", "survey:after-call", "hangup", "agent", "agent:x");

    private FileMutations() {
    }

    /**
     * @param text       the file as shipped
     * @param random     the source of every choice
     * @param separator  what separates a key from its value ('=' for properties, ':' for iCalendar)
     * @param vocabulary values of the file's own format to use besides {@link #NASTY}
     * @return the text with one to four random edits
     */
    public static String mutate(String text, Random random, char separator, List<String> vocabulary) {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        List<String> words = new ArrayList<>(NASTY);
        words.addAll(vocabulary);
        boolean cut = false;
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && !lines.isEmpty(); i++) {
            int at = random.nextInt(lines.size());
            for (int tries = 0; tries < 8 && isComment(lines.get(at)); tries++) {
                at = random.nextInt(lines.size()); // edits of comments change nothing: mostly edit settings
            }
            String line = lines.get(at);
            String word = words.get(random.nextInt(words.size()));
            int sep = line.indexOf(separator);
            switch (random.nextInt(9)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(random.nextInt(lines.size() + 1), line);
                case 2 -> {
                    int other = random.nextInt(lines.size());
                    lines.set(at, lines.get(other));
                    lines.set(other, line);
                }
                case 3, 4, 5 -> lines.set(at, sep < 0 ? line + separator + word : line.substring(0, sep + 1) + word);
                case 6 -> lines.set(at, sep < 0 ? word : word + line.substring(sep));
                case 7 -> {
                    int in = random.nextInt(line.length() + 1);
                    lines.set(at, line.substring(0, in) + word + line.substring(in));
                }
                default -> cut = true;
            }
        }
        String result = String.join(newline, lines);
        if (cut) {
            byte[] bytes = result.getBytes(StandardCharsets.UTF_8);
            result = new String(bytes, 0, random.nextInt(bytes.length + 1), StandardCharsets.UTF_8);
        }
        return result;
    }

    private static boolean isComment(String line) {
        String trimmed = line.strip();
        return trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!");
    }

    /** @return the text shortened for a failure message: what differs is usually near a long value */
    public static String shown(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= 600 ? oneLine : oneLine.substring(0, 600) + "... (" + oneLine.length() + " chars)";
    }
}
