package org.callscore.notify.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The imported columns beyond number, name and zone, as one text column: key=value lines, both URL-encoded. */
final class FieldText {

    private FieldText() {
    }

    static String encode(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach((key, value) -> text.append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('\n'));
        return text.toString();
    }

    static Map<String, String> decode(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.put(URLDecoder.decode(line.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(line.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
