package org.callscore.reports.web.internal;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small JSON writer (RFC 8259) into a {@link StringBuilder}: objects, arrays, strings, numbers, booleans and
 * null, with commas placed for the caller. Strings escape quotes, backslashes and every control character, and
 * also {@code <}, {@code >}, {@code &}, U+2028 and U+2029, so the text stays inert inside HTML. A number that is
 * not finite is written as {@code null}. Not thread-safe.
 */
final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    /** per open object or array: whether a value has been written in it yet */
    private final Deque<Boolean> started = new ArrayDeque<>();
    /** per open object or array: whether it is an object */
    private final Deque<Boolean> objects = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter(StringBuilder out) {
        this.out = out;
    }

    JsonWriter() {
        this(new StringBuilder());
    }

    JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        started.push(false);
        objects.push(true);
        return this;
    }

    JsonWriter endObject() {
        return end('}');
    }

    JsonWriter beginArray() {
        beforeValue();
        out.append('[');
        started.push(false);
        objects.push(false);
        return this;
    }

    JsonWriter endArray() {
        return end(']');
    }

    /** The name of the next member of the object being written. */
    JsonWriter name(String name) {
        if (afterName || objects.isEmpty() || !objects.peek()) {
            throw new IllegalStateException("a name must be followed by a value, and be inside an object");
        }
        separate();
        quote(name);
        out.append(':');
        afterName = true;
        return this;
    }

    JsonWriter value(String text) {
        beforeValue();
        if (text == null) {
            out.append("null");
        } else {
            quote(text);
        }
        return this;
    }

    JsonWriter value(long number) {
        beforeValue();
        out.append(number);
        return this;
    }

    JsonWriter value(double number) {
        beforeValue();
        out.append(Double.isFinite(number) ? plain(number) : "null");
        return this;
    }

    JsonWriter value(boolean flag) {
        beforeValue();
        out.append(flag);
        return this;
    }

    JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    /** A table cell: null, a String, a Boolean, or a Number (integral types as integers). */
    JsonWriter cell(Object cell) {
        if (cell == null) {
            return nullValue();
        } else if (cell instanceof Boolean flag) {
            return value(flag.booleanValue());
        } else if (cell instanceof Double || cell instanceof Float) {
            return value(((Number) cell).doubleValue());
        } else if (cell instanceof Number number) {
            return value(number.longValue());
        }
        return value(cell.toString());
    }

    /** @return the text written; every object and array must be closed */
    @Override
    public String toString() {
        if (!started.isEmpty() || afterName) {
            throw new IllegalStateException("unclosed object or array");
        }
        return out.toString();
    }

    /** A double without exponent for ordinary magnitudes: 0.25, 12, 1.0E-7 as 0.0000001. */
    static String plain(double number) {
        if (number == Math.rint(number) && Math.abs(number) < 1e15) {
            return Long.toString((long) number);
        }
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    private JsonWriter end(char close) {
        if (started.isEmpty() || afterName || objects.peek() != (close == '}')) {
            throw new IllegalStateException("nothing to close with " + close);
        }
        started.pop();
        objects.pop();
        out.append(close);
        return this;
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (!objects.isEmpty() && objects.peek()) {
            throw new IllegalStateException("a value in an object needs a name first");
        }
        separate();
    }

    private void separate() {
        if (started.isEmpty()) {
            if (out.length() > 0) {
                throw new IllegalStateException("one top-level value only");
            }
            return;
        }
        if (started.peek()) {
            out.append(',');
        } else {
            started.pop();
            started.push(true);
        }
    }

    private void quote(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029'
                            || c == 0x7f) {
                        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
