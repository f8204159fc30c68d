package org.callscore.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;

import org.callscore.ami.AmiEvent;
import org.callscore.ami.OriginateReason;
import org.callscore.ami.OriginateRequest;
import org.callscore.notify.Campaign;
import org.callscore.notify.CampaignState;
import org.callscore.notify.HeardMessage;
import org.callscore.notify.ImportFormat;
import org.callscore.notify.NumberOutcome;
import org.callscore.notify.NumberState;
import org.callscore.notify.ResultQuery;
import org.callscore.testing.components.ComponentConfig;
import org.callscore.testing.components.MovingClock;
import org.callscore.testing.components.ScriptedManager;
import org.callscore.testing.database.SwitchableDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dialler on the real notify tables, with a scripted Asterisk Manager and a clock the test moves. */
class DiallerTest {

    /** A Monday, 10:00 in Paris: inside the fixtures' window. */
    private final MovingClock clock = new MovingClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final SwitchableDatabase db = new SwitchableDatabase(Fixtures.MARIADB);
    private final List<Dialler> diallers = new ArrayList<>();
    /** The one Asterisk server of most tests. */
    private final ScriptedManager manager = new ScriptedManager("pbx");
    private CampaignBook book;
    private DoNotCallBook doNotCall;

    @BeforeEach
    void freshTables() {
        Fixtures.freshTables();
        book = new CampaignBook(() -> db, clock, () -> Fixtures.PARIS);
        doNotCall = new DoNotCallBook(() -> db, clock);
    }

    @AfterEach
    void closeDiallers() {
        diallers.forEach(Dialler::close);
    }

    private Dialler dialler(String node, ScriptedManager manager) {
        NotifyConfig config = ComponentConfig.of(NotifyConfig.class, Map.of("node", node, "lease_seconds", 10,
                "call_max_minutes", 2));
        Dialler dialler = new Dialler(() -> db, () -> Map.of(manager.server(), manager), config, () -> Fixtures.PARIS,
                clock);
        diallers.add(dialler);
        return dialler;
    }

    /** @return node a's dialler on {@link #manager}, after its first tick (its calls placed) */
    private Dialler tickedOnce() throws Exception {
        Dialler dialler = dialler("a", manager);
        tick(dialler);
        return dialler;
    }

    private Campaign campaignOf(int numbers, int maxInFlight, int rate) {
        Campaign campaign = book.create(Fixtures.campaign("c" + numbers + "-" + maxInFlight + "-" + rate, maxInFlight,
                rate), "admin");
        StringBuilder csv = new StringBuilder("number,name\n");
        IntStream.range(0, numbers).forEach(i -> csv.append("06000000").append(String.format("%02d", i)).append(",n")
                .append(i).append('\n'));
        book.importCustomers(campaign.id(), ImportFormat.CSV,
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "admin");
        return book.start(campaign.id(), "admin");
    }

    private static String numberOf(OriginateRequest request) {
        return request.channel().replaceAll("^PJSIP/|@trunk$", "");
    }

    /** Asterisk's Hangup event of the attempt's channel (its uniqueid is the channel id). */
    private AmiEvent hangup(String channelId) {
        return new AmiEvent("pbx", "Hangup", Map.of("Uniqueid", channelId, "Channel", "PJSIP/trunk-00000001",
                "Cause", "16"), clock.instant());
    }

    private static void freshCdr() {
        Fixtures.MARIADB.useHandle(h -> {
            h.execute("DROP TABLE IF EXISTS cdr");
            h.execute("CREATE TABLE cdr (uniqueid VARCHAR(150), disposition VARCHAR(45), start DATETIME)");
        });
    }

