package org.callscore.callback.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.callscore.ami.AmiEvent;
import org.callscore.ami.AsteriskManager;
import org.callscore.ami.OriginateReason;
import org.callscore.ami.OriginateRequest;
import org.callscore.ami.OriginateResult;
import org.callscore.ami.QueueCaller;
import org.callscore.ami.QueueMember;
import org.callscore.callback.AttemptOutcome;
import org.callscore.callback.Callbacks;
import org.callscore.storage.Database;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places due callbacks, agent first, through the AMI service. Each {@link #tick()} renews this node's leases,
 * expires and reminds, checks lapsed leases against the CDR, then per queue claims at most as many due callbacks as
 * the queue has free members and sends one Originate per claimed attempt. Outcomes come from the OriginateResponse
 * (the agent's leg) and from the {@code CallScoreCallback} UserEvent of the dialplan (the customer's leg).
 * Log lines name callback ids and channel ids, never the customer's number.
 */
final class Dialer implements AutoCloseable {

    /** The UserEvent the agent context sends with the customer leg's DIALSTATUS. */
    static final String RESULT_EVENT = "CallScoreCallback";
    /** The UserEvent the customer leg's pre-dial handler sends with its uniqueid. */
    static final String LEG_EVENT = "CallScoreCallbackLeg";

    private static final Logger LOG = LoggerFactory.getLogger(Dialer.class);
    private static final Duration AMI_ANSWER = Duration.ofSeconds(5);
    private static final int CANDIDATES = 100;

    /** An attempt this node placed and still renews the lease of. */
    private record InFlight(String callbackId, String channelId, Instant since) {
    }

    private final Supplier<Database> database;
    private final Supplier<Map<String, AsteriskManager>> managers;
    private final CallbackSettings settings;
    private final BiFunction<String, ZoneId, CallbackSettings.QueueHours> hours;
    private final Clock clock;
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final ExecutorService outcomes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "callscore-callback-outcomes");
        t.setDaemon(true);
        return t;
    });

    Dialer(Supplier<Database> database, Supplier<Map<String, AsteriskManager>> managers, CallbackSettings settings,
            BiFunction<String, ZoneId, CallbackSettings.QueueHours> hours, Clock clock) {
        this.database = database;
        this.managers = managers;
        this.settings = settings;
        this.hours = hours;
        this.clock = clock;
    }

    /** @return the channel ids of the attempts this node has in flight */
    Set<String> inFlight() {
        return Set.copyOf(inFlight.keySet());
    }

    void tick() {
        Database db = database.get();
        if (db == null || !db.isReady(Callbacks.SCHEMA)) {
            return;
        }
        Jdbi jdbi = db.jdbi();
        Instant now = clock.instant();
        renew(jdbi, now);
        AttemptStore.claiming(jdbi, h -> AttemptStore.expire(h, now, settings.node));
        AttemptStore.claiming(jdbi, h -> AttemptStore.remind(h, now,
                now.plus(Duration.ofMinutes(Math.max(0, settings.config.reminder_minutes()))), settings.node));
        recoverLapsed(jdbi, now);
        if (settings.config.dial_enabled()) {
            for (String queue : jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT queue FROM callback WHERE state = "
                    + "'SCHEDULED' AND due_at <= :now").bind("now", CallbackStore.ts(now)).mapTo(String.class).list())) {
                dialQueue(jdbi, queue, now);
            }
        }
    }

    private Instant leaseUntil(Instant now) {
        return now.plusSeconds(Math.max(10, settings.config.lease_seconds()));
    }

    /** Renews this node's leases, except for attempts past the longest call: those go to the CDR check. */
    private void renew(Jdbi jdbi, Instant now) {
        Instant oldest = now.minus(Duration.ofMinutes(Math.max(1, settings.config.call_max_minutes())));
        inFlight.values().removeIf(f -> {
            if (f.since().isBefore(oldest)) {
                LOG.warn("Callback {}: no outcome for attempt {} after {} min; it is checked against the CDR when its "
                        + "lease ends", f.callbackId(), f.channelId(), settings.config.call_max_minutes());
                return true;
            }
            return false;
        });
        Set<String> ids = new HashSet<>();
        inFlight.values().forEach(f -> ids.add(f.callbackId()));
        AttemptStore.renew(jdbi, settings.node, ids, leaseUntil(now));
    }

    /** Ends the attempts whose node stopped renewing its lease, from the CDR: never dialled again blindly. */
    private void recoverLapsed(Jdbi jdbi, Instant now) {
        AttemptStore.claiming(jdbi, h -> {
            for (AttemptStore.Lapsed lapsed : AttemptStore.lapsed(h, now, 20)) {
                AttemptStore.Outcome outcome = lapsed.dialled() ? CdrCheck.outcome(h, settings.cdrTable, lapsed.channelId())
                        : new AttemptStore.Outcome(AttemptOutcome.LOST, "claimed but never dialled", Optional.empty(),
                                Optional.empty());
                // no CDR row yet may mean the call is still on: Asterisk writes it at hang-up. Retrying now could
                // ring a customer who is talking to the agent, so wait for the longest call first.
                Optional<Instant> longestCall = lapsed.dialledAt()
                        .map(d -> d.plus(Duration.ofMinutes(Math.max(1, settings.config.call_max_minutes()))));
                if (outcome.detail() == CdrCheck.NO_ROW && longestCall.filter(now::isBefore).isPresent()) {
                    AttemptStore.holdLapsed(h, lapsed.callbackId(), longestCall.get());
                    LOG.info("Callback {}: the lease of attempt {} ran out and the CDR has no row for it yet: it is "
                            + "checked again at {}, when even the longest call has ended", lapsed.callbackId(),
                            lapsed.channelId(), longestCall.get());
                    continue;
                }
                AttemptStore.end(h, lapsed.channelId(), outcome, !lapsed.dialled(), now, settings.node, settings.rules,
                        this::firstOpen);
                LOG.info("Callback {}: the lease of attempt {} ran out; {} ({})", lapsed.callbackId(),
                        lapsed.channelId(), outcome.outcome(), outcome.detail());
            }
            return null;
        });
    }

    Optional<Instant> firstOpen(String queue, ZoneId zone, Instant from) {
        CallbackSettings.QueueHours open = hours.apply(queue, zone);
        return open.problem().isPresent() ? Optional.of(from) : OpenHours.firstOpen(from, open.hours());
    }

    private boolean openNow(String queue, ZoneId zone, Instant now) {
        CallbackSettings.QueueHours open = hours.apply(queue, zone);
        if (open.problem().isPresent()) {
            once("hours:" + queue, "Callbacks of queue {} wait: {}", queue, open.problem().get());
            return false;
        }
        reported.remove("hours:" + queue); // said again if the hours go missing again
        return open.hours().map(h -> h.isOpen(now)).orElse(true);
    }

    private void once(String key, String message, Object... args) {
        if (reported.add(key)) {
            LOG.warn(message, args);
        }
    }

    private Optional<AsteriskManager> manager(String queue) {
        Map<String, AsteriskManager> all = managers.get();
        Optional<String> server = settings.server(queue);
        if (server.isPresent()) {
            return Optional.ofNullable(all.get(server.get()));
        }
        return all.size() == 1 ? Optional.of(all.values().iterator().next()) : Optional.empty();
    }

    private record Candidate(String id, ZoneId zone, Optional<String> agent, Instant requestedAt) {
    }

    /**
     * Where an attempt rings first: an agent's interface, or (queue mode) a Local channel whose other half waits in
     * the queue at {@code position}.
     */
    private record Placement(String channel, Optional<Integer> position) {
    }

    /** The Local channels of queue mode: the half that runs the agent context, and its other half in the queue. */
    static final String LOCAL_PREFIX = "Local/";

    private void dialQueue(Jdbi jdbi, String queue, Instant now) {
        Optional<AsteriskManager> found = manager(queue);
        if (found.isEmpty()) {
            once("server:" + queue, "Callbacks of queue {} wait: no Asterisk server for it (server.{} in "
                    + "org.callscore.callback.cfg, or exactly one AMI connection)", queue, queue);
            return;
        }
        reported.remove("server:" + queue);
        AsteriskManager manager = found.get();
        if (!manager.status().connected()) {
            return; // attempts wait; nothing is claimed while AMI is down
        }
        boolean queueMode = settings.perQueue("mode", queue).filter("queue"::equalsIgnoreCase).isPresent();
        List<QueueMember> members;
        List<QueueCaller> waiting;
        try {
            members = manager.queueMembers(queue).toCompletableFuture().get(AMI_ANSWER.toMillis(), TimeUnit.MILLISECONDS);
            waiting = queueMode ? manager.queueCallers(queue).toCompletableFuture().get(AMI_ANSWER.toMillis(),
                    TimeUnit.MILLISECONDS) : List.of();
        } catch (Exception e) {
            LOG.debug("Callbacks of queue {} wait: its members are not known ({})", queue, e.toString());
            return;
        }
        List<Candidate> candidates = jdbi.withHandle(h -> h.createQuery("SELECT id, customer_zone, agent, requested_at "
                + "FROM callback WHERE state = 'SCHEDULED' AND due_at <= :now AND queue = :q ORDER BY due_at, "
                + "requested_at, id LIMIT :n").bind("now", CallbackStore.ts(now)).bind("q", queue).bind("n", CANDIDATES)
                .map((rs, ctx) -> new Candidate(rs.getString(1), ZoneId.of(rs.getString(2)),
                        Optional.ofNullable(rs.getString(3)), rs.getTimestamp(4).toInstant())).list());
        List<Candidate> open = candidates.stream().filter(c -> openNow(queue, c.zone(), now)).toList();
        if (open.isEmpty()) {
            return;
        }
        Map<String, Placement> chosen = new LinkedHashMap<>();
        List<AttemptStore.Claim> claims = AttemptStore.claiming(jdbi, h -> {
            AttemptStore.lockQueue(h, queue);
            List<String> busy = AttemptStore.busyInterfaces(h, queue);
            Map<String, QueueMember> free = new LinkedHashMap<>();
            members.stream().filter(QueueMember::available).filter(m -> !busy.contains(m.location()))
                    .forEach(m -> free.putIfAbsent(m.location(), m));
            // callbacks waiting in the queue will take free members too
            int capacity = free.size() - (int) busy.stream().filter(i -> i.startsWith(LOCAL_PREFIX)).count();
            int entered = 0;
            for (Candidate c : open) {
                if (capacity <= 0) {
                    break;
                }
                if (queueMode && c.agent().isEmpty()) {
                    // its original place: behind the callers who were waiting before it was requested
                    long ahead = waiting.stream().filter(w -> w.waitingSince().isBefore(c.requestedAt())).count();
                    chosen.put(c.id(), new Placement(LOCAL_PREFIX + "s@" + settings.config.queue_context() + "/n",
                            Optional.of((int) ahead + 1 + entered)));
                    entered++;
                    capacity--;
                    continue;
                }
                Optional<QueueMember> member = c.agent().isPresent()
                        ? free.values().stream().filter(m -> m.name().equals(c.agent().get())).findFirst()
                        : free.values().stream().findFirst();
                if (member.isPresent()) {
                    free.remove(member.get().location());
                    chosen.put(c.id(), new Placement(member.get().location(), Optional.empty()));
                    capacity--;
                }
            }
            List<AttemptStore.Claim> claimed = AttemptStore.claim(h, Optional.of(chosen.keySet()), chosen.size(),
                    settings.node, now, leaseUntil(now));
            claimed.forEach(c -> AttemptStore.placeOn(h, c.channelId(), manager.server(),
                    interfaceOf(chosen.get(c.callbackId()), c)));
            return claimed;
        });
        for (AttemptStore.Claim claim : claims) {
            place(jdbi, manager, claim, chosen.get(claim.callbackId()), now);
        }
    }

    /** @return what an attempt holds while in flight: the agent's interface, or its own Local channel in the queue */
    private static String interfaceOf(Placement placement, AttemptStore.Claim claim) {
        return placement.position().isPresent() ? LOCAL_PREFIX + claim.channelId() : placement.channel();
    }

    private void place(Jdbi jdbi, AsteriskManager manager, AttemptStore.Claim claim, Placement placement, Instant now) {
        CallbackConfig config = settings.config;
        // committed before the Originate: should this fail, nothing is sent, the lease runs out unrenewed and the
        // callback is due again as never dialled
        AttemptStore.dialled(jdbi, claim.channelId(), clock.instant());
        inFlight.put(claim.channelId(), new InFlight(claim.callbackId(), claim.channelId(), now));
        Map<String, String> variables = new LinkedHashMap<>(Map.of("CALLSCORE_CALLBACK_ID", claim.callbackId(),
                "CALLSCORE_CALLBACK_QUEUE", claim.queue(),
                "CALLSCORE_CALLBACK_NUMBER", claim.customerNumber(),
                "CALLSCORE_CALLBACK_DIAL", config.dial().replace("${NUMBER}", claim.customerNumber()),
                "CALLSCORE_CALLBACK_RING", String.valueOf(config.customer_ring_seconds()),
                "CALLSCORE_CALLBACK_PROMPTS", config.agent_prompts()));
        // the agent hears the customer's voice message first: Playback takes the file without its extension
        claim.messageFile().ifPresent(file -> variables.put("CALLSCORE_CALLBACK_MESSAGE",
                file.substring(0, file.lastIndexOf('.'))));
        placement.position().ifPresent(p -> {
            variables.put("CALLSCORE_CALLBACK_POSITION", String.valueOf(p));
            variables.put("CALLSCORE_CALLBACK_WAIT", String.valueOf(config.queue_wait_seconds()));
        });
        Duration ring = Duration.ofSeconds(placement.position().isPresent() ? config.queue_wait_seconds()
                : config.agent_ring_seconds());
        // queue mode: the Local channel's second half, which waits in the queue, has an id of its own, also refused twice
        Optional<String> otherHalf = placement.position().map(p -> claim.channelId() + "-queue");
        OriginateRequest request = new OriginateRequest(placement.channel(), config.agent_context(), "s", 1, ring,
                Optional.of("\"" + config.caller_id_name().replace("\"", "") + "\" <" + claim.customerNumber() + ">"),
                variables, claim.channelId(), otherHalf, Optional.of("callback"));
        LOG.info("Callback {}: attempt {} placed on {}{} through {} (channel id {})", claim.callbackId(), claim.number(),
                placement.channel(), placement.position().map(p -> " at position " + p).orElse(""), manager.server(),
                claim.channelId());
        try {
            manager.originate(request).whenCompleteAsync((result, failure) -> originated(claim, result, failure), outcomes);
        } catch (RuntimeException refused) {
            originated(claim, null, refused);
        }
    }

    private void originated(AttemptStore.Claim claim, OriginateResult result, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            inFlight.remove(claim.channelId()); // its lease runs out, then the CDR says whether it was placed
            LOG.warn("Callback {}: AMI could not report attempt {} ({}); it is checked against the CDR when its lease "
                    + "ends, never sent again", claim.callbackId(), claim.channelId(), cause.getMessage());
            return;
        }
        if (result.answered()) {
            record(() -> AttemptStore.legs(jdbi(), claim.channelId(), result.uniqueId(), Optional.empty()));
            return; // the agent hears who and why; the dialplan's UserEvent tells how the customer's leg went
        }
        AttemptOutcome outcome = switch (result.reason()) {
            case NO_ANSWER, BUSY, HANGUP -> AttemptOutcome.AGENT_NO_ANSWER;
            default -> AttemptOutcome.FAILED;
        };
        end(claim.channelId(), new AttemptStore.Outcome(outcome, "agent leg: " + reason(result.reason()),
                result.uniqueId(), Optional.empty()));
    }

    private static String reason(OriginateReason reason) {
        return reason.name() + " (" + reason.code() + ")";
    }

    /** An AMI event: the outcome of a customer's leg, or its uniqueid. */
    void onEvent(AmiEvent event) {
        String name = event.name().equalsIgnoreCase("UserEvent") ? field(event, "UserEvent").orElse("") : event.name();
        Optional<String> attempt = field(event, "Attempt");
        if (attempt.isEmpty() || !RequestRules.isId(attempt.get())) {
            return;
        }
        if (name.equalsIgnoreCase(LEG_EVENT)) {
            Optional<String> uniqueId = field(event, "Uniqueid");
            outcomes.execute(() -> record(() -> AttemptStore.legs(jdbi(), attempt.get(), Optional.empty(), uniqueId)));
        } else if (name.equalsIgnoreCase(RESULT_EVENT)) {
            String status = field(event, "Dialstatus").orElse("").strip().toUpperCase(java.util.Locale.ROOT);
            outcomes.execute(() -> end(attempt.get(), new AttemptStore.Outcome(dialStatus(status),
                    "customer DIALSTATUS " + (status.isEmpty() ? "none" : status), Optional.empty(), Optional.empty())));
        }
    }

    /** @return the outcome of a customer leg whose Dial() ended with that DIALSTATUS */
    static AttemptOutcome dialStatus(String status) {
        return switch (status) {
            case "ANSWER" -> AttemptOutcome.ANSWERED;
            case "BUSY" -> AttemptOutcome.BUSY;
            case "NOANSWER" -> AttemptOutcome.NO_ANSWER;
            case "CANCEL", "AGENTHANGUP" -> AttemptOutcome.AGENT_NO_ANSWER; // the agent hung up before the customer answered
            default -> AttemptOutcome.FAILED;
        };
    }

    private static Optional<String> field(AmiEvent event, String header) {
        Optional<String> exact = event.field(header);
        if (exact.isPresent()) {
            return exact;
        }
        return event.fields().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(header))
                .map(Map.Entry::getValue).findFirst();
    }

    private Jdbi jdbi() {
        Database db = database.get();
        if (db == null) {
            throw new IllegalStateException("no database");
        }
        return db.jdbi();
    }

    private void end(String channelId, AttemptStore.Outcome outcome) {
        record(() -> {
            Instant now = clock.instant();
            AttemptStore.claiming(jdbi(), h -> AttemptStore.end(h, channelId, outcome, false, now, settings.node,
                    settings.rules, this::firstOpen)).ifPresent(c -> LOG.info("Callback {}: attempt {} ended {} ({}); "
                            + "now {}", c.id(), channelId, outcome.outcome(), outcome.detail(), c.state()));
            inFlight.remove(channelId);
        });
    }

    /** Runs an outcome write; one MariaDB does not take is left to the lease and the CDR check. */
    private void record(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.warn("Callback outcome not written ({}); the attempt is checked against the CDR when its lease ends",
                    e.getMessage());
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
