package org.callscore.support.text;

/**
 * Makes text that came from Asterisk (channel names, caller IDs, arguments) safe for a single log line: a
 * caller must not be able to forge log lines with a CR or LF in a caller ID.
 */
public final class LogText {

    private static final int MAX = 200;

    private LogText() {
    }

    /** Control characters (CR, LF, ...) are shown as escapes so a peer cannot forge log lines. */
    public static String of(String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 8);
        for (int i = 0; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= MAX && text.length() > MAX) {
            out.append("...");
        }
        return out.toString();
    }
}