    /** Waits up to 10 s for what the dialler's outcome thread does later (a CDR looked for again). */
    private static final class TestWaits {
        static void until(java.util.function.BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not within 10 s");
                }
                Thread.sleep(50);
            }
        }
    }

    private void tick(Dialler dialler) throws Exception {
        dialler.tick();
        dialler.drain();
    }

    /** One round of one thread of {@link #together}. */
    private interface Round {
        void run(int thread, int round) throws Exception;
    }

    /**
     * Runs {@code rounds} rounds in each of {@code threads} threads, each round started by all of them at the same
     * moment (a barrier).
     *
     * @return what the rounds threw (a thread goes on with its next round), once every thread ended (60 s at most each)
     */
    private static List<Throwable> together(int threads, int rounds, Round round) throws InterruptedException {
        CyclicBarrier together = new CyclicBarrier(threads);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread running = new Thread(() -> {
                for (int r = 0; r < rounds; r++) {
                    try {
                        together.await();
                        round.run(thread, r);
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            });
            running.start();
            started.add(running);
        }
        for (Thread t : started) {
            t.join(60_000);
        }
        return failures;
    }

    @Test
    void neverMoreInFlightThanTheLimitNorMoreStartsPerSecondThanTheRate() throws Exception {
        Campaign campaign = campaignOf(12, 4, 2);
        Dialler dialler = dialler("a", manager);
        Map<String, Instant> started = new HashMap<>();
        List<Instant> starts = new ArrayList<>();
        Set<String> ended = new HashSet<>();
        int mostInFlight = 0;
        for (int step = 0; step < 400 && ended.size() < 12; step++) {
            tick(dialler);
            for (OriginateRequest request : manager.originates) {
                if (started.putIfAbsent(request.channelId(), clock.instant()) == null) {
                    starts.add(clock.instant());
                }
            }
            mostInFlight = Math.max(mostInFlight, started.size() - ended.size());
            // each call is answered and heard in full 1.5 s after it started
            for (Map.Entry<String, Instant> call : started.entrySet()) {
                if (!ended.contains(call.getKey()) && !clock.instant().isBefore(call.getValue().plusMillis(1500))) {
                    manager.respond(call.getKey(), true, OriginateReason.ANSWERED);
                    book.heard(call.getKey(), new HeardMessage(NumberOutcome.ANSWERED, 12_000, "", false));
                    dialler.onEvent(hangup(call.getKey()));
                    ended.add(call.getKey());
                }
            }
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(ended).as("every number called").hasSize(12);
        assertThat(manager.originates).extracting(DiallerTest::numberOf).doesNotHaveDuplicates();
        assertThat(mostInFlight).as("most calls in flight at once").isEqualTo(4);
        for (int i = 0; i + 2 < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i), starts.get(i + 2))).as("3 starts within a second at %s",
                    starts.get(i)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
        assertThat(book.progress(campaign.id()).done()).isEqualTo(12);
        assertThat(book.find(campaign.id()).orElseThrow().state()).isEqualTo(CampaignState.FINISHED);
    }

    @Test
    void aBusyNumberIsCalledAgainAfterTheBusyDelayWithANewChannelId() throws Exception {
        Campaign campaign = campaignOf(1, 1, 1);
        Dialler dialler = tickedOnce();
        assertThat(manager.originates).hasSize(1);
        manager.respond(manager.originates.get(0).channelId(), false, OriginateReason.BUSY);
        dialler.drain();
        clock.advance(Duration.ofMinutes(4));
        tick(dialler);
        assertThat(manager.originates).as("not before the busy delay").hasSize(1);
        clock.advance(Duration.ofMinutes(1));
        tick(dialler);
        assertThat(manager.originates).hasSize(2);
        assertThat(manager.originates.get(1).channelId()).isNotEqualTo(manager.originates.get(0).channelId());
        assertThat(book.results(campaign.id(), ResultQuery.page(0, 1)).rows().get(0).attempts()).isEqualTo(2);
    }

    /**
     * The notify application ends an attempt before its channel hangs up (the opt-out's thank-you still plays): the
     * call keeps its place in the in-flight limit until Asterisk's Hangup event, so the channels up never exceed it.
     */
    @Test
    void aCallHeardButStillOnTheLineKeepsItsPlaceInTheLimitUntilItHangsUp() throws Exception {
        campaignOf(2, 1, 5);
        Dialler dialler = tickedOnce();
        String first = manager.originates.get(0).channelId();
        manager.respond(first, true, OriginateReason.ANSWERED);
        book.heard(first, new HeardMessage(NumberOutcome.OPTED_OUT, 3_000, "9", false));
        clock.advance(Duration.ofSeconds(2));
        tick(dialler);
        assertThat(manager.originates).as("the first call is still on the line").hasSize(1);
        dialler.onEvent(new AmiEvent("pbx", "Hangup", Map.of("Uniqueid", "1764688400.17"), clock.instant()));
        dialler.drain();
        tick(dialler);
        assertThat(manager.originates).as("another channel's hang-up frees nothing").hasSize(1);
        dialler.onEvent(hangup(first));
        dialler.drain();
        clock.advance(Duration.ofSeconds(1));
        tick(dialler);
        assertThat(manager.originates).as("its hang-up frees the place").hasSize(2);
        assertThat(Fixtures.count("SELECT COUNT(*) FROM notify_attempt WHERE channel_id = ? AND hung_up_at IS NOT NULL",
                first)).isEqualTo(1);
    }

    /**
     * A node that dies after the application ended an attempt never gets its Hangup event: the node that goes on
     * reads the hang-up from the CDR row (written at hang-up), once a lease has passed, and the place is free again.
     */
    @Test
    void aHangUpMissedWhileTheNodeWasDownIsReadFromTheCdr() throws Exception {
        freshCdr();
        campaignOf(2, 1, 5);
        ScriptedManager killed = new ScriptedManager("pbx");
        tick(dialler("a", killed));
        String first = killed.originates.get(0).channelId();
        book.heard(first, new HeardMessage(NumberOutcome.ANSWERED, 3_000, "", false));
        ScriptedManager restarted = new ScriptedManager("pbx");
        Dialler b = dialler("b", restarted);
        clock.advance(Duration.ofSeconds(11));
        tick(b);
        assertThat(restarted.originates).as("no CDR row yet: the line may still be up").isEmpty();
        Fixtures.MARIADB.useHandle(h -> h.createUpdate("INSERT INTO cdr VALUES (?, 'ANSWERED', NOW())").bind(0, first)
                .execute());
        clock.advance(Duration.ofSeconds(1));
        tick(b);
        assertThat(restarted.originates).extracting(DiallerTest::numberOf).containsExactly("0600000001");
    }

    /**
     * The message is not on the PBX: the first answered call that cannot play it ends FAILED with its number due
     * again, and the campaign is paused, so no other customer is dialled into a silent call; the calls already in
     * flight end as they would.
     */
    @Test
    void aMessageThatCannotBePlayedPausesTheCampaignAndGivesTheNumberBack() throws Exception {
        Campaign campaign = campaignOf(5, 2, 10);
        Dialler dialler = tickedOnce();
        assertThat(manager.originates).hasSize(2);
        String silent = manager.originates.get(0).channelId();
        String other = manager.originates.get(1).channelId();

        book.messageUnplayable(silent, "custom/missing");

        assertThat(book.find(campaign.id()).orElseThrow().state()).isEqualTo(CampaignState.PAUSED);
        assertThat(Fixtures.count("SELECT COUNT(*) FROM notify_attempt WHERE channel_id = ? AND outcome = 'FAILED' "
                + "AND detail LIKE '%custom/missing%'", silent)).isEqualTo(1);
        assertThat(book.results(campaign.id(), new ResultQuery(Optional.of(NumberState.WAITING), Optional.empty(), 0,
                10)).rows()).as("the silent call's number and the three never dialled wait").hasSize(4);
        book.heard(other, new HeardMessage(NumberOutcome.ANSWERED, 1_000, "", false));
        clock.advance(Duration.ofSeconds(5));
        tick(dialler);
        assertThat(manager.originates).as("nobody dialled while paused").hasSize(2);
        book.messageUnplayable(other, "custom/missing"); // ended already: changes nothing
        assertThat(Fixtures.count("SELECT COUNT(*) FROM notify_attempt WHERE channel_id = ? AND outcome = 'ANSWERED'",
                other)).isEqualTo(1);

        dialler.onEvent(hangup(silent));
        dialler.onEvent(hangup(other));
        dialler.drain();
        book.resume(campaign.id(), "admin");
        clock.advance(Duration.ofSeconds(5));
        tick(dialler);
        assertThat(manager.originates).as("dialled again once resumed, the silent call's number among them")
                .hasSize(4);
    }

    /**
     * Asterisk 22 answers an Originate to a PJSIP number that replied 486 Busy Here with reason 0 (failed); the CDR
     * row of the channel says BUSY, and the number is retried by the busy rule, not given up as failed.
     */
    @Test
    void aFailedOriginateWhoseCdrSaysBusyIsRetriedAsBusy() throws Exception {
        freshCdr();
        Campaign campaign = campaignOf(2, 2, 2);
        Dialler dialler = tickedOnce();
        String busy = manager.originates.get(0).channelId();
        String failed = manager.originates.get(1).channelId();
        Fixtures.MARIADB.useHandle(h -> h.createUpdate("INSERT INTO cdr VALUES (?, 'BUSY', NOW())").bind(0, busy)
                .execute());
        manager.respond(busy, false, OriginateReason.FAILED);
        manager.respond(failed, false, OriginateReason.FAILED);
        dialler.drain();
        TestWaits.until(() -> Fixtures.count("SELECT COUNT(*) FROM notify_attempt WHERE ended_at IS NOT NULL") == 2);
        assertThat(Fixtures.count("SELECT COUNT(*) FROM notify_attempt WHERE channel_id = ? AND outcome = 'BUSY'",
                busy)).isEqualTo(1);
        assertThat(Fixtures.count("SELECT COUNT(*) FROM notify_attempt WHERE channel_id = ? AND outcome = 'FAILED'",
                failed)).as("no CDR row: failed").isEqualTo(1);
        assertThat(book.results(campaign.id(), new ResultQuery(Optional.of(NumberState.WAITING), Optional.empty(), 0,
                10)).rows()).extracting(r -> r.outcome().orElseThrow()).containsExactly(NumberOutcome.BUSY);
    }

    /**
     * Two calls of a campaign end at the same moment, each in its own AGI thread as in Karaf: each end locked its
     * number, then waited for the campaign's row (to finish the campaign when nothing is left) that the other held
     * while waiting for that number, and MariaDB's deadlock detection threw one of the outcomes away.
     */
    @Test
    void outcomesStoredAtTheSameMomentAreNeverLostToADeadlock() throws Exception {
        Campaign campaign = campaignOf(40, 40, 100);
        tickedOnce();
        List<String> attempts = manager.originates.stream().map(OriginateRequest::channelId).toList();
        assertThat(attempts).hasSize(40);
        List<Throwable> failures = together(2, attempts.size() / 2, (application, round) -> book.heard(
                attempts.get(2 * round + application), new HeardMessage(NumberOutcome.ANSWERED, 2_000, "", false)));
        assertThat(failures).as("outcomes the application could not store").isEmpty();
        assertThat(Fixtures.count("SELECT COUNT(*) FROM notify_attempt WHERE outcome = 'ANSWERED' AND detail = "
                + "'heard by the notify application'")).isEqualTo(40);
        assertThat(book.find(campaign.id()).orElseThrow().state()).isEqualTo(CampaignState.FINISHED);
    }

    @Test
    void aNumberPutOnTheDoNotCallListAfterTheImportIsNeverCalled() throws Exception {
        Campaign campaign = campaignOf(2, 5, 5);
        doNotCall.add("0600000001", "asked on the phone", "agent7");
        tickedOnce();
        assertThat(manager.originates).extracting(DiallerTest::numberOf).containsExactly("0600000000");
        assertThat(book.results(campaign.id(), new ResultQuery(Optional.of(NumberState.DO_NOT_CALL),
                Optional.empty(), 0, 10)).total()).isEqualTo(1);
    }

    @Test
    void twoDiallersOnOneDatabaseNeverCallTheSameNumber() throws Exception {
        campaignOf(30, 30, 30);
        ScriptedManager a = new ScriptedManager("pbx");
        ScriptedManager b = new ScriptedManager("pbx");
        Dialler first = dialler("a", a);
        Dialler second = dialler("b", b);
        List<Dialler> nodes = List.of(first, second);
        List<Throwable> failures = together(2, 5, (node, round) -> tick(nodes.get(node)));
        assertThat(failures).isEmpty();
        List<String> dialled = new ArrayList<>();
        a.originates.forEach(r -> dialled.add(numberOf(r)));
        b.originates.forEach(r -> dialled.add(numberOf(r)));
        assertThat(dialled).hasSize(30).doesNotHaveDuplicates();
        assertThat(Fixtures.count("SELECT COUNT(*) FROM notify_attempt")).isEqualTo(30);
    }

    @Test
    void aNodeThatStopsMidCallIsCheckedAgainstTheCdrAndItsAttemptIsNeverDialledAgain() throws Exception {
        freshCdr();
        campaignOf(2, 2, 2);
        ScriptedManager killed = new ScriptedManager("pbx");
        tick(dialler("a", killed)); // node a places both calls, then dies before any response
        assertThat(killed.originates).hasSize(2);
        String busy = killed.originates.get(0).channelId();
        Fixtures.MARIADB.useHandle(h -> h.createUpdate("INSERT INTO cdr VALUES (?, 'BUSY', NOW())").bind(0, busy)
                .execute());

        ScriptedManager restarted = new ScriptedManager("pbx");
        Dialler b = dialler("b", restarted);
        clock.advance(Duration.ofSeconds(5));
        tick(b);
        assertThat(restarted.originates).as("leases still held").isEmpty();
        clock.advance(Duration.ofSeconds(10));
        tick(b);
        assertThat(restarted.originates).as("the BUSY one waits for its delay; the other has no CDR row yet").isEmpty();
        assertThat(Fixtures.count("SELECT COUNT(*) FROM notify_attempt WHERE outcome = 'BUSY'")).isEqualTo(1);
        clock.advance(Duration.ofMinutes(5));
        tick(b);
        assertThat(restarted.originates).as("the busy number, its second attempt").hasSize(1);
        assertThat(restarted.originates.get(0).channelId()).isNotIn(busy, killed.originates.get(1).channelId());
        assertThat(Fixtures.count("SELECT COUNT(*) FROM notify_attempt WHERE outcome = 'LOST'"))
                .as("past the longest call without a CDR row: LOST").isEqualTo(1);
    }

    @Test
    void theOptOutKeyPutsTheNumberOnTheDoNotCallListAndEndsItOptedOut() throws Exception {
        Campaign campaign = campaignOf(1, 1, 1);
        tickedOnce();
        String attempt = manager.originates.get(0).channelId();
        assertThat(book.answered(attempt)).isPresent();
        book.heard(attempt, new HeardMessage(NumberOutcome.OPTED_OUT, 4_200, "9", false));
        book.heard(attempt, new HeardMessage(NumberOutcome.ANSWERED, 9_000, "", false)); // a replay: the first stays
        assertThat(doNotCall.contains("0600000000")).isTrue();
        var row = book.results(campaign.id(), ResultQuery.page(0, 1)).rows().get(0);
        assertThat(row.outcome()).contains(NumberOutcome.OPTED_OUT);
        assertThat(row.heardMillis()).isEqualTo(4_200);
        assertThat(row.keys()).isEqualTo("9");
        assertThat(book.answered(attempt)).as("ended").isEmpty();
    }

    @Test
    void aPausedCampaignPlacesNoNewCallAndItsCallInFlightEndsNormally() throws Exception {
        Campaign campaign = campaignOf(3, 1, 5);
        Dialler dialler = tickedOnce();
        book.pause(campaign.id(), "admin");
        manager.respond(manager.originates.get(0).channelId(), false, OriginateReason.NO_ANSWER);
        dialler.drain();
        clock.advance(Duration.ofSeconds(2));
        tick(dialler);
        assertThat(manager.originates).hasSize(1);
        assertThat(book.progress(campaign.id()).waiting()).as("the no-answer waits for its retry, two uncalled")
                .isEqualTo(3);
        book.resume(campaign.id(), "admin");
        tick(dialler);
        assertThat(manager.originates).hasSize(2);
    }
}
