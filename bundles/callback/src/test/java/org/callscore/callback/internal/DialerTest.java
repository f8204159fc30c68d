package org.callscore.callback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.callscore.ami.AmiEvent;
import org.callscore.ami.OriginateReason;
import org.callscore.ami.OriginateRequest;
import org.callscore.ami.QueueCaller;
import org.callscore.callback.AttemptOutcome;
import org.callscore.callback.Callback;
import org.callscore.callback.CallbackAttempt;
import org.callscore.callback.CallbackChange;
import org.callscore.callback.CallbackMessage;
import org.callscore.callback.CallbackRequest;
import org.callscore.callback.CallbackSource;
import org.callscore.callback.CallbackState;
import org.callscore.support.database.BoundedWriter;
import org.callscore.support.files.RecordSpool;
import org.callscore.testing.components.MovingClock;
import org.callscore.testing.components.ScriptedManager;
import org.callscore.testing.database.SwitchableDatabase;
import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claims against the real MariaDB, and the dialler placing calls through a scripted AMI service that records each
 * Originate. Time is a clock the test moves.
 */
class DialerTest {

    private static final Instant START = Instant.parse("2026-12-02T09:00:00Z");

    @TempDir
    Path folder;

    private final MovingClock clock = new MovingClock(START);
    private final SwitchableDatabase database = new SwitchableDatabase(Fixtures.MARIADB);
    private final BoundedWriter writer = new BoundedWriter("callback", Duration.ofSeconds(2), 2, 10);
    private final ScriptedManager pbx = new ScriptedManager("pbx1");
    private final CallbackSettings settings = Fixtures.settings(Map.of("node", "node-a"), Map.of());
    private CallbackBook book;
    private Dialer dialer;

    @BeforeEach
    void fresh() {
        Fixtures.freshTables();
        Fixtures.MARIADB.useHandle(h -> h.execute("DROP TABLE IF EXISTS cdr"));
        UnitDatabase.run(Fixtures.MARIADB, Path.of("../../dialplan/asterisk-tables.sql"));
        book = new CallbackBook(new RecordSpool(folder, ".request", (f, w) -> { }), () -> database, writer, clock,
                () -> ZoneOffset.UTC, () -> settings, (queue, zone) -> settings.hours(queue, zone, Map.of()));
        dialer = dialer(settings);
        pbx.members("sales", ScriptedManager.free("sales", "PJSIP/agent1", "Agent One"),
                ScriptedManager.free("sales", "PJSIP/agent2", "Agent Two"));
    }

    private Dialer dialer(CallbackSettings with) {
        return new Dialer(() -> database, () -> Map.of("pbx1", pbx), with, (queue, zone) -> with.hours(queue, zone, Map.of()),
                clock);
    }

    @AfterEach
    void stop() {
        dialer.close();
        writer.close();
    }

    private String request(String number) {
        return book.request(new CallbackRequest("sales", number, Optional.empty(), Optional.empty(), "invoice",
                CallbackSource.CONSOLE, Optional.empty(), Optional.empty(), Optional.empty(), "root"));
    }

    private Callback callback(String id) {
        return book.byId(id).orElseThrow();
    }

    /** @return the channel id of the call the dialler's first tick placed */
    private String dialled() {
        dialer.tick();
        return pbx.originates.get(0).channelId();
    }

    /** @return the channel id of the call the dialler's first tick placed, AMI gone before its OriginateResponse */
    private String dialledAndLost() throws Exception {
        String channel = dialled();
        pbx.lose(channel);
        dialer.drain();
        return channel;
    }

    /** The UserEvent the agent context sends for the attempt, with the customer leg's DIALSTATUS. */
    private void dialStatus(String channel, String status) {
        dialer.onEvent(userEvent(Dialer.RESULT_EVENT, Map.of("Attempt", channel, "Dialstatus", status)));
    }

    private static AmiEvent userEvent(String name, Map<String, String> fields) {
        Map<String, String> all = new java.util.HashMap<>(fields);
        all.put("UserEvent", name);
        return new AmiEvent("pbx1", "UserEvent", all, Instant.now());
    }

