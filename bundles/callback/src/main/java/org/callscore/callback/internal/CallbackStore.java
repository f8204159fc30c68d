package org.callscore.callback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.callscore.callback.AttemptOutcome;
import org.callscore.callback.Callback;
import org.callscore.callback.CallbackAttempt;
import org.callscore.callback.CallbackChange;
import org.callscore.callback.CallbackMessage;
import org.callscore.callback.CallbackQuery;
import org.callscore.callback.CallbackSource;
import org.callscore.callback.CallbackState;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** The SQL of the callback tables; every value bound, never spliced. The module's only reader of them. */
final class CallbackStore {

    static final String COLUMNS = "id, queue, customer_number, customer_zone, agent, reason, source, requested_at, "
            + "asked_for, due_at, expires_at, state, attempts, sequence, call_uniqueid, survey_response, closed_at, "
            + "updated_at, message_file, message_recording, message_ms";

    private CallbackStore() {
    }

    /**
     * Inserts a new callback with its CREATED line, in the caller's transaction.
     *
     * @return false when a callback of that id is there already (a replayed request), nothing written then
     */
    static boolean insert(Handle h, Callback c, String actor) {
        if (h.createQuery("SELECT COUNT(*) FROM callback WHERE id = :id").bind("id", c.id()).mapTo(Integer.class).one() > 0) {
            return false;
        }
        h.createUpdate("INSERT INTO callback (" + COLUMNS + ") VALUES (:id, :queue, :number, :zone, :agent, :reason, "
                + ":source, :requestedAt, :askedFor, :dueAt, :expiresAt, :state, :attempts, :sequence, :callUniqueId, "
                + ":surveyResponse, :closedAt, :updatedAt, :messageFile, :messageRecording, :messageMs)")
                .bind("id", c.id()).bind("queue", c.queue()).bind("number", c.customerNumber())
                .bind("zone", c.customerZone().getId()).bind("agent", c.agent().orElse(null))
                .bind("reason", c.reason()).bind("source", c.source().name())
                .bind("requestedAt", ts(c.requestedAt())).bind("askedFor", c.askedFor().map(CallbackStore::ts).orElse(null))
                .bind("dueAt", ts(c.dueAt())).bind("expiresAt", ts(c.expiresAt())).bind("state", c.state().name())
                .bind("attempts", c.attempts()).bind("sequence", c.sequence())
                .bind("callUniqueId", c.callUniqueId().orElse(null))
                .bind("surveyResponse", c.surveyResponse().orElse(null))
                .bind("closedAt", c.closedAt().map(CallbackStore::ts).orElse(null)).bind("updatedAt", ts(c.updatedAt()))
                .bind("messageFile", c.message().map(CallbackMessage::file).orElse(null))
                .bind("messageRecording", c.message().flatMap(CallbackMessage::recording).orElse(null))
                .bind("messageMs", c.message().map(m -> (int) Math.min(Integer.MAX_VALUE, m.length().toMillis()))
                        .orElse(null))
                .execute();
        change(h, new CallbackChange(c.id(), c.requestedAt(), CallbackChange.Kind.CREATED, actor,
                "queue " + c.queue() + ", due " + c.dueAt() + (c.agent().map(a -> ", agent " + a).orElse(""))
                        + c.message().map(m -> ", voice message of " + m.length().toSeconds() + " s").orElse("")));
        return true;
    }

    /**
     * @param latest read the latest committed row (a locking read), not the transaction's snapshot
     * @return the callback already requested for this survey response, if any
     */
    static Optional<String> forSurveyResponse(Handle h, String response, boolean latest) {
        return h.createQuery("SELECT id FROM callback WHERE survey_response = :r" + (latest ? " LOCK IN SHARE MODE" : ""))
                .bind("r", response).mapTo(String.class).findOne();
    }

    static Optional<Callback> byId(Handle h, String id, boolean lock) {
        return h.createQuery("SELECT " + COLUMNS + " FROM callback WHERE id = :id" + (lock ? " FOR UPDATE" : ""))
                .bind("id", id).map((rs, ctx) -> callback(rs)).findOne();
    }

    /**
     * Writes a changed callback (sequence raised by the caller) and its history line, in the caller's transaction,
     * which holds the row's lock.
     */
    static void update(Handle h, Callback c, CallbackChange change) {
        // reminded_at first: MariaDB assigns left to right, and it compares the due time before the move
        h.createUpdate("UPDATE callback SET reminded_at = IF(due_at = :dueAt, reminded_at, NULL), agent = :agent, "
                + "asked_for = :askedFor, due_at = :dueAt, expires_at = :expiresAt, state = :state, "
                + "attempts = :attempts, sequence = :sequence, closed_at = :closedAt, updated_at = :updatedAt, "
                + "lease_owner = IF(:state = 'DIALLING', lease_owner, NULL), "
                + "lease_until = IF(:state = 'DIALLING', lease_until, NULL) WHERE id = :id")
                .bind("agent", c.agent().orElse(null)).bind("askedFor", c.askedFor().map(CallbackStore::ts).orElse(null))
                .bind("dueAt", ts(c.dueAt())).bind("expiresAt", ts(c.expiresAt())).bind("state", c.state().name())
                .bind("attempts", c.attempts()).bind("sequence", c.sequence())
                .bind("closedAt", c.closedAt().map(CallbackStore::ts).orElse(null)).bind("updatedAt", ts(c.updatedAt()))
                .bind("id", c.id()).execute();
        change(h, change);
    }

