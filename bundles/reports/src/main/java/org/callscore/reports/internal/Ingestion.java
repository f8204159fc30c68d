package org.callscore.reports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import java.util.regex.Pattern;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads queue_log rows after the last id ingested, and the ids below it that were missing then ({@link Gaps}), in
 * batches, and writes each batch's calls and sums with the new position in one transaction: a batch is ingested
 * entirely or not at all, so running again after a failure (or twice) never counts a row twice. A row that cannot
 * be stored is set aside ({@link SetAside}) and the rest goes on; a table emptied or recreated (its ids start again)
 * is read from its start, its calls numbered after the old ones. One instance per source table; not thread-safe
 * (the component runs it on its one thread, or under its lock for a rebuild).
 */
final class Ingestion {

    private static final Logger LOG = LoggerFactory.getLogger(Ingestion.class);
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final String OPEN = "('waiting', 'talking')";
    /** How long a missing id is awaited unless configured (queue_log.gap.seconds). */
    static final Duration GAP_GRACE = Duration.ofMinutes(5);
    /** The widths of the reports_call and reports_hourly columns the rows' values go to. */
    private static final int CALLID_MAX = 80;
    private static final int QUEUE_MAX = 128;
    private static final int AGENT_MAX = 128;
    private static final int CALLER_MAX = 80;
    private static final int KEY_MAX = 8;

    private final Jdbi jdbi;
    private final String table;
    private final Settings settings;
    private final int batchSize;
    private final Duration gapGrace;
    private final Clock clock;
    private Aggregator aggregator;
    private long lastId = -1;
    /** the position as stored with the sums: what report:status shows, never ahead of what was counted */
    private volatile long storedId;
    /** added to the table's ids to make reports_call.enter_id; grows when the table's ids started again */
    private long idBase;
    /** of the row at lastId */
    private String fingerprint = "";
    private Gaps gaps;
    /** the latest entry in reports_call: an ENTERQUEUE after it cannot be of a call counted before */
    private Instant newestEntered;
    /** up to this id, rows are read one at a time: a batch up to it was refused by the database */
    private long oneByOneUntil = -1;
    // read by status() on other threads
    private volatile long awaited;
    private volatile long setAside;

    Ingestion(Jdbi jdbi, String table, Settings settings, int batchSize) {
        this(jdbi, table, settings, batchSize, GAP_GRACE, Clock.systemUTC());
    }

