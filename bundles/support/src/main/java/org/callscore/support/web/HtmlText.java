package org.callscore.support.web;

/** Text for the dashboard's HTML pages. */
public final class HtmlText {

    private HtmlText() {
    }

    /** @return a page with only a message (an error), titled {@code title} */
    public static String messagePage(String title, String message) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>"
                + "</head><body><p id=\"message\">" + escape(message) + "</p></body></html>";
    }

    /**
     * @return the text escaped for HTML and XML text and quoted attribute values; characters XML 1.0 does not
     *         allow (control characters other than tab and line ends, lone surrogates, U+FFFE, U+FFFF) are dropped
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c == '\t' || c == '\n' || c == '\r'
                            || (c >= 0x20 && c < 0xFFFE && !Character.isSurrogate(c))) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
