package org.callscore.reports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.DoubleConsumer;
import java.util.regex.Pattern;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads queue_log rows after the last id ingested, in batches, and writes each batch's calls and sums with the
 * new last id in one transaction: a batch is ingested entirely or not at all, so running again after a failure
 * (or twice) never counts a row twice. One instance per source table; not thread-safe (the component runs it on
 * its one thread, or under its lock for a rebuild).
 */
final class Ingestion {

    private static final Logger LOG = LoggerFactory.getLogger(Ingestion.class);
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final String OPEN = "('waiting', 'talking')";

    private final Jdbi jdbi;
    private final String table;
    private final Settings settings;
    private final int batchSize;
    private Aggregator aggregator;
    private long lastId = -1;

    Ingestion(Jdbi jdbi, String table, Settings settings, int batchSize) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("queue_log.table: '" + table + "' is not a table name");
        }
        this.jdbi = jdbi;
        this.table = table;
        this.settings = settings;
        this.batchSize = batchSize;
    }

    String source() {
        return "table:" + table;
    }

    long lastId() {
        return Math.max(0, lastId);
    }

    int openCalls() {
        return aggregator == null ? 0 : aggregator.openCalls();
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
        } catch (RuntimeException e) {
            aggregator = null; // the open calls are read again from the database, as the last batch left them
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

    private long ingest(DoubleConsumer progress) {
        if (aggregator == null) {
            start();
        }
        long maxId = jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)
                .mapTo(Long.class).one());
        long first = lastId;
        long read = 0;
        while (lastId < maxId) {
            long after = lastId;
            List<QueueLogRow> rows = jdbi.withHandle(h -> h.createQuery("SELECT id, time, callid, queuename, agent, "
                    + "event, data1, data2, data3, data4, data5 FROM " + table + " WHERE id > :after ORDER BY id LIMIT "
                    + batchSize).bind("after", after).map(this::row).list());
            if (rows.isEmpty()) {
                break;
            }
            Aggregator.Batch batch = aggregator.process(rows, this::priorCalls);
            long newLastId = rows.get(rows.size() - 1).id();
            jdbi.useTransaction(h -> write(h, batch, newLastId));
            lastId = newLastId;
            read += rows.size();
            if (batch.orphans() > 0) {
                LOG.debug("queue_log rows {} to {}: {} events of calls not followed (ingestion started mid-call)",
                        after + 1, newLastId, batch.orphans());
            }
            progress.accept(maxId == first ? 1 : (double) (lastId - first) / (maxId - first));
        }
        return read;
    }

    /** Reads where the last run stopped and the calls still open then. */
    private void start() {
        lastId = jdbi.withHandle(h -> h.createQuery("SELECT position FROM reports_state WHERE source = :s")
                .bind("s", source()).mapTo(Long.class).findOne().orElse(0L));
        List<CallState> open = jdbi.withHandle(h -> h.createQuery("SELECT * FROM reports_call WHERE status IN " + OPEN)
                .map(Ingestion::call).list());
        aggregator = new Aggregator(settings, open);
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
        upsert(h, "reports_hourly", "hour_utc, local_date", batch.sums(), (b, add) -> add.bind("hour", utc(b.hourUtc()))
                .bind("date", b.localDate()).bind("queue", b.queue()).bind("agent", b.agent()));
        Map<Bucket, Tally> daily = new LinkedHashMap<>();
        batch.sums().forEach((b, t) -> daily.computeIfAbsent(new Bucket(null, b.localDate(), b.queue(), b.agent()),
                k -> new Tally()).add(t));
        upsert(h, "reports_daily", "local_date", daily, (b, add) -> add.bind("date", b.localDate())
                .bind("queue", b.queue()).bind("agent", b.agent()));
        h.createUpdate("INSERT INTO reports_state (source, position, settings) VALUES (:s, :p, :settings) "
                + "ON DUPLICATE KEY UPDATE position = VALUES(position), settings = VALUES(settings)")
                .bind("s", source()).bind("p", newLastId).bind("settings", settings.aggregationKey()).execute();
    }

    /** Adds sums to a sums table, row by row: {@code keys} are its key columns before queue and agent. */
    private static void upsert(Handle h, String table, String keys, Map<Bucket, Tally> sums,
            BiConsumer<Bucket, PreparedBatch> bindKeys) {
        if (sums.isEmpty()) {
            return;
        }
        String keyParameters = keys.equals("local_date") ? ":date" : ":hour, :date";
        PreparedBatch batch = h.prepareBatch("INSERT INTO " + table + " (" + keys + ", queue, agent, offered, "
                + "answered, answered_in_sl, abandoned, short_abandoned, timed_out, exited_key, exited_empty, other_exits,"
                + " transferred, wait_sum, wait_max, answered_wait_sum, talk_sum, ring_no_answer, fcr_eligible, repeated)"
                + " VALUES (" + keyParameters + ", :queue, :agent, :offered, :answered, :sl, :abandoned, :short, :timeout,"
                + " :key, :empty, :other, :transferred, :waitSum, :waitMax, :answeredWait, :talk, :rna, :fcr, :repeated) "
                + "ON DUPLICATE KEY UPDATE offered = offered + VALUES(offered), answered = answered + VALUES(answered), "
                + "answered_in_sl = answered_in_sl + VALUES(answered_in_sl), abandoned = abandoned + VALUES(abandoned), "
                + "short_abandoned = short_abandoned + VALUES(short_abandoned), timed_out = timed_out + VALUES(timed_out),"
                + " exited_key = exited_key + VALUES(exited_key), exited_empty = exited_empty + VALUES(exited_empty), "
                + "other_exits = other_exits + VALUES(other_exits), transferred = transferred + VALUES(transferred), "
                + "wait_sum = wait_sum + VALUES(wait_sum), wait_max = GREATEST(wait_max, VALUES(wait_max)), "
                + "answered_wait_sum = answered_wait_sum + VALUES(answered_wait_sum), talk_sum = talk_sum + "
                + "VALUES(talk_sum), ring_no_answer = ring_no_answer + VALUES(ring_no_answer), fcr_eligible = "
                + "fcr_eligible + VALUES(fcr_eligible), repeated = repeated + VALUES(repeated)");
        sums.forEach((b, t) -> {
            bindKeys.accept(b, batch);
            batch.bind("offered", t.offered).bind("answered", t.answered).bind("sl", t.answeredInSl)
                    .bind("abandoned", t.abandoned).bind("short", t.shortAbandoned).bind("timeout", t.timedOut)
                    .bind("key", t.exitedKey).bind("empty", t.exitedEmpty).bind("other", t.otherExits)
                    .bind("transferred", t.transferred).bind("waitSum", t.waitSum).bind("waitMax", t.waitMax)
                    .bind("answeredWait", t.answeredWaitSum).bind("talk", t.talkSum).bind("rna", t.ringNoAnswer)
                    .bind("fcr", t.fcrEligible).bind("repeated", t.repeated).add();
        });
        batch.execute();
    }

    private QueueLogRow row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        LocalDateTime time = rs.getObject("time", LocalDateTime.class);
        Instant instant = time == null ? Instant.EPOCH : time.atZone(settings.pbxZone()).toInstant();
        return new QueueLogRow(rs.getLong("id"), instant, rs.getString("callid"), rs.getString("queuename"),
                rs.getString("agent"), rs.getString("event"), rs.getString("data1"), rs.getString("data2"),
                rs.getString("data3"), rs.getString("data4"), rs.getString("data5"));
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
