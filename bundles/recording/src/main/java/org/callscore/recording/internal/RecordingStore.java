package org.callscore.recording.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.callscore.recording.Recording;
import org.callscore.recording.RecordingAccess;
import org.callscore.recording.RecordingKind;
import org.callscore.recording.RecordingPage;
import org.callscore.recording.RecordingQuery;
import org.callscore.recording.RecordingState;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** The module's tables: the only code that reads or writes them. */
final class RecordingStore {

    /** A row as the scan needs it. */
    record Row(Recording recording, String channelUniqueId, Optional<String> file, Optional<Instant> stoppedAt,
            Optional<Long> seenSize, Optional<Instant> seenSince) {
    }

    private static final String COLUMNS = "r.id, r.server, r.uniqueid, r.channel_uniqueid, r.linkedid, r.kind, r.caller, "
            + "r.agent, r.queue, r.started_at, r.stopped_at, r.duration_ms, r.size_bytes, r.format, r.file, r.sha256, "
            + "r.state, r.survey_response, r.mean_score, r.complaint, r.seen_size, r.seen_since, "
            + "(r.held OR EXISTS (SELECT 1 FROM recording_caller_hold h WHERE h.caller = r.caller_reversed)) AS held_now";

    /** The database's Jdbi as it is now (the storage's, or none while it is being replaced). */
    private final Supplier<Jdbi> jdbi;

    RecordingStore(Supplier<Jdbi> jdbi) {
        this.jdbi = jdbi;
    }

    /** A recording's row: its id and its file. */
    record Indexed(long id, String file) {
    }

    /** @return the new row; an existing row of the same channel and kind is kept as it is, and returned */
    Indexed insertRecording(String server, String channelUniqueId, Optional<String> linkedId, RecordingKind kind,
            Instant startedAt, String format, String file) {
        return jdbi.get().withHandle(h -> {
            h.createUpdate("INSERT IGNORE INTO recording (server, uniqueid, channel_uniqueid, linkedid, kind, started_at, "
                    + "format, file, state) VALUES (:server, :channel, :channel, :linkedid, :kind, :started, :format, "
                    + ":file, 'RECORDING')")
                    .bind("server", server).bind("channel", channelUniqueId).bind("linkedid", linkedId.orElse(null))
                    .bind("kind", kind.name()).bind("started", Timestamp.from(startedAt)).bind("format", format)
                    .bind("file", file).execute();
            h.createUpdate("DELETE FROM recording_stray WHERE file = :file").bind("file", file).execute();
            return h.createQuery("SELECT id, file FROM recording WHERE server = :server AND channel_uniqueid = :channel "
                    + "AND kind = :kind").bind("server", server).bind("channel", channelUniqueId)
                    .bind("kind", kind.name()).map((rs, ctx) -> new Indexed(rs.getLong(1), rs.getString(2))).one();
        });
    }

    void stopped(String server, String channelUniqueId, RecordingKind kind, Instant at) {
        jdbi.get().useHandle(h -> h.createUpdate("UPDATE recording SET stopped_at = :at WHERE server = :server "
                + "AND channel_uniqueid = :channel AND kind = :kind AND stopped_at IS NULL")
                .bind("at", Timestamp.from(at)).bind("server", server).bind("channel", channelUniqueId)
                .bind("kind", kind.name()).execute());
    }

    /** Ties a survey response to the recordings of its call (by uniqueid or linkedid; each an index range). */
    void surveyed(String server, String uniqueId, Optional<String> linkedId, String response, OptionalDouble mean,
            boolean complaint) {
        jdbi.get().useHandle(h -> h.createUpdate("UPDATE recording SET survey_response = :response, mean_score = :mean, "
                + "complaint = :complaint WHERE uniqueid IN (:u, :l) OR linkedid IN (:u, :l) "
                + "OR (server = :server AND channel_uniqueid IN (:u, :l))")
                .bind("response", response).bind("mean", mean.isPresent() ? mean.getAsDouble() : null)
                .bind("complaint", complaint).bind("u", uniqueId).bind("l", linkedId.orElse(uniqueId))
                .bind("server", server).execute());
    }

