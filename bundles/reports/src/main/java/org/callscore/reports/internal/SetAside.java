package org.callscore.reports.internal;

import java.util.List;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * queue_log rows and file lines that cannot be counted, kept in reports_set_aside (out of the sums) so that one
 * bad row does not stop ingestion; each is logged once at WARN when it is set aside.
 */
final class SetAside {

    private static final Logger LOG = LoggerFactory.getLogger(SetAside.class);
    static final String TABLE = "reports_set_aside";
    /** raw_line is a TEXT: 10,000 characters of 4 bytes at most fit */
    private static final int RAW_MAX = 10_000;
    /** a queue set aside for a long name would otherwise log each of its rows */
    private static final int LOGGED_PER_BATCH = 10;

    /**
     * @param position the queue_log id, or the byte offset of a file line
     * @param raw      the values as read, separated by '|'
     */
    record Entry(long position, String raw, String reason) {
    }

    private SetAside() {
    }

    /** @return the values separated by '|' (null as empty) */
    static String raw(Object... values) {
        StringBuilder s = new StringBuilder();
        for (Object value : values) {
            s.append(s.isEmpty() ? "" : "|").append(value == null ? "" : value);
        }
        return s.toString();
    }

    /** Inserts the entries in the caller's transaction. */
    static void write(Handle h, String source, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        PreparedBatch insert = h.prepareBatch("INSERT INTO " + TABLE + " (source, position, raw_line, reason) "
                + "VALUES (?, ?, ?, ?)");
        for (Entry e : entries) {
            insert.add(source, e.position(), cut(e.raw(), RAW_MAX), cut(e.reason(), 255));
        }
        insert.execute();
    }

    /** Logs the entries once their transaction committed. */
    static void log(String source, List<Entry> entries) {
        for (int i = 0; i < Math.min(entries.size(), LOGGED_PER_BATCH); i++) {
            Entry e = entries.get(i);
            LOG.warn("Reports: {} at {}: {}; set aside in {}, not counted: {}", source, e.position(), e.reason(), TABLE,
                    cut(e.raw(), 300));
        }
        if (entries.size() > LOGGED_PER_BATCH) {
            LOG.warn("Reports: {} more rows of {} set aside in {} (report:status counts them)",
                    entries.size() - LOGGED_PER_BATCH, source, TABLE);
        }
    }

    static long count(Jdbi jdbi, String source) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + TABLE + " WHERE source = :s")
                .bind("s", source).mapTo(Long.class).one());
    }

    /** @return the text cut to {@code max} characters (code points) */
    static String cut(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max));
    }

    /** @return whether the text is longer than a VARCHAR({@code max}) holds */
    static boolean tooLong(String text, int max) {
        return text != null && text.length() > max && text.codePointCount(0, text.length()) > max;
    }
}
