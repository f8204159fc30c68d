package org.callscore.fastagi;

/** Makes text that came over the wire safe for a single log line. */
final class LogText {

    private static final int MAX = 200;

    private LogText() {
    }

    /** Control characters (CR, LF, ...) are shown as escapes so a peer cannot forge log lines. */
    static String of(String text) {
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
