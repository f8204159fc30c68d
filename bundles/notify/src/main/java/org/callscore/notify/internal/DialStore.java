package org.callscore.notify.internal;

import static org.callscore.notify.internal.CampaignRows.ts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.callscore.notify.Campaign;
import org.callscore.notify.CampaignState;
import org.callscore.notify.NumberOutcome;
import org.callscore.notify.NumberState;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The dialler's SQL: claims, leases, attempt outcomes. A claim locks its campaign's row (so that the in-flight limit
 * and the rate hold across nodes), takes waiting numbers with {@code FOR UPDATE SKIP LOCKED} and, in the same
 * transaction, sets them IN_FLIGHT with this node's lease and inserts each attempt with a new channel id: two nodes
 * never claim the same number, and each attempt can be dialled at most once.
 */
final class DialStore {

    /** One claimed attempt, ready to be placed. */
    record Claim(String channelId, long numberId, String campaignId, int attempt, String number) {
    }

    /** Why a claim took fewer numbers than it might have, for the dialler's log. */
    record Claimed(List<Claim> claims, int inFlight, int startedLastSecond) {
    }

    private static final int CANDIDATES = 200;

    private DialStore() {
    }

    /** Runs claims in READ COMMITTED: under REPEATABLE READ, gap locks would make another node's claim wait. */
    static <T> T claiming(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
        return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, work);
    }

    static List<String> running(Handle h) {
        return h.createQuery("SELECT id FROM notify_campaign WHERE state = 'RUNNING' ORDER BY created_at, id")
                .mapTo(String.class).list();
    }

    /**
     * Claims what the campaign may start now: no more than its in-flight limit minus the calls in flight, and its
     * rate minus the calls started in the last second, on any node; numbers on the do-not-call list are set
     * DO_NOT_CALL, numbers outside the window in their zone wait for its next opening, or fail when it is over.
     *
     * @param zone the site's zone, for numbers and campaigns without one
     */
    static Claimed claim(Handle h, String campaignId, String node, Instant now, Instant leaseUntil, ZoneId zone,
            Instant oldestCall) {
        Optional<Campaign> found = CampaignRows.byId(h, campaignId, true);
        if (found.isEmpty() || found.get().state() != CampaignState.RUNNING) {
            return new Claimed(List.of(), 0, 0);
        }
        Campaign campaign = found.get();
        // in flight: every attempt not ended, and every ended one whose line is still up (heard, opted out, with an
        // agent: the notify application ends the attempt before the channel hangs up), up to the longest call
        int inFlight = h.createQuery("SELECT COUNT(*) FROM notify_attempt WHERE campaign_id = :c AND hung_up_at IS NULL "
                + "AND (ended_at IS NULL OR ended_at > :oldest)").bind("c", campaignId).bind("oldest", ts(oldestCall))
                .mapTo(Integer.class).one();
        // a start counts from its claim to a second after its Originate was sent
        int started = h.createQuery("SELECT COUNT(*) FROM notify_attempt WHERE campaign_id = :c AND (claimed_at > :since "
                + "OR dialled_at > :since)").bind("c", campaignId).bind("since", ts(now.minusSeconds(1)))
                .mapTo(Integer.class).one();
        int room = Math.min(campaign.definition().maxInFlight() - inFlight,
                campaign.definition().startsPerSecond() - started);
        List<Claim> claims = new ArrayList<>();
        if (room <= 0) {
            return new Claimed(claims, inFlight, started);
        }
        record Waiting(long id, String number, Optional<String> zone, int attempts) {
        }
        // FORCE INDEX: read in the index's order, the claim locks only the rows it takes
        List<Waiting> waiting = h.createQuery("SELECT id, number, zone, attempts FROM notify_number FORCE INDEX "
                + "(notify_number_due) WHERE campaign_id = :c AND state = 'WAITING' AND due_at <= :now ORDER BY due_at, "
                + "id LIMIT :n FOR UPDATE SKIP LOCKED").bind("c", campaignId).bind("now", ts(now)).bind("n", CANDIDATES)
                .map((rs, ctx) -> new Waiting(rs.getLong(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                        rs.getInt(4))).list();
        // read at dial time, not at import: a number listed since is not called
        Set<String> doNotCall = waiting.isEmpty() ? Set.of() : Set.copyOf(h.createQuery("SELECT number FROM "
                + "notify_do_not_call WHERE number IN (<numbers>)").bindList("numbers", waiting.stream()
                        .map(Waiting::number).toList()).mapTo(String.class).list());
        ZoneId campaignZone = campaign.definition().window().zone().orElse(zone);
        for (Waiting w : waiting) {
            if (claims.size() >= room) {
                break;
            }
            if (doNotCall.contains(w.number())) {
                h.createUpdate("UPDATE notify_number SET state = 'DO_NOT_CALL', updated_at = :now WHERE id = :id")
                        .bind("now", ts(now)).bind("id", w.id()).execute();
                continue;
            }
            ZoneId customerZone = w.zone().map(ZoneId::of).orElse(campaignZone);
            Optional<Instant> open = CallingWindow.firstOpen(campaign.definition().window(), customerZone, now);
            if (open.isEmpty()) {
                h.createUpdate("UPDATE notify_number SET state = 'FAILED', updated_at = :now WHERE id = :id")
                        .bind("now", ts(now)).bind("id", w.id()).execute();
                continue;
            }
            if (open.get().isAfter(now)) {
                h.createUpdate("UPDATE notify_number SET due_at = :due, updated_at = :now WHERE id = :id")
                        .bind("due", ts(open.get())).bind("now", ts(now)).bind("id", w.id()).execute();
                continue;
            }
            Claim claim = new Claim(UUID.randomUUID().toString(), w.id(), campaignId, w.attempts() + 1, w.number());
            h.createUpdate("UPDATE notify_number SET state = 'IN_FLIGHT', attempts = :attempt, last_attempt_at = :now, "
                    + "lease_owner = :node, lease_until = :until, updated_at = :now WHERE id = :id")
                    .bind("attempt", claim.attempt()).bind("now", ts(now)).bind("node", node)
                    .bind("until", ts(leaseUntil)).bind("id", w.id()).execute();
            h.createUpdate("INSERT INTO notify_attempt (channel_id, number_id, campaign_id, attempt, node, claimed_at) "
                    + "VALUES (:channel, :number, :campaign, :attempt, :node, :now)").bind("channel", claim.channelId())
                    .bind("number", w.id()).bind("campaign", campaignId).bind("attempt", claim.attempt())
                    .bind("node", node).bind("now", ts(now)).execute();
            claims.add(claim);
        }
        finishIfDone(h, campaignId, now);
        return new Claimed(claims, inFlight, started);
    }

    /** A running campaign with nothing left to call is finished. */
    static void finishIfDone(Handle h, String campaignId, Instant now) {
        h.createUpdate("UPDATE notify_campaign SET state = 'FINISHED', changed_at = :now WHERE id = :c AND state = "
                + "'RUNNING' AND NOT EXISTS (SELECT 1 FROM notify_number WHERE campaign_id = :c AND state IN "
                + "('WAITING', 'IN_FLIGHT'))").bind("c", campaignId).bind("now", ts(now)).execute();
    }

    /** Written, and committed, before the Originate is sent: an attempt without it was never dialled. */
    static void dialled(Jdbi jdbi, String channelId, String server, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE notify_attempt SET dialled_at = :at, server = :server WHERE "
                + "channel_id = :c AND dialled_at IS NULL").bind("at", ts(at)).bind("server", server)
                .bind("c", channelId).execute());
    }

    /**
     * The attempt's channel is gone (Asterisk's Hangup event for its uniqueid, the channel id): its place in the
     * in-flight limit is free. @return whether it was an attempt of a campaign whose hang-up was not known yet
     */
    static boolean hungUp(Handle h, String channelId, Instant at) {
        return h.createUpdate("UPDATE notify_attempt SET hung_up_at = :at WHERE channel_id = :c AND hung_up_at IS NULL")
                .bind("at", ts(at)).bind("c", channelId).execute() > 0;
    }

    /**
     * Frees the places of ended attempts whose Hangup event this node never received (it was stopped, AMI was cut)
     * but whose CDR row, which Asterisk writes at hang-up, is there.
     *
     * @param endedBefore only attempts ended before this (their Hangup event had time to arrive)
     * @param oldestCall  and after this (older ones no longer count)
     * @return how many were freed
     */
    static int hungUpByCdr(Handle h, String cdrTable, Instant endedBefore, Instant oldestCall, Instant now) {
        return h.createUpdate("UPDATE notify_attempt a SET a.hung_up_at = :now WHERE a.hung_up_at IS NULL AND "
                + "a.ended_at IS NOT NULL AND a.ended_at < :before AND a.ended_at > :oldest AND EXISTS (SELECT 1 FROM "
                + cdrTable + " c WHERE c.uniqueid = a.channel_id)").bind("now", ts(now)).bind("before", ts(endedBefore))
                .bind("oldest", ts(oldestCall)).execute();
    }

    /** Renews this node's leases of the given attempts; @return the ones among them that have ended */
    static List<String> renew(Jdbi jdbi, String node, Collection<String> channelIds, Instant until) {
        if (channelIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> {
            h.createUpdate("UPDATE notify_number n JOIN notify_attempt a ON a.number_id = n.id AND a.attempt = "
                    + "n.attempts SET n.lease_until = :until WHERE a.channel_id IN (<ids>) AND n.lease_owner = :node "
                    + "AND n.state = 'IN_FLIGHT'").bind("until", ts(until)).bind("node", node)
                    .bindList("ids", List.copyOf(channelIds)).execute();
            return h.createQuery("SELECT channel_id FROM notify_attempt WHERE channel_id IN (<ids>) AND ended_at IS NOT "
                    + "NULL").bindList("ids", List.copyOf(channelIds)).mapTo(String.class).list();
        });
    }

    /**
     * An attempt whose node stopped renewing its lease (read without locks: each is ended in a transaction of its
     * own, which checks it is still open). @param dialledAt empty: claimed but never dialled
     */
    record Lapsed(String channelId, long numberId, Optional<Instant> dialledAt) {
    }

    static List<Lapsed> lapsed(Handle h, Instant now, int limit) {
        return h.createQuery("SELECT a.channel_id, n.id, a.dialled_at FROM notify_number n JOIN notify_attempt a ON "
                + "a.number_id = n.id AND a.attempt = n.attempts WHERE n.state = 'IN_FLIGHT' AND n.lease_until < :now "
                + "AND a.ended_at IS NULL ORDER BY n.lease_until LIMIT :limit")
                .bind("now", ts(now)).bind("limit", limit)
                .map((rs, ctx) -> new Lapsed(rs.getString(1), rs.getLong(2),
                        CampaignRows.instant(rs, "dialled_at"))).list();
    }

    /**
     * Holds a lapsed attempt until {@code until}: its call may still be on, and Asterisk writes the CDR at its end.
     * @return false when it ended meanwhile
     */
    static boolean hold(Handle h, String channelId, Instant until) {
        return h.createUpdate("UPDATE notify_number n JOIN notify_attempt a ON a.number_id = n.id AND a.attempt = "
                + "n.attempts SET n.lease_until = :until WHERE a.channel_id = :c AND a.ended_at IS NULL AND n.state = "
                + "'IN_FLIGHT'").bind("until", ts(until)).bind("c", channelId).execute() > 0;
    }

    /** How an attempt ended. */
    record Outcome(NumberOutcome outcome, String detail, long heardMillis, String keys, boolean toAgent) {

        static Outcome of(NumberOutcome outcome, String detail) {
            return new Outcome(outcome, detail, 0, "", false);
        }
    }

    /**
     * Ends an attempt and decides its number's next state by the campaign's retry rules, in the caller's transaction.
     *
     * @param neverDialled the attempt was claimed but its Originate never sent: the number is due again at once
     * @param hungUp       the attempt's channel is known to be gone (never dialled, not answered, ended from the
     *                     CDR): its place in the in-flight limit is free; otherwise it waits for the Hangup event
     * @return the number's state after it; empty when the attempt had ended already (another node, a replay)
     */
    static Optional<NumberState> end(Handle h, String channelId, Outcome outcome, boolean neverDialled, boolean hungUp,
            Instant now) {
        record Open(long numberId, String campaignId, int attempt) {
        }
        Optional<String> campaignId = h.createQuery("SELECT campaign_id FROM notify_attempt WHERE channel_id = :c AND "
                + "ended_at IS NULL").bind("c", channelId).mapTo(String.class).findOne();
        if (campaignId.isEmpty()) {
            return Optional.empty();
        }
        // the campaign's row first, as a claim locks it first: an end that locked the number and then waited for the
        // campaign (its finishIfDone) deadlocked with a claim of the same campaign, and the outcome was lost
        Campaign campaign = CampaignRows.byId(h, campaignId.get(), true).orElseThrow();
        Optional<Open> open = h.createQuery("SELECT number_id, campaign_id, attempt FROM notify_attempt WHERE "
                + "channel_id = :c AND ended_at IS NULL FOR UPDATE").bind("c", channelId)
                .map((rs, ctx) -> new Open(rs.getLong(1), rs.getString(2), rs.getInt(3))).findOne();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        String detail = outcome.detail().length() > 255 ? outcome.detail().substring(0, 255) : outcome.detail();
        String keys = outcome.keys().length() > 64 ? outcome.keys().substring(0, 64) : outcome.keys();
        h.createUpdate("UPDATE notify_attempt SET ended_at = :now, outcome = :outcome, detail = :detail, heard_ms = "
                + ":heard, pressed = :keys, to_agent = :agent, hung_up_at = IF(:gone, COALESCE(hung_up_at, :now), "
                + "hung_up_at) WHERE channel_id = :c").bind("now", ts(now)).bind("gone", hungUp)
                .bind("outcome", outcome.outcome().name()).bind("detail", detail).bind("heard", outcome.heardMillis())
                .bind("keys", keys).bind("agent", outcome.toAgent()).bind("c", channelId).execute();
        boolean stopped = campaign.state() == CampaignState.STOPPED;
        NumberRules.Decision next = neverDialled
                ? new NumberRules.Decision(stopped ? NumberState.NOT_CALLED : NumberState.WAITING, Optional.of(now))
                : NumberRules.after(campaign.definition(), outcome.outcome(), open.get().attempt(), now, stopped);
        // a retry outside the window waits for its next opening at the claim, in the customer's zone
        Optional<Instant> due = next.due();
        NumberState state = next.state();
        h.createUpdate("UPDATE notify_number SET state = :state, outcome = :outcome, heard_ms = heard_ms + :heard, "
                + "pressed = LEFT(CONCAT(pressed, :keys), 64), due_at = COALESCE(:due, due_at), lease_owner = NULL, "
                + "lease_until = NULL, updated_at = :now WHERE id = :id AND attempts = :attempt")
                .bind("state", state.name()).bind("outcome", outcome.outcome().name()).bind("heard", outcome.heardMillis())
                .bind("keys", keys).bind("due", due.map(CampaignRows::ts).orElse(null)).bind("now", ts(now))
                .bind("id", open.get().numberId()).bind("attempt", open.get().attempt()).execute();
        finishIfDone(h, open.get().campaignId(), now);
        return Optional.of(state);
    }

    /** @return the CDR's disposition of the attempt's channel (uniqueid = its channel id), if it has a row */
    static Optional<String> cdrDisposition(Handle h, String table, String channelId) {
        return h.createQuery("SELECT disposition FROM " + table + " WHERE uniqueid = :c ORDER BY start DESC LIMIT 1")
                .bind("c", channelId).mapTo(String.class).findOne();
    }
}