    /** @return recordings in this state with an id above {@code after}, in id order */
    List<Row> inState(RecordingState state, long after, int limit) {
        return jdbi.get().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM recording r WHERE r.state = :state "
                + "AND r.id > :after ORDER BY r.id LIMIT :limit").bind("state", state.name()).bind("after", after)
                .bind("limit", limit).map((rs, ctx) -> row(rs)).list());
    }

    /** @return ready recordings not matched yet with an id above {@code after}, in id order */
    List<Row> unmatched(long after, int limit) {
        return jdbi.get().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM recording r WHERE r.state = 'READY' "
                + "AND r.matched = FALSE AND r.id > :after ORDER BY r.id LIMIT :limit").bind("after", after)
                .bind("limit", limit).map((rs, ctx) -> row(rs)).list());
    }

    void seen(long id, long size, Instant since) {
        jdbi.get().useHandle(h -> h.createUpdate("UPDATE recording SET seen_size = :size, seen_since = :since WHERE id = :id")
                .bind("size", size).bind("since", Timestamp.from(since)).bind("id", id).execute());
    }

    void ready(long id, long size, Optional<Duration> duration, String sha256) {
        jdbi.get().useHandle(h -> h.createUpdate("UPDATE recording SET state = 'READY', size_bytes = :size, "
                + "duration_ms = :duration, sha256 = :sha WHERE id = :id AND state = 'RECORDING'")
                .bind("size", size).bind("duration", duration.map(Duration::toMillis).orElse(null))
                .bind("sha", sha256).bind("id", id).execute());
    }

    /** A recording that never held sound: no entry at all. */
    void forget(long id) {
        jdbi.get().useHandle(h -> h.createUpdate("DELETE FROM recording WHERE id = :id AND state = 'RECORDING'")
                .bind("id", id).execute());
    }

    /** A recording, by its file, that never held what it needed (a voicemail without a message): no entry. */
    void forgetFile(String file) {
        jdbi.get().useHandle(h -> h.createUpdate("DELETE FROM recording WHERE file = :file AND state = 'RECORDING'")
                .bind("file", file).execute());
    }

    void matched(long id, String uniqueId, Optional<String> caller, Optional<String> agent, Optional<String> queue) {
        jdbi.get().useHandle(h -> h.createUpdate("UPDATE recording SET matched = TRUE, uniqueid = :uniqueid, caller = :caller, "
                + "caller_reversed = :reversed, agent = COALESCE(:agent, agent), queue = COALESCE(:queue, queue) "
                + "WHERE id = :id")
                .bind("uniqueid", uniqueId).bind("caller", caller.orElse(null))
                .bind("reversed", caller.map(CallerNumber::reversed).orElse(null)).bind("agent", agent.orElse(null))
                .bind("queue", queue.orElse(null)).bind("id", id).execute());
    }

    Optional<Recording> byId(long id) {
        return jdbi.get().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM recording r WHERE r.id = :id")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne()).map(Row::recording);
    }

    Optional<Row> rowById(long id) {
        return jdbi.get().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM recording r WHERE r.id = :id")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne());
    }

    boolean indexed(String file) {
        return jdbi.get().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM recording WHERE file = :file")
                .bind("file", file).mapTo(Integer.class).one()) > 0;
    }

    void stray(String file, long size, Instant at) {
        jdbi.get().useHandle(h -> h.createUpdate("INSERT IGNORE INTO recording_stray (file, size_bytes, found_at) "
                + "VALUES (:file, :size, :at)").bind("file", file).bind("size", size).bind("at", Timestamp.from(at))
                .execute());
    }

    Map<String, Long> strays() {
        return jdbi.get().withHandle(h -> h.createQuery("SELECT file, size_bytes FROM recording_stray ORDER BY file")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).list()).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        java.util.TreeMap::new));
    }

    List<Recording> ofCall(String id) {
        return jdbi.get().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM recording r WHERE r.state = 'READY' "
                + "AND (r.uniqueid = :id OR r.linkedid = :id) ORDER BY r.started_at, r.id").bind("id", id)
                .map((rs, ctx) -> row(rs).recording()).list());
    }

    RecordingPage search(RecordingQuery q) {
        StringBuilder where = new StringBuilder(" WHERE r.state <> 'RECORDING'");
        Map<String, Object> binds = new java.util.HashMap<>();
        q.caller().ifPresent(c -> {
            if (CallerNumber.digits(c).isEmpty()) {
                throw new IllegalArgumentException("caller: give some digits of the number, not '" + c + "'");
            }
            // the number ends with these digits: index ranges over the reversed digits, whatever the prefix
            CallerNumber.Search search = CallerNumber.search(c);
            where.append(" AND (r.caller_reversed LIKE :reversed");
            binds.put("reversed", CallerNumber.reversed(search.endsWith()) + "%");
            search.national().ifPresent(n -> {
                String national = CallerNumber.reversed(n);
                if (search.international()) {
                    // +44 20 7946 0018 finds 020 7946 0018 (and 20 7946 0018) too
                    where.append(" OR r.caller_reversed IN (:national, :trunk)");
                    binds.put("national", national);
                    binds.put("trunk", national + "0");
                } else {
                    // 020 7946 0018 finds +44 20 7946 0018 (and 0044 ...) too: a country code of 1 to 3 digits
                    where.append(" OR (r.caller_reversed LIKE :nationalEnd AND (r.caller LIKE '+%' AND "
                            + "CHAR_LENGTH(r.caller_reversed) BETWEEN :plusMin AND :plusMax OR r.caller LIKE '00%' AND "
                            + "CHAR_LENGTH(r.caller_reversed) BETWEEN :zerosMin AND :zerosMax))");
                    binds.put("nationalEnd", national + "%");
                    binds.put("plusMin", n.length() + 1);
                    binds.put("plusMax", n.length() + 3);
                    binds.put("zerosMin", n.length() + 3);
                    binds.put("zerosMax", n.length() + 5);
                }
            });
            where.append(')');
        });
        q.agent().ifPresent(a -> { where.append(" AND r.agent = :agent"); binds.put("agent", a); });
        q.queue().ifPresent(v -> { where.append(" AND r.queue = :queue"); binds.put("queue", v); });
        q.from().ifPresent(t -> { where.append(" AND r.started_at >= :from"); binds.put("from", Timestamp.from(t)); });
        q.to().ifPresent(t -> { where.append(" AND r.started_at < :to"); binds.put("to", Timestamp.from(t)); });
        q.minDuration().ifPresent(d -> { where.append(" AND r.duration_ms >= :mind"); binds.put("mind", d.toMillis()); });
        q.maxDuration().ifPresent(d -> { where.append(" AND r.duration_ms <= :maxd"); binds.put("maxd", d.toMillis()); });
        if (q.minScore().isPresent()) {
            where.append(" AND r.mean_score >= :mins");
            binds.put("mins", q.minScore().getAsDouble());
        }
        if (q.maxScore().isPresent()) {
            where.append(" AND r.mean_score <= :maxs");
            binds.put("maxs", q.maxScore().getAsDouble());
        }
        q.complaint().ifPresent(c -> { where.append(" AND r.complaint = :complaint"); binds.put("complaint", c); });
        if (!q.kinds().isEmpty()) {
            where.append(" AND r.kind IN (").append(q.kinds().stream().map(k -> "'" + k.name() + "'")
                    .sorted().collect(Collectors.joining(", "))).append(')'); // enum names only
        }
        String sql = "SELECT " + COLUMNS + " FROM recording r" + where
                + " ORDER BY r.started_at DESC, r.id DESC LIMIT :limit OFFSET :offset";
        List<Recording> found = jdbi.get().withHandle(h -> {
            Query query = h.createQuery(sql).bind("limit", q.limit() + 1).bind("offset", q.offset());
            binds.forEach(query::bind);
            return query.map((rs, ctx) -> row(rs).recording()).list();
        });
        boolean more = found.size() > q.limit();
        return new RecordingPage(more ? found.subList(0, q.limit()) : found, more);
    }

    void access(long recordingId, String user, String address, Instant at, RecordingAccess.Action action,
            boolean granted, String detail) {
        jdbi.get().useHandle(h -> h.createUpdate("INSERT INTO recording_access (recording_id, user, address, at, action, "
                + "granted, detail) VALUES (:id, :user, :address, :at, :action, :granted, :detail)")
                .bind("id", recordingId).bind("user", cut(user, 128)).bind("address", cut(address, 64))
                .bind("at", Timestamp.from(at)).bind("action", action.name()).bind("granted", granted)
                .bind("detail", cut(detail, 500)).execute());
    }

    List<RecordingAccess> accessLog(Instant from, int limit) {
        return jdbi.get().withHandle(h -> h.createQuery("SELECT recording_id, user, address, at, action, granted, detail "
                + "FROM recording_access WHERE at >= :from ORDER BY at DESC, id DESC LIMIT :limit")
                .bind("from", Timestamp.from(from)).bind("limit", limit)
                .map((rs, ctx) -> new RecordingAccess(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), RecordingAccess.Action.valueOf(rs.getString(5)),
                        rs.getBoolean(6), rs.getString(7))).list());
    }

    void hold(long id, boolean held, String reason) {
        jdbi.get().useHandle(h -> h.createUpdate("UPDATE recording SET held = :held, hold_reason = :reason WHERE id = :id")
                .bind("held", held).bind("reason", held ? cut(reason, 255) : null).bind("id", id).execute());
    }

    /** @return how many indexed recordings the caller's hold covers now */
    int holdCaller(String number, String reason, String by, Instant at) {
        String reversed = CallerNumber.reversed(number);
        return jdbi.get().inTransaction(h -> {
            h.createUpdate("REPLACE INTO recording_caller_hold (caller, reason, held_by, held_at) "
                    + "VALUES (:caller, :reason, :by, :at)").bind("caller", reversed).bind("reason", cut(reason, 255))
                    .bind("by", cut(by, 128)).bind("at", Timestamp.from(at)).execute();
            return h.createQuery("SELECT COUNT(*) FROM recording WHERE caller_reversed = :caller")
                    .bind("caller", reversed).mapTo(Integer.class).one();
        });
    }

    boolean releaseCaller(String number) {
        return jdbi.get().withHandle(h -> h.createUpdate("DELETE FROM recording_caller_hold WHERE caller = :caller")
                .bind("caller", CallerNumber.reversed(number)).execute()) > 0;
    }

    /**
     * @param queue the queue a rule is for; empty: the default rule, for every queue not in {@code otherQueues}
     * @return ready recordings started before {@code before}, not held, oldest first
     */
    List<Row> expired(Optional<String> queue, List<String> otherQueues, Instant before, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM recording r WHERE r.state = 'READY' "
                + "AND r.started_at < :before AND NOT r.held AND NOT EXISTS (SELECT 1 FROM recording_caller_hold h "
                + "WHERE h.caller = r.caller_reversed)");
        if (queue.isPresent()) {
            sql.append(" AND r.queue = :queue");
        } else if (!otherQueues.isEmpty()) {
            sql.append(" AND (r.queue IS NULL OR r.queue NOT IN (<others>))");
        }
        sql.append(" ORDER BY r.started_at, r.id LIMIT :limit");
        return jdbi.get().withHandle(h -> {
            Query query = h.createQuery(sql.toString()).bind("before", Timestamp.from(before)).bind("limit", limit);
            queue.ifPresent(v -> query.bind("queue", v));
            if (queue.isEmpty() && !otherQueues.isEmpty()) {
                query.bindList("others", otherQueues);
            }
            return query.map((rs, ctx) -> row(rs)).list();
        });
    }

    void purged(long id, Instant at, String reason) {
        jdbi.get().useHandle(h -> h.createUpdate("UPDATE recording SET state = 'PURGED', file = NULL, size_bytes = 0, "
                + "purged_at = :at, purge_reason = :reason WHERE id = :id").bind("at", Timestamp.from(at))
                .bind("reason", cut(reason, 255)).bind("id", id).execute());
    }

    /** @return ready recordings with an id above {@code after}, in id order */
    List<Row> readyAfter(long after, int limit) {
        return jdbi.get().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM recording r WHERE r.state = 'READY' "
                + "AND r.id > :after ORDER BY r.id LIMIT :limit").bind("after", after).bind("limit", limit)
                .map((rs, ctx) -> row(rs)).list());
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static Row row(ResultSet rs) throws SQLException {
        double mean = rs.getDouble("mean_score");
        boolean noMean = rs.wasNull();
        long duration = rs.getLong("duration_ms");
        boolean noDuration = rs.wasNull();
        long seenSize = rs.getLong("seen_size");
        boolean noSeen = rs.wasNull();
        Recording recording = new Recording(rs.getLong("id"), rs.getString("server"), rs.getString("uniqueid"),
                Optional.ofNullable(rs.getString("linkedid")), RecordingKind.valueOf(rs.getString("kind")),
                Optional.ofNullable(rs.getString("caller")), Optional.ofNullable(rs.getString("agent")),
                Optional.ofNullable(rs.getString("queue")), rs.getTimestamp("started_at").toInstant(),
                noDuration ? Optional.empty() : Optional.of(Duration.ofMillis(duration)), rs.getLong("size_bytes"),
                rs.getString("format"), Optional.ofNullable(rs.getString("sha256")),
                RecordingState.valueOf(rs.getString("state")), Optional.ofNullable(rs.getString("survey_response")),
                noMean ? OptionalDouble.empty() : OptionalDouble.of(mean), rs.getBoolean("complaint"),
                rs.getBoolean("held_now"));
        return new Row(recording, rs.getString("channel_uniqueid"), Optional.ofNullable(rs.getString("file")),
                instant(rs.getTimestamp("stopped_at")), noSeen ? Optional.empty() : Optional.of(seenSize),
                instant(rs.getTimestamp("seen_since")));
    }

    private static Optional<Instant> instant(Timestamp t) {
        return t == null ? Optional.empty() : Optional.of(t.toInstant());
    }
}
