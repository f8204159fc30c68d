package org.callscore.reports.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue_log ids below the last id read that were not there when it was read. Asterisk writes queue_log
 * through a pool of connections, so a row can commit after a row with a higher id; such a row is read when it
 * appears. An id that never comes (an insert rolled back, an AUTO_INCREMENT jump) is given up after a grace
 * period. Kept in reports_gap with the position, in the same transaction. Not thread-safe.
 */
final class Gaps {

    private static final Logger LOG = LoggerFactory.getLogger(Gaps.class);
    /** At most this many ranges are awaited (each is a condition of every read): the oldest are given up first. */
    static final int MAX_RANGES = 1000;

    private record Range(long first, long last, Instant noticed) {
        long size() {
            return last - first + 1;
        }
    }

    private final String source;
    private final TreeMap<Long, Range> ranges = new TreeMap<>();
    private boolean changed;
    private boolean warnedTooMany;

    private Gaps(String source) {
        this.source = source;
    }

    /** @return no ids awaited yet */
    static Gaps none(String source) {
        return new Gaps(source);
    }

    static Gaps load(Handle h, String source) {
        Gaps gaps = new Gaps(source);
        h.createQuery("SELECT first_id, last_id, noticed_at FROM reports_gap WHERE source = :s").bind("s", source)
                .map((rs, ctx) -> new Range(rs.getLong(1), rs.getLong(2),
                        Ingestion.instant(rs.getObject(3, java.time.LocalDateTime.class))))
                .forEach(range -> gaps.ranges.put(range.first(), range));
        return gaps;
    }

    /** @return how many ids are awaited */
    long awaited() {
        return ranges.values().stream().mapToLong(Range::size).sum();
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Ids {@code first..last} were not there below a row read at {@code now}. */
    void noticed(long first, long last, Instant now) {
        ranges.put(first, new Range(first, last, now));
        changed = true;
        if (ranges.size() > MAX_RANGES) {
            Range oldest = ranges.values().stream().min(Comparator.comparing(Range::noticed)
                    .thenComparing(Range::first)).orElseThrow();
            ranges.remove(oldest.first());
            // ids that always leave gaps (auto_increment_increment above 1, as in a Galera cluster) would log
            // this for every row: once at WARN, then at DEBUG
            if (!warnedTooMany) {
                warnedTooMany = true;
                LOG.warn("Reports: more than {} gaps in the ids of {}: the oldest are given up before "
                        + "queue_log.gap.seconds (first: ids {} to {}). Ids that step by more than 1 "
                        + "(auto_increment_increment) leave a gap after every row", MAX_RANGES, source,
                        oldest.first(), oldest.last());
            } else {
                LOG.debug("Reports: ids {} to {} of {} given up before their time", oldest.first(), oldest.last(),
                        source);
            }
        }
    }

    /** @return whether {@code id} was awaited (it is not any more) */
    boolean arrived(long id) {
        Map.Entry<Long, Range> entry = ranges.floorEntry(id);
        if (entry == null || entry.getValue().last() < id) {
            return false;
        }
        Range range = ranges.remove(entry.getKey());
        if (range.first() < id) {
            ranges.put(range.first(), new Range(range.first(), id - 1, range.noticed()));
        }
        if (id < range.last()) {
            ranges.put(id + 1, new Range(id + 1, range.last(), range.noticed()));
        }
        changed = true;
        return true;
    }

    /** Gives up the ids awaited for longer than {@code grace}, with a log line. */
    void expire(Instant now, Duration grace) {
        List<Range> old = new ArrayList<>();
        ranges.values().removeIf(range -> {
            boolean expired = range.noticed().plus(grace).isBefore(now);
            if (expired) {
                old.add(range);
            }
            return expired;
        });
        for (Range range : old) {
            changed = true;
            LOG.info("Reports: {} has no row with id {}{} after {} s: given up (an insert rolled back leaves such a "
                    + "gap; see queue_log.gap.seconds)", source, range.first(),
                    range.size() > 1 ? " to " + range.last() : "", grace.toSeconds());
        }
    }

    void clear() {
        changed |= !ranges.isEmpty();
        ranges.clear();
    }

    /** @return " OR id BETWEEN ..." for each range, to add to {@code id > :after} */
    String condition() {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < ranges.size(); i++) {
            sql.append(" OR id BETWEEN :gapFirst").append(i).append(" AND :gapLast").append(i);
        }
        return sql.toString();
    }

    void bind(Query query) {
        int i = 0;
        for (Range range : ranges.values()) {
            query.bind("gapFirst" + i, range.first()).bind("gapLast" + i, range.last());
            i++;
        }
    }

    /** Writes the ranges if they changed (in the caller's transaction). */
    void save(Handle h) {
        if (!changed) {
            return;
        }
        h.execute("DELETE FROM reports_gap WHERE source = ?", source);
        if (!ranges.isEmpty()) {
            PreparedBatch insert = h.prepareBatch("INSERT INTO reports_gap (source, first_id, last_id, noticed_at) "
                    + "VALUES (?, ?, ?, ?)");
            ranges.values().forEach(range -> insert.add(source, range.first(), range.last(),
                    Ingestion.utc(range.noticed())));
            insert.execute();
        }
    }

    /** @return the ranges as they are now, to be saved while these change on (the copy logs nothing) */
    Gaps copy() {
        Gaps copy = new Gaps(source);
        copy.ranges.putAll(ranges);
        copy.changed = changed;
        return copy;
    }

    /** @return whether the ranges changed since they were saved */
    boolean changed() {
        return changed;
    }

    /** The ranges are as saved (call after the transaction that saved them committed). */
    void saved() {
        changed = false;
    }
}
