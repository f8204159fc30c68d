package org.callscore.notify.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.callscore.ami.AmiEvent;
import org.callscore.ami.AsteriskManager;
import org.callscore.ami.OriginateRequest;
import org.callscore.ami.OriginateResult;
import org.callscore.notify.Campaigns;
import org.callscore.notify.NumberOutcome;
import org.callscore.storage.Database;
import org.callscore.support.rules.NodeName;
import org.callscore.support.rules.TableName;
import org.callscore.support.rules.Uuid;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places the calls of running campaigns through the AMI service. Each {@link #tick()} renews this node's leases,
 * ends the attempts whose node stopped (from the CDR, never dialled again blindly), then per running campaign claims
 * what its in-flight limit and rate leave room for and sends one Originate per claimed attempt, its channel id the
 * attempt's. Outcomes come from the OriginateResponse (not answered), the {@code notify} AGI application (answered),
 * or the shipped context's {@code CallScoreNotify} UserEvent at hang-up (answered, hung up before the application
 * stored anything). Log lines name attempt ids and the last digits of numbers only.
 */
final class Dialler implements AutoCloseable {

    /** The UserEvent the shipped context sends when an answered notification call hangs up. */
    static final String HANGUP_EVENT = "CallScoreNotify";
    /** Asterisk's event when a channel is gone; its Uniqueid is the attempt's channel id. */
    static final String CHANNEL_GONE = "Hangup";

    private static final Logger LOG = LoggerFactory.getLogger(Dialler.class);

    private final Supplier<Database> database;
    private final Supplier<Map<String, AsteriskManager>> managers;
    private final NotifyConfig config;
    private final String node;
    private final String cdrTable;
    private final Supplier<ZoneId> siteZone;
    private final Clock clock;
    /** channel id -> when this node sent its Originate */
    private final Map<String, Instant> inFlight = new ConcurrentHashMap<>();
    /** How often, and how far apart, a failed Originate's CDR row is looked for before it ends FAILED. */
    private static final int CDR_LOOKS = 6;
    private static final Duration CDR_LOOK_GAP = Duration.ofMillis(500);

