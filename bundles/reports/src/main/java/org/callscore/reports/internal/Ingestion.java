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

import org.callscore.support.rules.TableName;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
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
    private static final String OPEN = "('waiting', 'talking')";
    /**
     * The queue_log columns read, by position in {@link #fetched}; the time as text (as the driver would give a
     * DATETIME, but without its costly decoding and formatting: the largest share of reading).
     */
    private static final String COLUMNS = "id, CAST(time AS CHAR), callid, queuename, agent, event, data1, data2, "
            + "data3, data4, data5";
    /** reports_state.settings while the sums are emptied for a rebuild: it matches no settings */
    static final String REBUILDING = "(rebuilding)";
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
    /**
     * Each caller's latest call as stored, so that a batch's repeat callers are found without a look-up of
     * reports_call: it holds every caller whose latest call entered at or after {@link #knownFrom}; older ones are
     * looked up (a row written long after its time, a site with more callers in fcr.window.hours than it holds).
     */
    private final Map<String, CallState> latestByCaller = new HashMap<>();
    private Instant knownFrom = Instant.MAX;
    /** latestByCaller is swept of calls older than the window when it grows to this */
    private int sweepAt = SWEEP_MIN;
    /** at most this many callers are kept (about 300 bytes each) */
    static final int LATEST_CALLERS_MAX = 250_000;
    private static final int SWEEP_MIN = 10_000;
    /** up to this id, rows are read one at a time: a batch up to it was refused by the database */
    private volatile long oneByOneUntil = -1;
    /** the writes of the run going on (a batch's write overlaps the reading of the next) */
    private WriteBehind writes;
    // read by status() on other threads
    private volatile long awaited;
    private volatile long setAside;

    Ingestion(Jdbi jdbi, String table, Settings settings, int batchSize) {
        this(jdbi, table, settings, batchSize, GAP_GRACE, Clock.systemUTC());
    }

    Ingestion(Jdbi jdbi, String table, Settings settings, int batchSize, Duration gapGrace, Clock clock) {
        this.jdbi = jdbi;
        this.table = TableName.of("queue_log.table", table);
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
        // The position goes back to the start first, with settings that match none: TRUNCATE commits on its own,
        // and a stop before the first batch is stored leaves sums that the component sees must be rebuilt.
        jdbi.useTransaction(h -> {
            h.execute("INSERT INTO reports_state (source, position, settings) VALUES (?, 0, ?) ON DUPLICATE KEY "
                    + "UPDATE position = 0, settings = VALUES(settings), id_base = 0, fingerprint = ''", source(),
                    REBUILDING);
            h.execute("DELETE FROM reports_gap WHERE source = ?", source());
            h.execute("DELETE FROM " + SetAside.TABLE + " WHERE source = ?", source());
        });
        jdbi.useHandle(h -> {
            for (SumsTable sums : SumsTable.values()) {
                empty(h, sums.table);
            }
            empty(h, "reports_call");
            h.execute("UPDATE reports_state SET settings = ? WHERE source = ?", settings.aggregationKey(), source());
        });
        aggregator = null;
        lastId = -1;
        return run(progress);
    }

    /** Empties a table: TRUNCATE (deleting millions of rows costs as much as ingesting them), else DELETE. */
    private static void empty(Handle h, String table) {
        try {
            h.execute("TRUNCATE TABLE " + table);
        } catch (RuntimeException e) {
            LOG.debug("Reports: TRUNCATE TABLE {} failed ({}): deleting its rows", table, e.toString());
            h.execute("DELETE FROM " + table);
        }
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
            // a failure here waits for the write behind to end before the run's state is reset (run())
            try (WriteBehind behind = new WriteBehind("reports-ingestion-" + table)) {
                writes = behind;
                while (true) {
                    int limit = lastId < oneByOneUntil ? 1 : batchSize;
                    int fetched = batch(limit);
                    read += fetched;
                    progress.accept(maxId <= first ? 1 : Math.min(1, (double) (lastId - first) / (maxId - first)));
                    if (fetched < limit) {
                        break;
                    }
                }
            } finally {
                writes = null;
            }
            return read;
        }
        saveGaps();
        return 0;
    }

    /**
     * Reads and aggregates a batch; a full batch is written behind (while the next one is read), a smaller one,
     * the last of the run, before this returns.
     *
     * @return the rows read: a batch of new rows and of rows that were missing
     */
    private int batch(int limit) {
        long after = lastId;
        List<Fetched> fetched = jdbi.withHandle(h -> {
            Query select = h.createQuery("SELECT " + COLUMNS + " FROM " + table + " WHERE id > :after"
                    + gaps.condition() + " ORDER BY id LIMIT " + limit).bind("after", after);
            gaps.bind(select);
            return select.map(Ingestion::fetched).list();
        });
        if (fetched.isEmpty()) {
            writes.await();
            saveGaps();
            return 0;
        }
        Instant now = clock.instant();
        long expected = after + 1;
        fetched.stream().filter(f -> f.id() > after).reduce((a, b) -> b).ifPresent(f -> fingerprint = f.fingerprint());
        List<QueueLogRow> rows = new ArrayList<>(fetched.size());
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
        // the calls as they are now: the next batch changes the open ones while this one is written
        List<CallState> calls = new ArrayList<>(batch.calls().size());
        batch.calls().forEach(call -> calls.add(call.copy()));
        Pending pending = new Pending(calls, batch.sums(), setAsideNow, gaps.copy(), lastId, fingerprint,
                fetched.get(0).id(), fetched.get(fetched.size() - 1), fetched.size(), counted[0], batch.orphans());
        gaps.saved(); // the copy is written with the batch; a failed write makes the run start again from the stored
        // what the next batch reads from memory: as if written (a failed write makes start() read it all again)
        batch.calls().forEach(this::remember);
        rows.stream().filter(r -> r.event().equals("ENTERQUEUE")).map(QueueLogRow::time).max(Instant::compareTo)
                .filter(t -> newestEntered == null || t.isAfter(newestEntered)).ifPresent(t -> newestEntered = t);
        sweepLatestCallers();
        if (fetched.size() == limit && limit > 1) {
            writes.submit(() -> write(pending));
        } else {
            writes.await();
            try {
                write(pending);
            } catch (RuntimeException e) {
                String refused = refused(e);
                if (refused == null || pending.rows() > 1) {
                    throw e;
                }
                setAsideRefused(pending, refused);
            }
        }
        return fetched.size();
    }

    /** What a batch changed, as it was when read: written in one transaction, perhaps while the next is read. */
    private record Pending(List<CallState> calls, Map<Bucket, Tally> sums, List<SetAside.Entry> setAside, Gaps gaps,
            long position, String fingerprint, long firstId, Fetched last, int rows, int counted, int orphans) {
    }

    /** Writes a batch with its position; a batch the database refuses is read again one row at a time. */
    private void write(Pending p) {
        try {
            jdbi.useTransaction(h -> {
                write(h, p);
                SetAside.write(h, source(), p.setAside());
                p.gaps().save(h);
            });
        } catch (RuntimeException e) {
            String refused = refused(e);
            if (refused != null && p.rows() > 1) {
                // which row? Read them again one at a time (after the open calls are read again)
                oneByOneUntil = p.last().id();
                LOG.warn("Reports: the database refused rows {} to {} of {} ({}): reading them one at a time to set "
                        + "the row aside", p.firstId(), oneByOneUntil, source(), refused);
            }
            throw e;
        }
        storedId = p.position();
        awaited = p.gaps().awaited();
        SetAside.log(source(), p.setAside());
        setAside += p.setAside().size();
        if (p.counted() > 0) {
            LOG.info("Reports: {} calls in {} rows {} to {} were counted before (the same callid, queue and time): "
                    + "not counted again", p.counted(), source(), p.firstId(), p.position());
        }
        if (p.orphans() > 0) {
            LOG.debug("queue_log rows {} to {}: {} events of calls not followed (ingestion started mid-call)",
                    p.firstId(), p.position(), p.orphans());
        }
    }

    /** Sets aside the one row whose calls or sums the database refused, and reads the open calls again. */
    private void setAsideRefused(Pending p, String refused) {
        List<SetAside.Entry> entry = List.of(new SetAside.Entry(p.last().id(), p.last().raw(), SetAside.cut(
                "the database refused it: " + refused, 255)));
        jdbi.useTransaction(h -> {
            SetAside.write(h, source(), entry);
            writeState(h, p.position(), p.fingerprint());
            p.gaps().save(h);
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
            Optional<Fetched> row = jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM " + table
                    + " WHERE id = :id").bind("id", at).map(Ingestion::fetched).findOne());
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
        writes.await(); // the calls of the batch before are looked up too
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
            List<CallState> openCalls = h.createQuery("SELECT * FROM reports_call WHERE status IN " + OPEN)
                    .map(Ingestion::call).list();
            loadLatestCallers(h, openCalls);
            return openCalls;
        });
        awaited = gaps.awaited();
        setAside = SetAside.count(jdbi, source());
        aggregator = new Aggregator(settings, open);
    }

    /** Reads each caller's latest call within fcr.window.hours of the newest call (the open ones as followed). */
    private void loadLatestCallers(Handle h, List<CallState> openCalls) {
        latestByCaller.clear();
        sweepAt = SWEEP_MIN;
        if (newestEntered == null) {
            knownFrom = Instant.MIN; // no call stored: every call is one this instance counts
            return;
        }
        Instant from = newestEntered.minus(settings.fcrWindow());
        Map<Long, CallState> openById = new HashMap<>();
        openCalls.forEach(call -> openById.put(call.enterId, call));
        Instant[] oldest = {null};
        int[] read = {0};
        h.createQuery("SELECT * FROM reports_call WHERE entered_at >= :from ORDER BY entered_at DESC, enter_id DESC "
                + "LIMIT " + LATEST_CALLERS_MAX).bind("from", utc(from)).map(Ingestion::call).forEach(call -> {
                    read[0]++;
                    oldest[0] = call.enteredAt;
                    if (!call.caller.isEmpty()) {
                        latestByCaller.putIfAbsent(call.caller, openById.getOrDefault(call.enterId, call));
                    }
                });
        // a full read may have stopped among calls entered at the same time as the oldest read
        knownFrom = read[0] < LATEST_CALLERS_MAX ? from : oldest[0].plusNanos(1000);
    }

    /** A call as stored: the latest of its caller (the later id of two entered at the same time). */
    private void remember(CallState call) {
        if (call.caller.isEmpty()) {
            return;
        }
        CallState known = latestByCaller.get(call.caller);
        if (known == null || known.enteredAt.isBefore(call.enteredAt)
                || (known.enteredAt.equals(call.enteredAt) && known.enterId <= call.enterId)) {
            latestByCaller.put(call.caller, call);
        }
    }

    /** Forgets callers whose latest call is older than the window, and the oldest half when there are too many. */
    private void sweepLatestCallers() {
        if (latestByCaller.size() < sweepAt || newestEntered == null) {
            return;
        }
        Instant cutoff = newestEntered.minus(settings.fcrWindow());
        latestByCaller.values().removeIf(call -> call.enteredAt.isBefore(cutoff));
        knownFrom = cutoff.isAfter(knownFrom) ? cutoff : knownFrom;
        if (latestByCaller.size() > LATEST_CALLERS_MAX) {
            Instant median = latestByCaller.values().stream().map(call -> call.enteredAt).sorted()
                    .skip(latestByCaller.size() / 2).findFirst().orElseThrow();
            latestByCaller.values().removeIf(call -> call.enteredAt.isBefore(median));
            knownFrom = median.isAfter(knownFrom) ? median : knownFrom;
        }
        sweepAt = Math.max(SWEEP_MIN, Math.min(2 * latestByCaller.size(), LATEST_CALLERS_MAX + 1));
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
        if (!since.isBefore(knownFrom)) {
            for (String caller : callers) {
                CallState call = latestByCaller.get(caller);
                if (call != null && !call.enteredAt.isBefore(since)) {
                    latest.put(caller, call);
                }
            }
            return latest;
        }
        writes.await(); // the calls of the batch before are looked up too
        // the window's entries of reports_call_entered (entered_at, caller) are read in time order and only these
        // callers' rows fetched; forced: MariaDB's costs leave out that the index filters the callers, and it chose to
        // read the whole table for a window holding a tenth of it
        jdbi.useHandle(h -> h.createQuery("SELECT * FROM reports_call FORCE INDEX (reports_call_entered) WHERE caller IN "
                + "(<callers>) AND entered_at >= :since"
                + " ORDER BY entered_at, enter_id").bindList("callers", List.copyOf(callers))
                .bind("since", utc(since)).map(Ingestion::call).forEach(call -> latest.put(call.caller, call)));
        return latest;
    }

    private void write(Handle h, Pending p) {
        try {
            CALLS.execute(h.getConnection(), p.calls());
            for (SumsTable sums : SumsTable.values()) {
                sums.upsert(h.getConnection(), p.sums());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reports: writing the calls and sums failed: " + e.getMessage(), e);
        }
        writeState(h, p.position(), p.fingerprint());
    }

    /** The calls of a batch: new ones, and those it changed. */
    private static final MultiRowInsert<CallState> CALLS = new MultiRowInsert<>("INSERT INTO reports_call (enter_id, "
            + "callid, queue, caller, entered_at, agent, status, wait_s, talk_s, position, exit_key, ring_no_answer, "
            + "repeated, ended_at) VALUES", 14, "ON DUPLICATE KEY UPDATE agent = VALUES(agent), status = "
            + "VALUES(status), wait_s = VALUES(wait_s), talk_s = VALUES(talk_s), position = VALUES(position), "
            + "exit_key = VALUES(exit_key), ring_no_answer = VALUES(ring_no_answer), repeated = VALUES(repeated), "
            + "ended_at = VALUES(ended_at)", (s, i, c) -> {
                s.setLong(i, c.enterId);
                s.setString(i + 1, c.callid);
                s.setString(i + 2, c.queue);
                s.setString(i + 3, c.caller);
                s.setObject(i + 4, utc(c.enteredAt));
                s.setString(i + 5, c.agent);
                s.setString(i + 6, c.status.column());
                s.setInt(i + 7, c.wait);
                s.setInt(i + 8, c.talk);
                s.setInt(i + 9, c.position);
                s.setString(i + 10, c.exitKey);
                s.setInt(i + 11, c.ringNoAnswer);
                s.setBoolean(i + 12, c.repeated);
                s.setObject(i + 13, c.endedAt == null ? null : utc(c.endedAt));
            });

    private void writeState(Handle h, long newLastId, String fingerprint) {
        h.createUpdate("INSERT INTO reports_state (source, position, settings, id_base, fingerprint) VALUES (:s, :p, "
                + ":settings, :base, :fingerprint) ON DUPLICATE KEY UPDATE position = VALUES(position), settings = "
                + "VALUES(settings), id_base = VALUES(id_base), fingerprint = VALUES(fingerprint)")
                .bind("s", source()).bind("p", newLastId).bind("settings", settings.aggregationKey())
                .bind("base", idBase).bind("fingerprint", fingerprint).execute();
    }

    private static Fetched fetched(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws SQLException {
        // by position, as the SELECTs name them: no look-up of column names per row
        return new Fetched(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11));
    }

    /**
     * @return the row with its time in UTC and its id after the ids of tables read before; null when its time is
     *         missing or not a date and time (a zero date)
     */
    private QueueLogRow row(Fetched f) {
        LocalDateTime local = localTime(f.time());
        Instant time = local == null ? null : local.atZone(settings.pbxZone()).toInstant();
        if (time == null && Aggregator.EVENTS.contains(f.event())) {
            return null;
        }
        return new QueueLogRow(idBase + f.id(), time == null ? Instant.EPOCH : time, f.callid(), f.queue(), f.agent(),
                f.event(), f.data1(), f.data2(), f.data3(), f.data4(), f.data5());
    }

    /**
     * @return a DATETIME as MariaDB writes it ({@code 2026-01-01 09:30:00[.123456]}), read without a formatter (the
     *         hot path of ingestion), or as ISO text; null when missing or not a date and time (a zero date)
     */
    static LocalDateTime localTime(String text) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        if (length >= 19 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == ' '
                && text.charAt(13) == ':' && text.charAt(16) == ':' && (length == 19 || text.charAt(19) == '.')) {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int fraction = length - 20; // digits after the point
            int nanos = fraction > 0 && fraction <= 9 ? digits(text, 20, length) : length == 19 ? 0 : -1;
            for (int i = fraction; i < 9 && nanos > 0; i++) {
                nanos *= 10;
            }
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0 && nanos >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
                } catch (java.time.DateTimeException e) {
                    return null; // a zero date, or the 31st of a shorter month
                }
            }
        }
        try {
            return LocalDateTime.parse(text.trim().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** @return the decimal number in {@code text[from, to)}, -1 when a character is not a digit */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
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