    @Test
    void twoClaimersOverFiftyDueCallbacksClaimDisjointSets() throws Exception {
        for (int i = 0; i < 50; i++) {
            request("06000000" + String.format("%02d", i));
        }
        Instant later = START.plusSeconds(1);
        Jdbi nodeA = UnitDatabase.jdbi(); // each claimer with its own connections, as two nodes have
        Jdbi nodeB = UnitDatabase.jdbi();
        Set<String> a = new HashSet<>();
        Set<String> b = new HashSet<>();
        // while node A's claim transaction holds its rows, node B's claim skips them instead of waiting
        AttemptStore.claiming(nodeA, h -> {
            AttemptStore.claim(h, Optional.empty(), 5, "node-a", later, later.plusSeconds(60)).forEach(c -> a.add(c.callbackId()));
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                other.submit(() -> AttemptStore.claiming(nodeB, t -> AttemptStore.claim(t, Optional.empty(), 5,
                        "node-b", later, later.plusSeconds(60))).forEach(c -> b.add(c.callbackId()))).get();
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                other.shutdown();
            }
            return null;
        });
        assertThat(a).hasSize(5);
        assertThat(b).hasSize(5);
        // then both claim the rest at once, three at a time
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        Future<?> restA = two.submit(claimAll(nodeA, "node-a", a, later, together));
        Future<?> restB = two.submit(claimAll(nodeB, "node-b", b, later, together));
        restA.get();
        restB.get();
        two.shutdown();

        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        assertThat(both).isEmpty();
        assertThat(a.size() + b.size()).isEqualTo(50);
        assertThat(Fixtures.count("SELECT COUNT(DISTINCT channel_id) FROM callback_attempt")).isEqualTo(50);
        assertThat(Fixtures.count("SELECT COUNT(*) FROM callback WHERE state = 'DIALLING' AND attempts = 1")).isEqualTo(50);
        assertThat(Fixtures.count("SELECT COUNT(*) FROM callback WHERE lease_owner = 'node-a'")).isEqualTo(a.size());
    }

    private static Callable<Void> claimAll(Jdbi jdbi, String node, Set<String> claimed, Instant now, CyclicBarrier start) {
        return () -> {
            start.await();
            while (true) {
                List<AttemptStore.Claim> claims = AttemptStore.claiming(jdbi, h -> AttemptStore.claim(h, Optional.empty(), 3,
                        node, now, now.plusSeconds(60)));
                if (claims.isEmpty()) {
                    return null;
                }
                claims.forEach(c -> claimed.add(c.callbackId()));
            }
        };
    }

    @Test
    void theAgentOfACallbackWithAVoiceMessageHearsItAndTheOthersDoNot() {
        String plain = request("0611111111");
        clock.advance(Duration.ofSeconds(1));
        String left = book.request(new CallbackRequest("sales", "0622222222", Optional.empty(), Optional.empty(),
                "voicemail", CallbackSource.VOICEMAIL, Optional.empty(), Optional.empty(), Optional.empty(), "phone",
                Optional.of(new CallbackMessage("/var/lib/callscore/recordings/pbx1/2026-12-02/voicemail-17.4.wav",
                        Optional.of(7L), Duration.ofSeconds(5)))));

        dialer.tick();

        assertThat(pbx.originates).hasSize(2);
        Map<String, String> first = pbx.originates.get(0).variables();
        Map<String, String> second = pbx.originates.get(1).variables();
        assertThat(first).containsEntry("CALLSCORE_CALLBACK_ID", plain).doesNotContainKey("CALLSCORE_CALLBACK_MESSAGE");
        assertThat(second).containsEntry("CALLSCORE_CALLBACK_ID", left).containsEntry("CALLSCORE_CALLBACK_MESSAGE",
                "/var/lib/callscore/recordings/pbx1/2026-12-02/voicemail-17.4");
    }

    @Test
    void neverMoreAttemptsInFlightThanFreeMembersAndEachWithItsOwnChannelId() throws Exception {
        String a = request("0611111111");
        clock.advance(Duration.ofSeconds(1));
        String b = request("0622222222");
        clock.advance(Duration.ofSeconds(1));
        String c = request("0633333333");

        dialer.tick();
        dialer.tick(); // the two members are taken: nothing more, and the first requested go first

        assertThat(pbx.originates).hasSize(2);
        assertThat(pbx.originates).extracting(OriginateRequest::channel).containsExactlyInAnyOrder("PJSIP/agent1",
                "PJSIP/agent2");
        OriginateRequest first = pbx.originates.get(0);
        assertThat(first.context()).isEqualTo("callscore-callback-agent");
        assertThat(first.variables()).containsEntry("CALLSCORE_CALLBACK_DIAL", "PJSIP/0611111111@trunk")
                .containsEntry("CALLSCORE_CALLBACK_ID", a);
        assertThat(book.attempts(a)).extracting(CallbackAttempt::channelId).containsExactly(first.channelId());
        assertThat(callback(c).state()).isEqualTo(CallbackState.SCHEDULED);
        assertThat(callback(b).state()).isEqualTo(CallbackState.DIALLING);
    }

    @Test
    void answeredByTheCustomerIsDoneWithBothLegsTied() throws Exception {
        String id = request("0611111111");
        String channel = dialled();

        pbx.respond(channel, true, OriginateReason.ANSWERED);
        dialer.onEvent(userEvent(Dialer.LEG_EVENT, Map.of("Attempt", channel, "Uniqueid", "pbx1-1700000000.9")));
        dialStatus(channel, "ANSWER");
        dialer.drain();

        assertThat(callback(id).state()).isEqualTo(CallbackState.DONE);
        CallbackAttempt attempt = book.attempts(id).get(0);
        assertThat(attempt.outcome()).contains(AttemptOutcome.ANSWERED);
        assertThat(attempt.agentUniqueId()).contains(channel);
        assertThat(attempt.customerUniqueId()).contains("pbx1-1700000000.9");
        assertThat(book.history(id)).extracting(CallbackChange::kind).containsExactly(CallbackChange.Kind.CREATED,
                CallbackChange.Kind.REMINDED, CallbackChange.Kind.ATTEMPT_STARTED, CallbackChange.Kind.ATTEMPT_ENDED,
                CallbackChange.Kind.DONE);
        assertThat(dialer.inFlight()).isEmpty();
    }

    @Test
    void aBusyCustomerIsRetriedAfterTheConfiguredDelayWithANewChannelId() throws Exception {
        String id = request("0611111111");
        String channel = dialled();
        pbx.respond(channel, true, OriginateReason.ANSWERED);
        dialStatus(channel, "BUSY");
        dialer.drain();

        assertThat(callback(id).state()).isEqualTo(CallbackState.SCHEDULED);
        assertThat(callback(id).dueAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(9));
        dialer.tick();
        assertThat(pbx.originates).hasSize(1);
        clock.advance(Duration.ofMinutes(1));
        dialer.tick();

        assertThat(pbx.originates).hasSize(2);
        assertThat(pbx.originates.get(1).channelId()).isNotEqualTo(channel);
        assertThat(book.attempts(id)).extracting(a -> a.outcome().orElse(null)).containsExactly(AttemptOutcome.BUSY, null);
    }

    @Test
    void theAgentNotAnsweringIsRetriedAndTheEventOfAnEndedAttemptChangesNothing() throws Exception {
        String id = request("0611111111");
        String channel = dialled();

        pbx.respond(channel, false, OriginateReason.NO_ANSWER);
        dialer.drain();
        dialStatus(channel, "ANSWER"); // late, bogus
        dialer.drain();

        assertThat(book.attempts(id).get(0).outcome()).contains(AttemptOutcome.AGENT_NO_ANSWER);
        assertThat(callback(id).state()).isEqualTo(CallbackState.SCHEDULED);
        assertThat(callback(id).dueAt()).isEqualTo(START.plus(Duration.ofMinutes(2)));
    }

    @Test
    void whileAmiIsDownNothingIsClaimedAndTheAttemptWaits() throws Exception {
        String id = request("0611111111");
        pbx.connected = false;

        dialer.tick();

        assertThat(pbx.originates).isEmpty();
        assertThat(callback(id).state()).isEqualTo(CallbackState.SCHEDULED);
        assertThat(book.attempts(id)).isEmpty();
        pbx.connected = true;
        dialer.tick();
        assertThat(pbx.originates).hasSize(1);
    }

    @Test
    void aLapsedLeaseWithACdrIsEndedFromItAndNotDialledAgain() throws Exception {
        String id = request("0611111111");
        String channel = dialledAndLost();
        Fixtures.MARIADB.useHandle(h -> h.createUpdate("INSERT INTO cdr (uniqueid, linkedid, lastapp, disposition, start) "
                + "VALUES (:c, :c, 'Dial', 'ANSWERED', NOW())").bind("c", channel).execute());

        clock.advance(Duration.ofSeconds(121));
        Dialer restarted = dialer(settings); // the node after a restart: nothing in memory
        restarted.tick();
        restarted.close();

        assertThat(callback(id).state()).isEqualTo(CallbackState.DONE);
        assertThat(book.attempts(id)).singleElement().satisfies(a -> {
            assertThat(a.outcome()).contains(AttemptOutcome.ANSWERED);
            assertThat(a.agentUniqueId()).contains(channel);
        });
        assertThat(pbx.originates).hasSize(1);
    }

    @Test
    void aLapsedLeaseWithoutACdrIsLostAndRetriedLaterWithANewChannelId() throws Exception {
        String id = request("0611111111");
        String channel = dialledAndLost();

        clock.advance(Duration.ofSeconds(121));
        Dialer restarted = dialer(settings); // another node, or this one after a restart: nothing in memory
        restarted.tick();
        // the call may still be going on (the CDR comes at hang-up): held until the longest call has ended
        assertThat(book.attempts(id).get(0).outcome()).isEmpty();
        assertThat(callback(id).state()).isEqualTo(CallbackState.DIALLING);
        clock.advance(Duration.ofMinutes(30));
        restarted.tick();
        assertThat(pbx.originates).hasSize(1);
        assertThat(book.attempts(id).get(0).outcome()).isEmpty();

        clock.advance(Duration.ofMinutes(31)); // past call.max.minutes (60) after the dial, and still no CDR row
        restarted.tick();
        restarted.close();

        assertThat(book.attempts(id).get(0).outcome()).contains(AttemptOutcome.LOST);
        assertThat(pbx.originates).hasSize(1);
        assertThat(callback(id).dueAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(5));
        dialer.tick();
        assertThat(pbx.originates).hasSize(2);
        assertThat(pbx.originates.get(1).channelId()).isNotEqualTo(channel);
    }

    @Test
    void aClaimNeverDialledIsDueAgainAtOnceAfterItsLease() throws Exception {
        String id = request("0611111111");
        // a node that claimed and stopped before it sent the Originate
        AttemptStore.claiming(Fixtures.MARIADB, h -> AttemptStore.claim(h, Optional.empty(), 1, "node-b", START,
                START.plusSeconds(120)));

        dialer.tick();
        assertThat(pbx.originates).isEmpty(); // node-b's lease holds
        clock.advance(Duration.ofSeconds(121));
        dialer.tick();

        assertThat(book.attempts(id)).extracting(a -> a.outcome().orElse(null)).containsExactly(AttemptOutcome.LOST, null);
        assertThat(pbx.originates).hasSize(1);
    }

    @Test
    void anAttemptInFlightKeepsItsLeaseAcrossTicks() throws Exception {
        String id = request("0611111111");
        dialer.tick();
        pbx.respond(pbx.originates.get(0).channelId(), true, OriginateReason.ANSWERED);
        dialer.drain();

        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(60));
            dialer.tick();
        }

        assertThat(callback(id).state()).isEqualTo(CallbackState.DIALLING);
        assertThat(book.attempts(id).get(0).outcome()).isEmpty();
    }

    @Test
    void aScheduledCallbackPastItsExpiryExpires() throws Exception {
        String id = request("0611111111");
        pbx.connected = false;

        clock.advance(Duration.ofHours(73));
        dialer.tick();

        assertThat(callback(id).state()).isEqualTo(CallbackState.EXPIRED);
        assertThat(book.history(id)).extracting(CallbackChange::kind).contains(CallbackChange.Kind.EXPIRED);
    }

    @Test
    void theAssignedAgentIsTheOneRung() throws Exception {
        String id = request("0611111111");
        book.assign(id, Optional.of("Agent Two"), "root");

        dialer.tick();

        assertThat(pbx.originates).singleElement().extracting(OriginateRequest::channel).isEqualTo("PJSIP/agent2");
        assertThat(UUID.fromString(pbx.originates.get(0).channelId())).isNotNull();
    }

    @Test
    void inQueueModeACallbackWaitsInTheQueueBehindOnlyTheCallersWhoWereThereBeforeIt() throws Exception {
        CallbackSettings queueMode = Fixtures.settings(Map.of("node", "node-a"), Map.of("mode.sales", "queue"));
        Dialer dialler = dialer(queueMode);
        pbx.callers("sales", new QueueCaller("sales", 1, "PJSIP/caller-1", Optional.empty(), START.minusSeconds(60)),
                new QueueCaller("sales", 2, "PJSIP/caller-2", Optional.empty(), START.plusSeconds(30)));
        String id = request("0611111111"); // requested at START: after caller 1, before caller 2
        clock.advance(Duration.ofMinutes(1));
        String second = request("0622222222");
        clock.advance(Duration.ofSeconds(1));
        String third = request("0633333333");
        try {
            dialler.tick();
        } finally {
            dialler.close();
        }

        assertThat(pbx.originates).hasSize(2); // two free members: two callbacks in the queue, not three
        OriginateRequest first = pbx.originates.get(0);
        assertThat(first.channel()).isEqualTo("Local/s@callscore-callback-queue/n");
        assertThat(first.context()).isEqualTo("callscore-callback-agent");
        assertThat(first.variables()).containsEntry("CALLSCORE_CALLBACK_ID", id)
                .containsEntry("CALLSCORE_CALLBACK_POSITION", "2");
        assertThat(first.otherChannelId()).contains(first.channelId() + "-queue");
        assertThat(pbx.originates.get(1).variables()).containsEntry("CALLSCORE_CALLBACK_ID", second)
                .containsEntry("CALLSCORE_CALLBACK_POSITION", "4"); // behind both callers and the first callback
        assertThat(callback(third).state()).isEqualTo(CallbackState.SCHEDULED);
    }

    @Test
    void whileTheQueuesCalendarIsMissingItsCallbacksWaitAndAreDialledOnceItIsThere() throws Exception {
        CallbackSettings withHours = Fixtures.settings(Map.of("node", "node-a"), Map.of("hours.sales", "every-day"));
        Map<String, org.callscore.ivr.BusinessHours.Calendar> calendars = new java.util.concurrent.ConcurrentHashMap<>();
        Dialer dialler = new Dialer(() -> database, () -> Map.of("pbx1", pbx), withHours,
                (queue, zone) -> withHours.hours(queue, zone, calendars), clock);
        String id = request("0611111111");
        clock.advance(Duration.ofHours(2)); // 11:00 UTC: inside 08:00-18:00
        try {
            dialler.tick();
            dialler.tick();
            assertThat(pbx.originates).isEmpty();
            assertThat(callback(id).state()).isEqualTo(CallbackState.SCHEDULED);

            calendars.put("every-day", SchedulingRulesTest.EVERY_DAY);
            dialler.tick();
        } finally {
            dialler.close();
        }

        assertThat(pbx.originates).singleElement().satisfies(o -> assertThat(o.variables())
                .containsEntry("CALLSCORE_CALLBACK_ID", id));
    }

    @Test
    void outsideTheQueuesHoursInTheCustomersZoneNothingIsDialled() throws Exception {
        CallbackSettings withHours = Fixtures.settings(Map.of("node", "node-a"), Map.of("hours", "every-day"));
        Dialer dialler = new Dialer(() -> database, () -> Map.of("pbx1", pbx), withHours,
                (queue, zone) -> withHours.hours(queue, zone, Map.of("every-day", SchedulingRulesTest.EVERY_DAY)), clock);
        // 09:00 UTC is 04:00 in New York: closed until 08:00 there, 13:00 UTC
        String id = book.request(new CallbackRequest("sales", "0611111111", Optional.of(ZoneId.of("America/New_York")),
                Optional.empty(), "", CallbackSource.CONSOLE, Optional.empty(), Optional.empty(), Optional.empty(), "root"));
        Fixtures.MARIADB.useHandle(h -> h.createUpdate("UPDATE callback SET due_at = :now WHERE id = :id")
                .bind("now", CallbackStore.ts(START)).bind("id", id).execute()); // due now, as after a move by hand
        try {
            dialler.tick();
            assertThat(pbx.originates).isEmpty();
            clock.advance(Duration.ofHours(4));
            dialler.tick();
        } finally {
            dialler.close();
        }

        assertThat(pbx.originates).hasSize(1);
    }
}
