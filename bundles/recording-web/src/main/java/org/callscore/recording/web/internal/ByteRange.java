package org.callscore.recording.web.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a file a browser asked for with a {@code Range} header (RFC 9110, 14.2). A single range is served
 * with 206; several ranges in one request are refused with 416 (browsers' audio players never ask for more than
 * one); a header that is not a byte range at all is ignored and the whole file served, as the RFC says.
 *
 * @param first the first byte, counted from 0
 * @param last  the last byte, included
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");
    private static final Pattern SEVERAL = Pattern.compile("bytes=[\\d\\s,-]*,[\\d\\s,-]*");

    /** What to answer to a {@code Range} header. */
    sealed interface Answer {
    }

    /** 200 with the whole file: no header, or one that is not a byte range. */
    record Whole() implements Answer {
    }

    /** 206 with this range. */
    record Part(ByteRange range) implements Answer {
    }

    /** 416 with {@code Content-Range: bytes *}{@code /size}: several ranges, or one starting past the end. */
    record Unsatisfiable(String why) implements Answer {
    }

    /**
     * @param header the request's {@code Range} header, or null
     * @param size   the file's size in bytes
     */
    static Answer of(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        Matcher single = SINGLE.matcher(header);
        if (!single.matches()) {
            return SEVERAL.matcher(header).matches() ? new Unsatisfiable("several ranges in one request")
                    : new Whole();
        }
        String from = single.group(1);
        String to = single.group(2);
        if (from.isEmpty() && to.isEmpty()) {
            return new Whole();
        }
        try {
            if (from.isEmpty()) { // the last N bytes
                long suffix = Long.parseLong(to);
                if (suffix == 0 || size == 0) {
                    return new Unsatisfiable("an empty suffix");
                }
                return new Part(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(from);
            if (first >= size) {
                return new Unsatisfiable("starts at " + first + ", past the end (" + size + " bytes)");
            }
            long last = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
            return last < first ? new Whole() : new Part(new ByteRange(first, last));
        } catch (NumberFormatException tooBig) {
            return new Unsatisfiable("a position beyond any file");
        }
    }

    long length() {
        return last - first + 1;
    }

    /** @return the {@code Content-Range} header's value */
    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** @return the range as its header gave it, for the access log */
    @Override
    public String toString() {
        return first + "-" + last;
    }
}
