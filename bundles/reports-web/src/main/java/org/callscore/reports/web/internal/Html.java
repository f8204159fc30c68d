package org.callscore.reports.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The bundle's web files, and HTML templates filled with escaped values. */
final class Html {

    private Html() {
    }

    /**
     * @return the text escaped for HTML and XML text and quoted attribute values; characters XML 1.0 does not
     *         allow (control characters other than tab and line ends, lone surrogates, U+FFFE, U+FFFF) are dropped
     */
    static String escape(String text) {
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

    /** @return the template with each {@code {{name}}} replaced by its value, HTML-escaped */
    static String fill(String template, Map<String, String> values) {
        String page = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            page = page.replace("{{" + value.getKey() + "}}", escape(value.getValue()));
        }
        return page;
    }

    /** @return a file of the bundle's {@code web/} folder, or null when there is none */
    static byte[] resource(String name) {
        try (InputStream in = Html.class.getResourceAsStream("/web/" + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        byte[] bytes = resource(name);
        if (bytes == null) {
            throw new IllegalStateException("web/" + name + " missing from the bundle");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