    Ingestion(Jdbi jdbi, String table, Settings settings, int batchSize, Duration gapGrace, Clock clock) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("queue_log.table: '" + table + "' is not a table name");
        }
        this.jdbi = jdbi;
        this.table = table;
        this.settings = settings;
        this.batchSize = batchSize;
        this.gapGrace = gapGrace;
        this.clock = clock;
    }

    String source() {
        return "table:" + table;
    }

    long lastId() {
        return storedId;
    }

    int openCalls() {
        return aggregator == null ? 0 : aggregator.openCalls();
    }

    /** @return queue_log ids below the last one read still awaited */
    long awaitedIds() {
        return awaited;
    }

    /** @return rows of this table set aside (reports_set_aside) */
    long setAside() {
        return setAside;
    }

    /**
     * Ingests every row there is now.
     *
     * @return rows read
     */
    long run() {
        return run(progress -> { });
    }

    private long run(DoubleConsumer progress) {
        try {
            return ingest(progress);
        } catch (RuntimeException | Error e) {
            // an Error too (a bundle updated mid-run): the position read must never run ahead of what was stored
            aggregator = null; // the open calls, position and gaps are read again, as the last batch left them
            lastId = -1;
            throw e;
        }
    }

    /**
     * Forgets every call and sum and reads the whole table again.
     *
     * @return rows read
     */
    long rebuild(DoubleConsumer progress) {
        jdbi.useTransaction(h -> {
            h.execute("DELETE FROM reports_hourly");
            h.execute("DELETE FROM reports_daily");
            h.execute("DELETE FROM reports_call");
            h.execute("DELETE FROM reports_state WHERE source = ?", source());
            h.execute("DELETE FROM reports_gap WHERE source = ?", source());
            h.execute("DELETE FROM " + SetAside.TABLE + " WHERE source = ?", source());
        });
        aggregator = null;
        lastId = -1;
        return run(progress);
    }

    /** @return the settings the stored sums were made with, empty when nothing is stored */
    String storedSettings() {
        return jdbi.withHandle(h -> h.createQuery("SELECT settings FROM reports_state WHERE source = :s")
                .bind("s", source()).mapTo(String.class).findOne().orElse(""));
    }

    /** A queue_log row as read, before its time is parsed and its values checked. */
    private record Fetched(long id, String time, String callid, String queue, String agent, String event,
            String data1, String data2, String data3, String data4, String data5) {

        String raw() {
            return SetAside.raw(id, time, callid, queue, agent, event, data1, data2, data3, data4, data5);
        }

        /** Tells this row from the one read at the same id in a table recreated since. */
        String fingerprint() {
            return SetAside.cut(SetAside.raw(time, callid, event, agent, data1), 255);
        }
    }

    private long ingest(DoubleConsumer progress) {
        if (aggregator == null) {
            start();
        }
        long maxId = jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)
                .mapTo(Long.class).one());
        checkSameTable(maxId);
        gaps.expire(clock.instant(), gapGrace);
        if (!gaps.isEmpty() || lastId < maxId) {
            long first = lastId;
            long read = 0;
            while (true) {
                int limit = lastId < oneByOneUntil ? 1 : batchSize;
                int fetched = batch(limit);
                read += fetched;
                progress.accept(maxId <= first ? 1 : Math.min(1, (double) (lastId - first) / (maxId - first)));
                if (fetched < limit) {
                    break;
                }
            }
            return read;
        }
        saveGaps();
        return 0;
    }

    /** @return the rows read: a batch of new rows and of rows that were missing */
    private int batch(int limit) {
        long after = lastId;
        List<Fetched> fetched = jdbi.withHandle(h -> {
            Query select = h.createQuery("SELECT id, time, callid, queuename, agent, event, data1, data2, data3, "
                    + "data4, data5 FROM " + table + " WHERE id > :after" + gaps.condition() + " ORDER BY id LIMIT "
                    + limit).bind("after", after);
            gaps.bind(select);
            return select.map(Ingestion::fetched).list();
        });
        if (fetched.isEmpty()) {
            saveGaps();
            return 0;
        }
        Instant now = clock.instant();
        long expected = after + 1;
        fetched.stream().filter(f -> f.id() > after).reduce((a, b) -> b).ifPresent(f -> fingerprint = f.fingerprint());
        List<QueueLogRow> rows = new ArrayList<>();
        List<SetAside.Entry> setAsideNow = new ArrayList<>();
        for (Fetched f : fetched) {
            if (f.id() > after) {
                if (f.id() > expected) {
                    gaps.noticed(expected, f.id() - 1, now);
                }
                expected = f.id() + 1;
                lastId = f.id();
            } else {
                gaps.arrived(f.id());
            }
            QueueLogRow row = row(f);
            String reason = row == null ? "no usable time '" + f.time() + "' (queue_log.time)" : unfit(row);
            if (reason == null) {
                rows.add(row);
            } else {
                setAsideNow.add(new SetAside.Entry(f.id(), f.raw(), reason));
            }
        }
        int[] counted = {0};
        Aggregator.Batch batch = aggregator.process(withoutCounted(rows, counted), this::priorCalls);
        long newLastId = lastId;
        try {
            jdbi.useTransaction(h -> {
                write(h, batch, newLastId);
                SetAside.write(h, source(), setAsideNow);
                gaps.save(h);
            });
        } catch (RuntimeException e) {
            String refused = refused(e);
            if (refused == null) {
                throw e;
            }
            if (fetched.size() > 1) {
                // which row? Read them again one at a time (after the open calls are read again)
                oneByOneUntil = fetched.get(fetched.size() - 1).id();
                LOG.warn("Reports: the database refused rows {} to {} of {} ({}): reading them one at a time to set "
                        + "the row aside", fetched.get(0).id(), oneByOneUntil, source(), refused);
                throw e;
            }
            setAsideRefused(fetched.get(0), refused);
            return fetched.size();
        }
        gaps.saved();
        storedId = newLastId;
        awaited = gaps.awaited();
        rows.stream().filter(r -> r.event().equals("ENTERQUEUE")).map(QueueLogRow::time).max(Instant::compareTo)
                .filter(t -> newestEntered == null || t.isAfter(newestEntered)).ifPresent(t -> newestEntered = t);
        SetAside.log(source(), setAsideNow);
        setAside += setAsideNow.size();
        if (counted[0] > 0) {
            LOG.info("Reports: {} calls in {} rows {} to {} were counted before (the same callid, queue and time): "
                    + "not counted again", counted[0], source(), fetched.get(0).id(), newLastId);
        }
        if (batch.orphans() > 0) {
            LOG.debug("queue_log rows {} to {}: {} events of calls not followed (ingestion started mid-call)",
                    fetched.get(0).id(), newLastId, batch.orphans());
        }
        return fetched.size();
    }

    /** Sets aside the one row whose calls or sums the database refused, and reads the open calls again. */
    private void setAsideRefused(Fetched row, String refused) {
        List<SetAside.Entry> entry = List.of(new SetAside.Entry(row.id(), row.raw(), SetAside.cut(
                "the database refused it: " + refused, 255)));
        long newLastId = lastId;
        jdbi.useTransaction(h -> {
            SetAside.write(h, source(), entry);
            writeState(h, newLastId);
            gaps.save(h);
        });
        SetAside.log(source(), entry);
        start(); // the aggregator took the row in: its calls are read again as stored
    }

    /** @return the database's message when it refused a value (too long, out of range, not valid), else null */
    private static String refused(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ((sql.getSQLState() != null && sql.getSQLState().startsWith("22"))
                    || sql.getErrorCode() == 1366 || sql.getErrorCode() == 1048)) {
                return sql.getMessage();
            }
        }
        return null;
    }

    private void saveGaps() {
        if (!gaps.changed()) {
            return;
        }
        jdbi.useTransaction(gaps::save);
        gaps.saved();
        awaited = gaps.awaited();
    }

    /**
     * A table whose highest id is below the position, or whose row at the position is another one, was emptied
     * or recreated: it is read from its start, its ids numbered after the old ones.
     */
    private void checkSameTable(long maxId) {
        if (lastId <= 0) {
            return;
        }
        String why;
        if (maxId < lastId) {
            why = "its highest id is " + maxId + ", below the " + lastId + " read";
        } else {
            long at = lastId;
            Optional<Fetched> row = jdbi.withHandle(h -> h.createQuery("SELECT id, time, callid, queuename, agent, "
                    + "event, data1, data2, data3, data4, data5 FROM " + table + " WHERE id = :id").bind("id", at)
                    .map(Ingestion::fetched).findOne());
            if (row.isEmpty()) {
                return; // deleted (a purge of old rows): the ids go on
            }
            if (fingerprint.isEmpty()) {
                fingerprint = row.get().fingerprint(); // read before fingerprints were kept
                jdbi.useHandle(h -> h.execute("UPDATE reports_state SET fingerprint = ? WHERE source = ?",
                        fingerprint, source()));
                return;
            }
            if (row.get().fingerprint().equals(fingerprint)) {
                return;
            }
            why = "its row " + lastId + " is not the one read (" + row.get().fingerprint() + ", was " + fingerprint
                    + ")";
        }
        LOG.warn("Reports: {} was emptied or recreated ({}): reading it from its start; calls counted before are "
                + "kept and not counted again. A rebuild can count only the rows the table still holds",
                source(), why);
        long newBase = idBase + lastId;
        jdbi.useTransaction(h -> {
            h.execute("UPDATE reports_state SET position = 0, id_base = ?, fingerprint = '' WHERE source = ?", newBase,
                    source());
            h.execute("DELETE FROM reports_gap WHERE source = ?", source());
        });
        idBase = newBase;
        lastId = 0;
        storedId = 0;
        fingerprint = "";
        gaps.clear();
        gaps.saved();
        awaited = 0;
    }

    /** @return the rows but the ENTERQUEUEs of calls already in reports_call (a table or file read again) */
    private List<QueueLogRow> withoutCounted(List<QueueLogRow> rows, int[] counted) {
        List<String> callids = rows.stream().filter(r -> r.event().equals("ENTERQUEUE") && newestEntered != null
                && !r.time().isAfter(newestEntered)).map(QueueLogRow::callid).distinct().toList();
        if (callids.isEmpty()) {
            return rows;
        }
        Map<String, Long> known = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT callid, queue, entered_at, enter_id FROM reports_call WHERE callid "
                + "IN (<callids>)").bindList("callids", callids).map((rs, ctx) -> Map.entry(stay(rs.getString(1),
                        rs.getString(2), rs.getObject(3, LocalDateTime.class)), rs.getLong(4)))
                .forEach(e -> known.put(e.getKey(), e.getValue())));
        if (known.isEmpty()) {
            return rows;
        }
        List<QueueLogRow> kept = new ArrayList<>(rows.size());
        for (QueueLogRow r : rows) {
            Long enterId = r.event().equals("ENTERQUEUE") ? known.get(stay(r.callid(), r.queue(), utc(r.time())))
                    : null;
            if (enterId != null && enterId != r.id()) {
                counted[0]++;
            } else {
                kept.add(r);
            }
        }
        return kept;
    }

    private static String stay(String callid, String queue, LocalDateTime enteredUtc) {
        return callid + '\u0000' + queue + '\u0000' + enteredUtc;
    }

    /** Reads where the last run stopped, the ids awaited and the calls still open then. */
    private void start() {
        List<CallState> open = jdbi.withHandle(h -> {
            Optional<Object[]> state = h.createQuery("SELECT position, id_base, fingerprint FROM reports_state WHERE "
                    + "source = :s").bind("s", source()).map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getLong(2),
                            rs.getString(3)}).findOne();
            lastId = state.map(s -> (Long) s[0]).orElse(0L);
            storedId = lastId;
            idBase = state.map(s -> (Long) s[1]).orElse(0L);
            fingerprint = state.map(s -> (String) s[2]).orElse("");
            gaps = Gaps.load(h, source());
            newestEntered = h.createQuery("SELECT MAX(entered_at) FROM reports_call")
                    .mapTo(LocalDateTime.class).findOne().map(Ingestion::instant).orElse(null);
            return h.createQuery("SELECT * FROM reports_call WHERE status IN " + OPEN).map(Ingestion::call).list();
        });
        awaited = gaps.awaited();
        setAside = SetAside.count(jdbi, source());
        aggregator = new Aggregator(settings, open);
    }

    /** @return why the row cannot be counted, or null; only events that change a figure are checked */
    private static String unfit(QueueLogRow row) {
        if (!Aggregator.EVENTS.contains(row.event())) {
            return null;
        }
        int year = row.time().atZone(ZoneOffset.UTC).getYear();
        if (year < 1001 || year > 9998) {
            return "time " + row.time() + " is outside what the reports store (years 1001 to 9998)";
        }
        if (SetAside.tooLong(row.callid(), CALLID_MAX)) {
            return "callid longer than " + CALLID_MAX + " characters (reports_call.callid)";
        }
        if (SetAside.tooLong(row.queue(), QUEUE_MAX)) {
            return "queuename longer than " + QUEUE_MAX + " characters (reports_call.queue)";
        }
        if (SetAside.tooLong(row.agent(), AGENT_MAX)) {
            return "agent longer than " + AGENT_MAX + " characters (reports_call.agent)";
        }
        if (row.event().equals("ENTERQUEUE") && SetAside.tooLong(row.data2(), CALLER_MAX)) {
            return "caller number (data2) longer than " + CALLER_MAX + " characters (reports_call.caller)";
        }
        if (row.event().equals("EXITWITHKEY") && SetAside.tooLong(row.data1(), KEY_MAX)) {
            return "key (data1) longer than " + KEY_MAX + " characters (reports_call.exit_key)";
        }
        return null;
    }

    private Map<String, CallState> priorCalls(Collection<String> callers, Instant since) {
        Map<String, CallState> latest = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT * FROM reports_call WHERE caller IN (<callers>) AND entered_at >= :since"
                + " ORDER BY entered_at, enter_id").bindList("callers", List.copyOf(callers))
                .bind("since", utc(since)).map(Ingestion::call).forEach(call -> latest.put(call.caller, call)));
        return latest;
    }

    private void write(Handle h, Aggregator.Batch batch, long newLastId) {
        PreparedBatch calls = h.prepareBatch("INSERT INTO reports_call (enter_id, callid, queue, caller, entered_at, "
                + "agent, status, wait_s, talk_s, position, exit_key, ring_no_answer, repeated, ended_at) VALUES (:id, "
                + ":callid, :queue, :caller, :entered, :agent, :status, :wait, :talk, :position, :key, :rna, :repeated, "
                + ":ended) ON DUPLICATE KEY UPDATE agent = VALUES(agent), status = VALUES(status), wait_s = "
                + "VALUES(wait_s), talk_s = VALUES(talk_s), position = VALUES(position), exit_key = VALUES(exit_key), "
                + "ring_no_answer = VALUES(ring_no_answer), repeated = VALUES(repeated), ended_at = VALUES(ended_at)");
        for (CallState c : batch.calls()) {
            calls.bind("id", c.enterId).bind("callid", c.callid).bind("queue", c.queue).bind("caller", c.caller)
                    .bind("entered", utc(c.enteredAt)).bind("agent", c.agent).bind("status", c.status.column())
                    .bind("wait", c.wait).bind("talk", c.talk).bind("position", c.position).bind("key", c.exitKey)
                    .bind("rna", c.ringNoAnswer).bind("repeated", c.repeated)
                    .bind("ended", c.endedAt == null ? null : utc(c.endedAt)).add();
        }
        if (!batch.calls().isEmpty()) {
            calls.execute();
        }
        for (SumsTable sums : SumsTable.values()) {
            sums.upsert(h, batch.sums());
        }
        writeState(h, newLastId);
    }

    private void writeState(Handle h, long newLastId) {
        h.createUpdate("INSERT INTO reports_state (source, position, settings, id_base, fingerprint) VALUES (:s, :p, "
                + ":settings, :base, :fingerprint) ON DUPLICATE KEY UPDATE position = VALUES(position), settings = "
                + "VALUES(settings), id_base = VALUES(id_base), fingerprint = VALUES(fingerprint)")
                .bind("s", source()).bind("p", newLastId).bind("settings", settings.aggregationKey())
                .bind("base", idBase).bind("fingerprint", fingerprint).execute();
    }

    private static Fetched fetched(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws SQLException {
        return new Fetched(rs.getLong("id"), rs.getString("time"), rs.getString("callid"), rs.getString("queuename"),
                rs.getString("agent"), rs.getString("event"), rs.getString("data1"), rs.getString("data2"),
                rs.getString("data3"), rs.getString("data4"), rs.getString("data5"));
    }

    /**
     * @return the row with its time in UTC and its id after the ids of tables read before; null when its time is
     *         missing or not a date and time (a zero date)
     */
    private QueueLogRow row(Fetched f) {
        Instant time;
        try {
            time = f.time() == null ? null : LocalDateTime.parse(f.time().trim().replace(' ', 'T'))
                    .atZone(settings.pbxZone()).toInstant();
        } catch (DateTimeParseException e) {
            time = null;
        }
        if (time == null && Aggregator.EVENTS.contains(f.event())) {
            return null;
        }
        return new QueueLogRow(idBase + f.id(), time == null ? Instant.EPOCH : time, f.callid(), f.queue(), f.agent(),
                f.event(), f.data1(), f.data2(), f.data3(), f.data4(), f.data5());
    }

    static CallState call(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        CallState call = new CallState(rs.getLong("enter_id"), rs.getString("callid"), rs.getString("queue"),
                rs.getString("caller"), instant(rs.getObject("entered_at", LocalDateTime.class)));
        call.agent = rs.getString("agent");
        call.status = CallState.Status.ofColumn(rs.getString("status"));
        call.wait = rs.getInt("wait_s");
        call.talk = rs.getInt("talk_s");
        call.position = rs.getInt("position");
        call.exitKey = rs.getString("exit_key");
        call.ringNoAnswer = rs.getInt("ring_no_answer");
        call.repeated = rs.getBoolean("repeated");
        LocalDateTime ended = rs.getObject("ended_at", LocalDateTime.class);
        call.endedAt = ended == null ? null : instant(ended);
        return call;
    }

    /** reports_* DATETIME columns hold UTC. */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }
}