    static void change(Handle h, CallbackChange change) {
        h.createUpdate("INSERT INTO callback_change (callback_id, at, kind, actor, detail) VALUES (:id, :at, :kind, "
                + ":actor, :detail)").bind("id", change.callbackId()).bind("at", ts(change.at()))
                .bind("kind", change.kind().name()).bind("actor", truncate(change.actor(), 128))
                .bind("detail", truncate(change.detail(), 1000)).execute();
    }

    static List<Callback> find(Handle h, CallbackQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM callback WHERE 1 = 1");
        q.queue().ifPresent(v -> sql.append(" AND queue = :queue"));
        q.agent().ifPresent(v -> sql.append(" AND agent = :agent"));
        q.dueFrom().ifPresent(v -> sql.append(" AND due_at >= :dueFrom"));
        q.dueTo().ifPresent(v -> sql.append(" AND due_at < :dueTo"));
        List<String> states = q.states().stream().map(Enum::name).sorted().toList();
        if (!states.isEmpty()) {
            sql.append(" AND state IN (<states>)");
        }
        sql.append(" ORDER BY due_at, requested_at, id LIMIT :limit");
        Query query = h.createQuery(sql.toString()).bind("limit", q.limit());
        q.queue().ifPresent(v -> query.bind("queue", v));
        q.agent().ifPresent(v -> query.bind("agent", v));
        q.dueFrom().ifPresent(v -> query.bind("dueFrom", ts(v)));
        q.dueTo().ifPresent(v -> query.bind("dueTo", ts(v)));
        if (!states.isEmpty()) {
            query.bindList("states", states);
        }
        return query.map((rs, ctx) -> callback(rs)).list();
    }

    static List<CallbackChange> history(Handle h, String id) {
        return h.createQuery("SELECT callback_id, at, kind, actor, detail FROM callback_change WHERE callback_id = :id "
                + "ORDER BY id").bind("id", id)
                .map((rs, ctx) -> new CallbackChange(rs.getString(1), instant(rs, 2),
                        CallbackChange.Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)))
                .list();
    }

    static List<CallbackAttempt> attempts(Handle h, String id) {
        return h.createQuery("SELECT callback_id, number, channel_id, node, claimed_at, dialled_at, ended_at, outcome, "
                + "agent_uniqueid, customer_uniqueid FROM callback_attempt WHERE callback_id = :id ORDER BY number")
                .bind("id", id)
                .map((rs, ctx) -> new CallbackAttempt(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        instant(rs, 5), optionalInstant(rs, 6), optionalInstant(rs, 7),
                        Optional.ofNullable(rs.getString(8)).map(AttemptOutcome::valueOf),
                        Optional.ofNullable(rs.getString(9)), Optional.ofNullable(rs.getString(10))))
                .list();
    }

    static Callback callback(ResultSet rs) throws SQLException {
        return new Callback(rs.getString("id"), rs.getString("queue"), rs.getString("customer_number"),
                ZoneId.of(rs.getString("customer_zone")), Optional.ofNullable(rs.getString("agent")),
                rs.getString("reason"), CallbackSource.valueOf(rs.getString("source")), instant(rs, "requested_at"),
                optionalInstant(rs, "asked_for"), instant(rs, "due_at"), instant(rs, "expires_at"),
                CallbackState.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getInt("sequence"),
                Optional.ofNullable(rs.getString("call_uniqueid")), Optional.ofNullable(rs.getString("survey_response")),
                optionalInstant(rs, "closed_at"), instant(rs, "updated_at"), message(rs));
    }

    private static Optional<CallbackMessage> message(ResultSet rs) throws SQLException {
        String file = rs.getString("message_file");
        if (file == null) {
            return Optional.empty();
        }
        long recording = rs.getLong("message_recording");
        Optional<Long> indexed = rs.wasNull() ? Optional.empty() : Optional.of(recording);
        return Optional.of(new CallbackMessage(file, indexed, Duration.ofMillis(rs.getLong("message_ms"))));
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? Optional.empty() : Optional.of(t.toInstant());
    }

    static Optional<Instant> optionalInstant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? Optional.empty() : Optional.of(t.toInstant());
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
