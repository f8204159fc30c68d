package org.callscore.reports.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.callscore.support.web.HtmlText;

/** The bundle's web files, and HTML templates filled with escaped values. */
final class Html {

    private Html() {
    }

    /** @return the template with each {@code {{name}}} replaced by its value, HTML-escaped */
    static String fill(String template, Map<String, String> values) {
        String page = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            page = page.replace("{{" + value.getKey() + "}}", HtmlText.escape(value.getValue()));
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