    private final ScheduledExecutorService outcomes = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "callscore-notify-outcomes");
        t.setDaemon(true);
        return t;
    });
    private volatile String warned = "";
    private volatile boolean cdrWarned;

    Dialler(Supplier<Database> database, Supplier<Map<String, AsteriskManager>> managers, NotifyConfig config,
            Supplier<ZoneId> siteZone, Clock clock) {
        this.database = database;
        this.managers = managers;
        this.config = config;
        this.node = NodeName.of(config.node());
        this.siteZone = siteZone;
        this.clock = clock;
        this.cdrTable = TableName.of("cdr.table", config.cdr_table());
    }

    String node() {
        return node;
    }

    /** @return the channel ids of the attempts this node has in flight */
    Set<String> inFlight() {
        return Set.copyOf(inFlight.keySet());
    }

    void tick() {
        Database db = database.get();
        if (db == null || !db.isReady(Campaigns.SCHEMA)) {
            return;
        }
        Jdbi jdbi = db.jdbi();
        Instant now = clock.instant();
        renew(jdbi, now);
        recoverLapsed(jdbi, now);
        hungUpByCdr(jdbi, now);
        if (!config.dial_enabled()) {
            return;
        }
        List<String> running = jdbi.withHandle(DialStore::running);
        if (running.isEmpty()) {
            return;
        }
        Optional<AsteriskManager> manager = manager();
        if (manager.isEmpty() || !manager.get().status().connected()) {
            return; // numbers wait; nothing is claimed while AMI is down
        }
        for (String campaignId : running) {
            DialStore.Claimed claimed = DialStore.claiming(jdbi, h -> DialStore.claim(h, campaignId, node, now,
                    leaseUntil(now), siteZone.get(), now.minus(longestCall())));
            for (DialStore.Claim claim : claimed.claims()) {
                place(jdbi, manager.get(), claim);
            }
        }
    }

    private Instant leaseUntil(Instant now) {
        return now.plus(lease());
    }

    private Duration lease() {
        return Duration.ofSeconds(Math.max(5, config.lease_seconds()));
    }

    private Duration longestCall() {
        return Duration.ofMinutes(Math.max(1, config.call_max_minutes()));
    }

    private Optional<AsteriskManager> manager() {
        Map<String, AsteriskManager> all = managers.get();
        String problem;
        if (!config.server().isBlank()) {
            AsteriskManager named = all.get(config.server().strip());
            if (named != null) {
                warned = "";
                return Optional.of(named);
            }
            problem = "no AMI connection named " + config.server().strip() + " (etc/org.callscore.ami-"
                    + config.server().strip() + ".cfg)";
        } else if (all.size() == 1) {
            warned = "";
            return Optional.of(all.values().iterator().next());
        } else {
            problem = all.isEmpty() ? "no AMI connection (etc/org.callscore.ami-NAME.cfg)"
                    : "several AMI connections: set server in etc/org.callscore.notify.cfg";
        }
        if (!problem.equals(warned)) {
            warned = problem;
            LOG.warn("Notification campaigns wait: {}", problem);
        }
        return Optional.empty();
    }

    /** Renews this node's leases, except for attempts past the longest call: those go to the CDR check. */
    private void renew(Jdbi jdbi, Instant now) {
        Instant oldest = now.minus(longestCall());
        inFlight.entrySet().removeIf(e -> e.getValue().isBefore(oldest));
        DialStore.renew(jdbi, node, inFlight.keySet(), leaseUntil(now)).forEach(inFlight::remove);
    }

    /**
     * Frees the in-flight places of ended attempts whose Hangup event never came (this node was stopped, AMI was
     * cut) once the CDR has their row: a lease later than their end, so that the event had time to come first.
     */
    private void hungUpByCdr(Jdbi jdbi, Instant now) {
        try {
            int freed = jdbi.withHandle(h -> DialStore.hungUpByCdr(h, cdrTable, now.minus(lease()),
                    now.minus(longestCall()), now));
            cdrWarned = false;
            if (freed > 0) {
                LOG.info("Notify: {} ended attempts whose Hangup event was missed are over by the CDR", freed);
            }
        } catch (RuntimeException unreadable) {
            if (!cdrWarned) {
                cdrWarned = true;
                LOG.warn("Notify: the CDR table {} cannot be read ({}): an ended call whose Hangup event was missed "
                        + "counts as in flight for call.max.minutes", cdrTable, unreadable.getMessage());
            }
        }
    }

    /** Ends the attempts whose node stopped renewing its lease, from the CDR. */
    private void recoverLapsed(Jdbi jdbi, Instant now) {
        // each one in its own transaction that locks the campaign first, as claims and ends do: locking the lapsed
        // rows first and the campaign after deadlocked with the notify application ending one of them
        for (DialStore.Lapsed lapsed : jdbi.withHandle(h -> DialStore.lapsed(h, now, 50))) {
            if (lapsed.dialledAt().isEmpty()) {
                DialStore.claiming(jdbi, h -> DialStore.end(h, lapsed.channelId(), DialStore.Outcome.of(
                        NumberOutcome.LOST, "claimed but never dialled"), true, true, now));
                continue;
            }
            Optional<String> disposition;
            try {
                disposition = jdbi.withHandle(h -> DialStore.cdrDisposition(h, cdrTable,
                        lapsed.channelId()));
            } catch (RuntimeException unreadable) {
                disposition = Optional.empty();
                LOG.warn("Notify: the CDR table {} cannot be read ({}): lapsed attempts end LOST",
                        cdrTable, unreadable.getMessage());
            }
            Instant longest = lapsed.dialledAt().get().plus(longestCall());
            if (disposition.isEmpty() && now.isBefore(longest)) {
                // no row yet may mean the call is still on: Asterisk writes it at hang-up
                if (jdbi.withHandle(h -> DialStore.hold(h, lapsed.channelId(), longest))) {
                    LOG.info("Notify attempt {}: its lease ran out and the CDR has no row for it yet: checked again "
                            + "at {}", lapsed.channelId(), longest);
                }
                continue;
            }
            DialStore.Outcome outcome = disposition.map(d -> DialStore.Outcome.of(cdrOutcome(d), "CDR: " + d))
                    .orElse(DialStore.Outcome.of(NumberOutcome.LOST, "no CDR row for the channel id"));
            DialStore.claiming(jdbi, h -> DialStore.end(h, lapsed.channelId(), outcome, false, true, now))
                    .ifPresent(state -> LOG.info("Notify attempt {}: its lease ran out; {} ({}); the number is {}",
                            lapsed.channelId(), outcome.outcome(), outcome.detail(), state));
        }
    }

    static NumberOutcome cdrOutcome(String disposition) {
        return switch (disposition) {
            case "ANSWERED" -> NumberOutcome.ANSWERED;
            case "BUSY" -> NumberOutcome.BUSY;
            case "NO ANSWER" -> NumberOutcome.NO_ANSWER;
            default -> NumberOutcome.FAILED;
        };
    }

    private void place(Jdbi jdbi, AsteriskManager manager, DialStore.Claim claim) {
        // committed before the Originate: should this fail, nothing is sent and the lapsed lease makes the number
        // due again as never dialled
        Instant sent = clock.instant();
        DialStore.dialled(jdbi, claim.channelId(), manager.server(), sent);
        inFlight.put(claim.channelId(), sent);
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("CALLSCORE_NOTIFY_ATTEMPT", claim.channelId());
        variables.put("CALLSCORE_NOTIFY_CAMPAIGN", claim.campaignId());
        variables.put("CALLSCORE_NOTIFY_AMD", config.amd() ? "1" : "0");
        OriginateRequest request = new OriginateRequest(config.dial().replace("${NUMBER}", claim.number()),
                config.context(), "s", 1, Duration.ofSeconds(Math.max(5, config.ring_seconds())),
                config.caller_id().isBlank() ? Optional.empty() : Optional.of(config.caller_id()), variables,
                claim.channelId(), Optional.empty(), Optional.of("notify"));
        LOG.info("Notify attempt {} ({} of {}) placed through {}", claim.channelId(), claim.attempt(),
                PhoneNumbers.masked(claim.number()), manager.server());
        try {
            manager.originate(request).whenCompleteAsync((result, failure) -> originated(claim, result, failure),
                    outcomes);
        } catch (RuntimeException refused) {
            originated(claim, null, refused);
        }
    }

    private void originated(DialStore.Claim claim, OriginateResult result, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            inFlight.remove(claim.channelId()); // its lease runs out, then the CDR says whether it was placed
            LOG.warn("Notify attempt {}: AMI could not report it ({}); it is checked against the CDR when its lease "
                    + "ends, never sent again", claim.channelId(), cause.getMessage());
            return;
        }
        if (result.answered()) {
            return; // the notify application, or the context's hang-up event, tells how it went
        }
        NumberOutcome outcome = switch (result.reason()) {
            case BUSY -> NumberOutcome.BUSY;
            case NO_ANSWER, HANGUP -> NumberOutcome.NO_ANSWER;
            default -> NumberOutcome.FAILED;
        };
        if (outcome == NumberOutcome.FAILED) {
            // Asterisk 22 reports a PJSIP 486 Busy Here as reason 0 (failed): the CDR row of the channel, written at
            // its hang-up, says BUSY (or NO ANSWER); retried by the busy rule, not given up as failed
            failedByCdr(claim.channelId(), result.reason().toString(), 1);
            return;
        }
        // not answered: the channel is gone when Asterisk says so
        end(claim.channelId(), DialStore.Outcome.of(outcome, "OriginateResponse " + result.reason()), true);
    }

    /** Ends a failed Originate's attempt by its CDR disposition, looking again a little later while there is none. */
    private void failedByCdr(String channelId, String reason, int look) {
        Optional<String> disposition;
        try {
            disposition = CampaignBook.jdbi(database).withHandle(h -> DialStore.cdrDisposition(h, cdrTable,
                    channelId));
        } catch (RuntimeException unreadable) {
            disposition = Optional.empty();
            look = CDR_LOOKS;
        }
        if (disposition.isEmpty() && look < CDR_LOOKS) {
            int next = look + 1;
            outcomes.schedule(() -> failedByCdr(channelId, reason, next), CDR_LOOK_GAP.toMillis(),
                    TimeUnit.MILLISECONDS);
            return;
        }
        NumberOutcome outcome = disposition.map(Dialler::cdrOutcome).filter(o -> o != NumberOutcome.ANSWERED)
                .orElse(NumberOutcome.FAILED);
        end(channelId, DialStore.Outcome.of(outcome, "OriginateResponse " + reason
                + disposition.map(d -> ", CDR: " + d).orElse("")), true);
    }

    /**
     * Asterisk's Hangup of an attempt's channel frees its place in the in-flight limit; the shipped context's hang-up
     * event ends an answered attempt the application did not end.
     */
    void onEvent(AmiEvent event) {
        if (CHANNEL_GONE.equalsIgnoreCase(event.name())) {
            event.field("Uniqueid").filter(Uuid::isValid).ifPresent(id -> outcomes.execute(() ->
                    hungUp(id, event.received())));
            return;
        }
        if (!HANGUP_EVENT.equalsIgnoreCase(event.field("UserEvent").orElse(""))) {
            return;
        }
        Optional<String> attempt = event.field("Attempt").filter(Uuid::isValid);
        if (attempt.isEmpty()) {
            return;
        }
        boolean machine = event.field("Amd").filter("MACHINE"::equalsIgnoreCase).isPresent();
        outcomes.execute(() -> end(attempt.get(), DialStore.Outcome.of(machine ? NumberOutcome.MACHINE
                : NumberOutcome.ANSWERED, "hung up before the notify application stored an outcome"), false));
    }

    private void hungUp(String channelId, Instant at) {
        try {
            Jdbi jdbi = CampaignBook.jdbi(database);
            if (jdbi.withHandle(h -> DialStore.hungUp(h, channelId, at))) {
                LOG.debug("Notify attempt {}: its channel hung up", channelId);
            }
        } catch (RuntimeException e) {
            LOG.warn("Notify attempt {}: its hang-up not written ({}); the CDR tells it later", channelId,
                    e.getMessage());
        }
    }

    private void end(String channelId, DialStore.Outcome outcome, boolean hungUp) {
        try {
            Jdbi jdbi = CampaignBook.jdbi(database);
            DialStore.claiming(jdbi, h -> DialStore.end(h, channelId, outcome, false, hungUp, clock.instant()))
                    .ifPresent(state -> LOG.info("Notify attempt {} ended {} ({}); the number is {}", channelId,
                            outcome.outcome(), outcome.detail(), state));
            inFlight.remove(channelId);
        } catch (RuntimeException e) {
            LOG.warn("Notify attempt {}: outcome not written ({}); it is checked against the CDR when its lease ends",
                    channelId, e.getMessage());
        }
    }

    /** Waits for outcomes being written, for a test or a stop. */
    void drain() throws Exception {
        outcomes.submit(() -> { }).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        outcomes.shutdown();
    }
}
