package org.callscore.ami.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AMI wire format as Asterisk speaks it: {@code Key: Value} lines ending in CRLF, a blank line ending each
 * action, response and event; only the greeting ({@code Asterisk Call Manager/11.0.0}) is one line on its own.
 */
final class AmiMessage {

    /** Longer lines are not Asterisk's: a peer sending them is cut off rather than filling memory. */
    private static final int MAX_LINE = 64 * 1024;
    /** More headers than any AMI event has (a Cdr has about 30). */
    private static final int MAX_HEADERS = 1000;

    private AmiMessage() {
    }

    /** Reads messages from one connection, on one thread. */
    static final class Reader {
        private final InputStream in;

        Reader(InputStream in) {
            this.in = new BufferedInputStream(in);
        }

        /** @return the next line without its CRLF (a bare LF is accepted too) */
        String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(80);
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("Asterisk closed the connection");
                }
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, length, StandardCharsets.UTF_8);
                }
                if (line.size() >= MAX_LINE) {
                    throw new IOException("an AMI line longer than " + MAX_LINE + " bytes");
                }
                line.write(b);
            }
        }

        /**
         * @return the next message's headers in the order sent; a repeated header keeps its first value (AMI
         *         repeats none that CallScore reads)
         */
        Map<String, String> message() throws IOException {
            Map<String, String> headers = new LinkedHashMap<>();
            while (true) {
                String line = line();
                if (line.isEmpty()) {
                    if (headers.isEmpty()) {
                        continue; // blank lines between messages
                    }
                    return headers;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue; // not a header (e.g. a stray line of command output): nothing to read in it
                }
                if (headers.size() >= MAX_HEADERS) {
                    throw new IOException("an AMI message with more than " + MAX_HEADERS + " headers");
                }
                String value = line.substring(colon + 1);
                headers.putIfAbsent(line.substring(0, colon).trim(), value.startsWith(" ") ? value.substring(1) : value);
            }
        }
    }

    /**
     * @return the action as bytes to send: {@code Action} first, then the headers, then a blank line
     * @throws IllegalArgumentException when a name or value holds a CR or LF, which would let it add headers or
     *                                  whole actions of its own (e.g. from a phone number typed by a caller)
     */
    static byte[] action(String action, Iterable<Map.Entry<String, String>> headers) {
        StringBuilder out = new StringBuilder(256);
        header(out, "Action", action);
        for (Map.Entry<String, String> header : headers) {
            header(out, header.getKey(), header.getValue());
        }
        out.append("\r\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void header(StringBuilder out, String name, String value) {
        if (name.isEmpty() || name.indexOf(':') >= 0 || hasLineBreak(name) || hasLineBreak(value)) {
            throw new IllegalArgumentException("an AMI header may not contain a line break: " + name);
        }
        out.append(name).append(": ").append(value).append("\r\n");
    }

    private static boolean hasLineBreak(String text) {
        return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
    }
}
