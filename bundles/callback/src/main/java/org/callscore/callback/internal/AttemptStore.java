package org.callscore.callback.internal;

import static org.callscore.callback.internal.CallbackStore.ts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.callscore.callback.AttemptOutcome;
import org.callscore.callback.Callback;
import org.callscore.callback.CallbackChange;
import org.callscore.callback.CallbackState;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.core.statement.Query;

/**
 * The dialler's SQL: claims, leases, attempt outcomes. A claim takes due rows with {@code FOR UPDATE SKIP LOCKED} and,
 * in the same transaction, sets them DIALLING with this node's lease and inserts each attempt with a new channel id,
 * so that two nodes never claim the same callback and each attempt can be dialled at most once.
 */
final class AttemptStore {

    /** One claimed attempt, ready to be placed. */
    record Claim(String callbackId, int number, String channelId, String queue, String customerNumber,
            Optional<String> agent, Optional<String> messageFile) {
    }

    /** When the next attempt may start for a queue and zone, from a given instant (empty: never open). */
    @FunctionalInterface
    interface Opening {
        Optional<Instant> firstOpen(String queue, ZoneId zone, Instant from);
    }

    private AttemptStore() {
    }

    /**
     * Runs claims and other {@code SKIP LOCKED} work in a READ COMMITTED transaction: under REPEATABLE READ the gap
     * locks of one node's claim would make another node's claim wait (its rows move to the same index range).
     */
    static <T> T claiming(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
        return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, work);
    }

    /**
     * @param ids only these callbacks; empty: any due one
     * @return what was claimed, at most {@code limit}, the soonest due first; rows another node holds are skipped
     */
    static List<Claim> claim(Handle h, Optional<Collection<String>> ids, int limit, String node, Instant now,
            Instant leaseUntil) {
        if (ids.isPresent() && ids.get().isEmpty() || limit < 1) {
            return List.of();
        }
        // FORCE INDEX: read in the index's order, the claim locks only the rows it takes; a sort would lock them all
        Query due = h.createQuery("SELECT id, queue, customer_number, agent, attempts, message_file FROM callback "
                + "FORCE INDEX (callback_due) WHERE state = 'SCHEDULED' AND due_at <= :now" + (ids.isPresent() ? " AND id IN (<ids>)" : "")
                + " ORDER BY due_at, requested_at, id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .bind("now", ts(now)).bind("limit", limit);
        ids.ifPresent(list -> due.bindList("ids", List.copyOf(list)));
        List<Claim> claims = due.map((rs, ctx) -> new Claim(rs.getString("id"), rs.getInt("attempts") + 1,
                UUID.randomUUID().toString(), rs.getString("queue"), rs.getString("customer_number"),
                Optional.ofNullable(rs.getString("agent")), Optional.ofNullable(rs.getString("message_file")))).list();
        for (Claim claim : claims) {
            h.createUpdate("UPDATE callback SET state = 'DIALLING', attempts = :number, sequence = sequence + 1, "
                    + "lease_owner = :node, lease_until = :until, updated_at = :now WHERE id = :id")
                    .bind("number", claim.number()).bind("node", node).bind("until", ts(leaseUntil))
                    .bind("now", ts(now)).bind("id", claim.callbackId()).execute();
            h.createUpdate("INSERT INTO callback_attempt (callback_id, number, channel_id, node, claimed_at) VALUES "
                    + "(:id, :number, :channel, :node, :now)").bind("id", claim.callbackId())
                    .bind("number", claim.number()).bind("channel", claim.channelId()).bind("node", node)
                    .bind("now", ts(now)).execute();
            CallbackStore.change(h, new CallbackChange(claim.callbackId(), now, CallbackChange.Kind.ATTEMPT_STARTED,
                    node, "attempt " + claim.number() + ", channel id " + claim.channelId()));
        }
        return claims;
    }

    /** Notes where an attempt is placed, in the claim's transaction. */
    static void placeOn(Handle h, String channelId, String server, String agentInterface) {
        h.createUpdate("UPDATE callback_attempt SET server = :server, agent_interface = :interface WHERE channel_id = :c")
                .bind("server", server).bind("interface", agentInterface).bind("c", channelId).execute();
    }

    /** @return the agent interfaces of the queue's attempts in flight, on any node */
    static List<String> busyInterfaces(Handle h, String queue) {
        return h.createQuery("SELECT a.agent_interface FROM callback_attempt a JOIN callback c ON c.id = a.callback_id "
                + "AND a.number = c.attempts WHERE c.queue = :q AND c.state = 'DIALLING' AND a.ended_at IS NULL "
                + "AND a.agent_interface IS NOT NULL").bind("q", queue).mapTo(String.class).list();
    }

    /** Serialises the claims of one queue across nodes, until the caller's transaction ends. */
    static void lockQueue(Handle h, String queue) {
        h.createUpdate("INSERT IGNORE INTO callback_queue_claim (queue) VALUES (:q)").bind("q", queue).execute();
        h.createQuery("SELECT queue FROM callback_queue_claim WHERE queue = :q FOR UPDATE").bind("q", queue)
                .mapTo(String.class).one();
    }

    /** Written, and committed, before the Originate is sent: an attempt without it was never dialled. */
    static void dialled(Jdbi jdbi, String channelId, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE callback_attempt SET dialled_at = :at WHERE channel_id = :c AND "
                + "dialled_at IS NULL").bind("at", ts(at)).bind("c", channelId).execute());
    }

    static void legs(Jdbi jdbi, String channelId, Optional<String> agentUniqueId, Optional<String> customerUniqueId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE callback_attempt SET agent_uniqueid = COALESCE(agent_uniqueid, "
                + ":agent), customer_uniqueid = COALESCE(customer_uniqueid, :customer) WHERE channel_id = :c")
                .bind("agent", agentUniqueId.orElse(null)).bind("customer", customerUniqueId.orElse(null))
                .bind("c", channelId).execute());
    }

    static int renew(Jdbi jdbi, String node, Collection<String> callbackIds, Instant until) {
        if (callbackIds.isEmpty()) {
            return 0;
        }
        return jdbi.withHandle(h -> h.createUpdate("UPDATE callback SET lease_until = :until WHERE id IN (<ids>) AND "
                + "lease_owner = :node AND state = 'DIALLING'").bind("until", ts(until)).bind("node", node)
                .bindList("ids", List.copyOf(callbackIds)).execute());
    }

    /** An attempt whose node's lease ran out. */
    /** @param dialledAt when its Originate was sent; empty: claimed but never dialled */
    record Lapsed(String callbackId, String channelId, Optional<Instant> dialledAt) {

        boolean dialled() {
            return dialledAt.isPresent();
        }
    }

    /** @return attempts whose lease ran out, locked for the caller's transaction (others' locks skipped) */
    static List<Lapsed> lapsed(Handle h, Instant now, int limit) {
        return h.createQuery("SELECT c.id, a.channel_id, a.dialled_at FROM callback c JOIN callback_attempt a ON "
                + "a.callback_id = c.id AND a.number = c.attempts WHERE c.state = 'DIALLING' AND c.lease_until < :now "
                + "AND a.ended_at IS NULL ORDER BY c.lease_until LIMIT :limit FOR UPDATE SKIP LOCKED")
                .bind("now", ts(now)).bind("limit", limit)
                .map((rs, ctx) -> new Lapsed(rs.getString(1), rs.getString(2),
                        Optional.ofNullable(rs.getTimestamp(3)).map(java.sql.Timestamp::toInstant))).list();
    }

    /**
     * Holds a lapsed attempt until {@code until}, its owner gone: its call may still be going on, and Asterisk writes
     * the CDR only when it ends.
     */
    static void holdLapsed(Handle h, String callbackId, Instant until) {
        h.createUpdate("UPDATE callback SET lease_until = :until WHERE id = :id AND state = 'DIALLING'")
                .bind("until", ts(until)).bind("id", callbackId).execute();
    }

    /** How an attempt ended, as Asterisk told it. */
    record Outcome(AttemptOutcome outcome, String detail, Optional<String> agentUniqueId,
            Optional<String> customerUniqueId) {
    }

    /**
     * Ends an attempt and decides the callback's next state by the retry rules, in the caller's transaction.
     *
     * @param dueNow the attempt was never dialled: the callback is due again at once
     * @return the callback after it; empty when the attempt had ended already (another node's event, a replay)
     */
    static Optional<Callback> end(Handle h, String channelId, Outcome outcome, boolean dueNow, Instant now,
            String actor, RetryRules rules, Opening opening) {
        Optional<String> callbackId = h.createQuery("SELECT callback_id FROM callback_attempt WHERE channel_id = :c")
                .bind("c", channelId).mapTo(String.class).findOne();
        if (callbackId.isEmpty()) {
            return Optional.empty();
        }
        Callback c = CallbackStore.byId(h, callbackId.get(), true).orElseThrow();
        Optional<Integer> number = h.createQuery("SELECT number FROM callback_attempt WHERE channel_id = :c AND "
                + "ended_at IS NULL FOR UPDATE").bind("c", channelId).mapTo(Integer.class).findOne();
        if (number.isEmpty()) {
            return Optional.empty();
        }
        h.createUpdate("UPDATE callback_attempt SET ended_at = :now, outcome = :outcome, detail = :detail, "
                + "agent_uniqueid = COALESCE(agent_uniqueid, :agent), customer_uniqueid = COALESCE(customer_uniqueid, "
                + ":customer) WHERE channel_id = :c").bind("now", ts(now)).bind("outcome", outcome.outcome().name())
                .bind("detail", outcome.detail().length() > 255 ? outcome.detail().substring(0, 255) : outcome.detail())
                .bind("agent", outcome.agentUniqueId().orElse(null))
                .bind("customer", outcome.customerUniqueId().orElse(null)).bind("c", channelId).execute();
        String ended = "attempt " + number.get() + ": " + outcome.outcome() + " (" + outcome.detail() + ")";
        if (c.state() != CallbackState.DIALLING || c.attempts() != number.get()) {
            CallbackStore.change(h, new CallbackChange(c.id(), now, CallbackChange.Kind.ATTEMPT_ENDED, actor, ended
                    + "; the callback is " + c.state() + " meanwhile"));
            return Optional.of(c);
        }
        RetryRules.Decision next = dueNow
                ? new RetryRules.Decision(CallbackState.SCHEDULED, Optional.of(now))
                : rules.after(outcome.outcome(), c.attempts(), now, c.expiresAt(),
                        at -> opening.firstOpen(c.queue(), c.customerZone(), at));
        Callback after = new Callback(c.id(), c.queue(), c.customerNumber(), c.customerZone(), c.agent(), c.reason(),
                c.source(), c.requestedAt(), c.askedFor(), next.due().orElse(c.dueAt()), c.expiresAt(), next.state(),
                c.attempts(), c.sequence() + 1, c.callUniqueId(), c.surveyResponse(), c.closedAt(), now, c.message());
        CallbackChange line = switch (next.state()) {
            case SCHEDULED -> new CallbackChange(c.id(), now, CallbackChange.Kind.ATTEMPT_ENDED, actor,
                    ended + "; next attempt due " + after.dueAt());
            case DONE -> new CallbackChange(c.id(), now, CallbackChange.Kind.DONE, actor, ended);
            case EXPIRED -> new CallbackChange(c.id(), now, CallbackChange.Kind.EXPIRED, actor,
                    ended + "; no attempt possible before " + c.expiresAt());
            default -> new CallbackChange(c.id(), now, CallbackChange.Kind.FAILED, actor,
                    ended + "; " + c.attempts() + " attempts, the most for " + outcome.outcome());
        };
        if (next.state() != CallbackState.SCHEDULED) {
            CallbackStore.change(h, new CallbackChange(c.id(), now, CallbackChange.Kind.ATTEMPT_ENDED, actor, ended));
        }
        CallbackStore.update(h, after, line);
        return Optional.of(after);
    }

    /** @return how many scheduled callbacks passed their expiry and were marked EXPIRED */
    static int expire(Handle h, Instant now, String node) {
        List<String> ids = h.createQuery("SELECT id FROM callback WHERE state = 'SCHEDULED' AND expires_at <= :now "
                + "LIMIT 100 FOR UPDATE SKIP LOCKED").bind("now", ts(now)).mapTo(String.class).list();
        for (String id : ids) {
            h.createUpdate("UPDATE callback SET state = 'EXPIRED', sequence = sequence + 1, updated_at = :now WHERE "
                    + "id = :id").bind("now", ts(now)).bind("id", id).execute();
            CallbackStore.change(h, new CallbackChange(id, now, CallbackChange.Kind.EXPIRED, node,
                    "not reached before its expiry"));
        }
        return ids.size();
    }

    /** Records the reminder of each scheduled callback due within {@code ahead}: the time its calendar alarm rings. */
    static int remind(Handle h, Instant now, Instant ahead, String node) {
        List<String[]> due = new ArrayList<>();
        h.createQuery("SELECT id, due_at FROM callback WHERE state = 'SCHEDULED' AND reminded_at IS NULL AND "
                + "due_at <= :ahead LIMIT 100 FOR UPDATE SKIP LOCKED").bind("ahead", ts(ahead))
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getTimestamp(2).toInstant().toString()})
                .forEach(due::add);
        for (String[] row : due) {
            h.createUpdate("UPDATE callback SET reminded_at = :now WHERE id = :id").bind("now", ts(now))
                    .bind("id", row[0]).execute();
            CallbackStore.change(h, new CallbackChange(row[0], now, CallbackChange.Kind.REMINDED, node, "due " + row[1]));
        }
        return due.size();
    }
}
