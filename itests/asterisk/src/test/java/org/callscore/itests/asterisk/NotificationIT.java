package org.callscore.itests.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A notification campaign through the real Asterisk 22 (issue 15's first "done when"): 30 customers behind the test
 * PBX's trunk, all on one sipp phone ({@link SippPhone}, {@code sipp/phone.xml}) that counts the INVITEs each number
 * gets. Some answer, some are busy the first time (0486...), some never answer (0487...), one keys the opt-out key
 * (0489...), one is put on the do-not-call list after the import, one lives in a zone where the campaign's daily
 * hours are closed. While it runs the test counts the PBX's trunk channels; in the middle Karaf is killed (SIGKILL)
 * with calls up and started again. What is checked is what the customers' phone saw and what CallScore and
 * Asterisk wrote: nobody dialled more often than their attempts were dialled, the busy ones again after the delay,
 * every outcome recorded, never more channels up than the in-flight limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationIT {

    private static final int AMI_PORT = 5038;
    private static final int CUSTOMER_PORT = 5090;
    private static final int MEDIA_PORT = 6700;
    private static final int MAX_IN_FLIGHT = 4;
    /** The busy retry delay: the campaign's retry rules take seconds. */
    private static final Duration BUSY_DELAY = Duration.ofSeconds(15);
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final String CAMPAIGN = "e2e-" + Long.toString(System.currentTimeMillis(), 36);

    private TestSite site;
    private SippPhone customers;

    @BeforeAll
    void startTheCallCentre() {
        site = TestSite.start(CallbackIT.SURVEY);
        CallScoreNode node = site.node();
        CallbackIT.configure(node, AMI_PORT, "beep");
        // answering-machine detection off (sipp's silence would be a machine), short rings and leases
        Map<String, String> dialler = Map.of("node", node.name(), "dial", "PJSIP/$\\\\{NUMBER}@trunk", "amd", "false",
                "ring.seconds", "5", "lease.seconds", String.valueOf(LEASE.toSeconds()), "dial.interval.millis", "200");
        TestSite.eventually("org.callscore.notify.cfg in force", Duration.ofSeconds(60), () -> {
            if ("false".equals(node.setting("org.callscore.notify", "amd"))
                    && "PJSIP/${NUMBER}@trunk".equals(node.setting("org.callscore.notify", "dial"))
                    && "5".equals(node.setting("org.callscore.notify", "ring.seconds"))) {
                return true;
            }
            node.configure("org.callscore.notify.cfg", dialler);
            return false;
        });
        node.configure("org.callscore.agi.notify.cfg", Map.of("key.seconds", "2"));
        TestSite.eventually("the notify tables migrated", Duration.ofSeconds(60),
                () -> !site.query("SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() "
                        + "AND table_name = 'notify_attempt' AND column_name = 'hung_up_at'").isEmpty());
        // what an earlier, interrupted run left would be dialled in this one
        site.update("UPDATE notify_campaign SET state = 'STOPPED' WHERE state IN ('RUNNING', 'PAUSED')");
        site.update("UPDATE callback SET state = 'CANCELLED' WHERE state IN ('SCHEDULED', 'DIALLING')");
        customers = site.keep(SippPhone.start(site.repository(), site.work().resolve("phones"), "customer",
                CUSTOMER_PORT, MEDIA_PORT, 300, 15_000, 5));
    }

    @AfterAll
    void stopTheCallCentre() {
        if (customers != null) {
            customers.close();
        }
        if (site != null) {
            site.close();
        }
    }

    private static String number(String prefix, Set<String> taken) {
        while (true) {
            String n = prefix + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
            if (taken.add(n)) {
                return n;
            }
        }
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant()
                : ((LocalDateTime) value).atZone(ZoneId.systemDefault()).toInstant();
    }

    /** The trunk channels Asterisk has up: the campaign's calls (nothing else uses the trunk in this test). */
    private int trunkChannels() {
        Shell.Result result = site.shell().run(Duration.ofSeconds(30), List.of("itests/asterisk/pbx", "cli",
                "core show channels concise"));
        if (result.exitCode() != 0) {
            throw new AssertionError("pbx cli core show channels: exit " + result.exitCode());
        }
        return (int) result.output().lines().filter(line -> line.contains("PJSIP/trunk-")).count();
    }

    private Map<String, Object> numberRow(String campaignId, String number) {
        List<Map<String, Object>> rows = site.query("SELECT * FROM notify_number WHERE campaign_id = ? AND number = ?",
                campaignId, number);
        assertThat(rows).as("the row of %s", number).hasSize(1);
        return rows.get(0);
    }

    private List<Map<String, Object>> attempts(String campaignId, String number) {
        return site.query("SELECT a.* FROM notify_attempt a JOIN notify_number n ON n.id = a.number_id WHERE "
                + "n.campaign_id = ? AND n.number = ? ORDER BY a.attempt", campaignId, number);
    }

    private static List<Map<String, Object>> dialled(List<Map<String, Object>> attempts) {
        return attempts.stream().filter(a -> a.get("dialled_at") != null).toList();
    }

    @Test
    @Order(1)
    void aCampaignOf30CustomersRunsInItsWindowWithinItsLimitAndSurvivesAKarafKill() throws Exception {
        Set<String> taken = new LinkedHashSet<>();
        String optOut = number("0489", taken);
        List<String> busy = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            busy.add(number("0486", taken));
        }
        List<String> silent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            silent.add(number("0487", taken));
        }
        List<String> answer = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            answer.add(number("06", taken));
        }
        String listedAfterImport = number("06", taken);
        String listedBefore = number("06", taken);
        String closedZoneNumber = number("06", taken);

        // the window: two hours around now in a zone where it is about noon; the closed customer's zone 6 h off
        int offset = 12 - LocalTime.now(ZoneOffset.UTC).getHour();
        ZoneId campaignZone = ZoneId.of(offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+")
                + Math.abs(offset));
        int closedOffset = offset - 6 >= -12 ? offset - 6 : offset + 6;
        String closedZone = "Etc/GMT" + (closedOffset > 0 ? "-" : "+") + Math.abs(closedOffset);
        LocalTime local = LocalTime.now(campaignZone);
        LocalTime from = local.minusHours(2).withSecond(0).withNano(0);
        LocalTime until = local.plusHours(2).withSecond(0).withNano(0);
        LocalDate today = LocalDate.now(campaignZone);

        StringBuilder csv = new StringBuilder("number,name,zone,account\n");
        List<String> rows = new ArrayList<>();
        rows.add(optOut + ",Opt Out,,A-1");
        busy.forEach(n -> rows.add(n + ",Busy,,A-2"));
        for (int i = 0; i < 18; i++) {
            rows.add(answer.get(i) + ",Answers " + i + ",,A-3");
            if (i == 1) {
                silent.forEach(n -> rows.add(n + ",Never answers,,A-4"));
                rows.add(listedAfterImport + ",Listed later,,A-5");
                rows.add(listedBefore + ",Listed before,,A-6");
                rows.add(closedZoneNumber + ",Asleep," + closedZone + ",A-7");
                rows.add("not-a-number,Bad,,A-8");
                rows.add(answer.get(0) + ",Duplicate,,A-9");
            }
        }
        rows.forEach(r -> csv.append(r).append('\n'));
        Path file = site.work().resolve("notify-customers.csv");
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        file.toFile().setReadable(true, false);

        CallScoreNode node = site.node();
        site.console("notify:dnc --reason e2e add " + listedBefore);
        String created = site.console("notify:create --name " + CAMPAIGN + " --message sound:beep --first-day "
                + today.minusDays(1) + " --last-day " + today.plusDays(1) + " --from " + from + " --until " + until
                + " --zone " + campaignZone.getId() + " --max-in-flight " + MAX_IN_FLIGHT + " --rate 2 --key-opt-out 9"
                + " --retry-busy " + BUSY_DELAY.toSeconds() + "sx2");
        assertThat(created).as("notify:create").contains("Created " + CAMPAIGN);
        String imported = site.console("notify:import " + CAMPAIGN + " " + file);
        // lines: 1 the header, 2 the opt-out, 3-7 busy, 8-9 answer, 10-13 silent, 14 listed later, 15 listed before,
        // 16 the closed zone, 17 bad, 18 a duplicate of line 8, 19-34 answer
        assertThat(imported).as("notify:import").contains("30 added, 1 bad, 1 duplicates merged, 1 on the "
                + "do-not-call list").contains("line 17: ").contains("line 18: duplicate of line 8")
                .contains("line 15: on the do-not-call list");
        String campaignId = (String) site.query("SELECT id FROM notify_campaign WHERE name = ?", CAMPAIGN).get(0)
                .get("id");
        assertThat(((Number) site.query("SELECT COUNT(*) AS n FROM notify_number WHERE campaign_id = ?", campaignId)
                .get(0).get("n")).intValue()).as("the customers imported").isEqualTo(30);
        site.console("notify:dnc --reason e2e add " + listedAfterImport);

        AtomicInteger mostChannels = new AtomicInteger();
        AtomicInteger samples = new AtomicInteger();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                try {
                    mostChannels.accumulateAndGet(trunkChannels(), Math::max);
                    samples.incrementAndGet();
                } catch (RuntimeException | AssertionError e) {
                    // Asterisk busy answering: the next sample counts
                }
            }
        }, "trunk-channel-sampler");
        Instant started = Instant.now();
        site.console("notify:start " + CAMPAIGN);
        sampler.start();
        String settled = "SELECT COUNT(*) AS n FROM notify_number WHERE campaign_id = ? AND state IN ('WAITING', "
                + "'IN_FLIGHT') AND number <> ?";
        List<String> inFlightAtKill;
        Instant killed;
        try {
            // Karaf dies with calls up, once the opt-out has been heard and a third of the numbers are done
            TestSite.eventually("a third of the campaign done, calls up", Duration.ofMinutes(2), () -> {
                int ended = ((Number) site.query("SELECT COUNT(*) AS n FROM notify_attempt WHERE campaign_id = ? AND "
                        + "ended_at IS NOT NULL", campaignId).get(0).get("n")).intValue();
                int up = ((Number) site.query("SELECT COUNT(*) AS n FROM notify_attempt WHERE campaign_id = ? AND "
                        + "dialled_at IS NOT NULL AND ended_at IS NULL", campaignId).get(0).get("n")).intValue();
                return ended >= 10 && up > 0 && "OPTED_OUT".equals(numberRow(campaignId, optOut).get("outcome"));
            });
            inFlightAtKill = site.query("SELECT channel_id FROM notify_attempt WHERE campaign_id = ? AND dialled_at IS "
                    + "NOT NULL AND ended_at IS NULL", campaignId).stream().map(r -> (String) r.get("channel_id"))
                    .toList();
            killed = Instant.now();
            node.kill();
            node.start();
            TestSite.eventually("every number but the closed zone's called to its end", Duration.ofMinutes(3),
                    () -> ((Number) site.query(settled, campaignId, closedZoneNumber).get(0).get("n")).intValue() == 0,
                    () -> site.query("SELECT number, state, outcome, attempts FROM notify_number WHERE campaign_id = ? "
                            + "AND state IN ('WAITING', 'IN_FLIGHT')", campaignId).toString());
            TestSite.eventually("every channel of the campaign hung up", Duration.ofSeconds(30),
                    () -> trunkChannels() == 0);
        } finally {
            sampling.set(false);
            sampler.join(30_000);
        }
        Duration took = Duration.between(started, Instant.now());

        // never more channels up than the limit, and the limit was used
        assertThat(samples.get()).as("channel counts taken").isGreaterThan(10);
        assertThat(mostChannels.get()).as("most trunk channels up at once (limit %d), over %s", MAX_IN_FLIGHT, took)
                .isLessThanOrEqualTo(MAX_IN_FLIGHT).isGreaterThanOrEqualTo(2);

        // nobody is dialled more often than their attempts were dialled: no attempt twice, across the kill
        Map<String, Set<String>> dials = customers.dials();
        for (String n : taken) {
            int dialledAttempts = n.equals(listedBefore) ? 0 : dialled(attempts(campaignId, n)).size();
            assertThat(dials.getOrDefault(n, Set.of())).as("INVITEs to %s (its dialled attempts: %d)", n,
                    dialledAttempts).hasSize(dialledAttempts);
        }
        assertThat(inFlightAtKill).as("calls up when Karaf was killed").isNotEmpty();
        for (String channelId : inFlightAtKill) {
            Map<String, Object> attempt = site.query("SELECT * FROM notify_attempt WHERE channel_id = ?", channelId)
                    .get(0);
            assertThat(attempt.get("ended_at")).as("attempt %s ended", channelId).isNotNull();
            // by the CDR once its lease ran out; or the call reached the restarted node's application; or it ended
            // in the instant before the kill
            assertThat((String) attempt.get("detail")).as("how attempt %s, up at the kill, ended", channelId)
                    .matches(d -> d.startsWith("CDR: ") || d.startsWith("heard by")
                            || instant(attempt.get("ended_at")).isBefore(killed));
        }

        for (String n : answer) {
            Map<String, Object> row = numberRow(campaignId, n);
            assertThat(row.get("state")).as("state of %s", n).isEqualTo("DONE");
            assertThat(row.get("outcome")).as("outcome of %s", n).isEqualTo("ANSWERED");
            assertThat(dials.getOrDefault(n, Set.of())).as("INVITEs to %s", n).hasSize(1);
        }
        assertThat(answer.stream().filter(n -> ((Number) numberRow(campaignId, n).get("heard_ms")).longValue() > 0)
                .count()).as("customers who heard the message to the end, kill or not").isGreaterThanOrEqualTo(10);
        for (String n : busy) {
            List<Map<String, Object>> tries = dialled(attempts(campaignId, n));
            assertThat(tries).as("dialled attempts of %s", n).extracting(a -> a.get("outcome"))
                    .containsExactly("BUSY", "ANSWERED");
            assertThat(instant(tries.get(1).get("claimed_at"))).as("the retry of %s waited for the busy delay", n)
                    .isAfterOrEqualTo(instant(tries.get(0).get("ended_at")).plus(BUSY_DELAY).minusSeconds(1));
            assertThat(numberRow(campaignId, n).get("state")).isEqualTo("DONE");
        }
        for (String n : silent) {
            Map<String, Object> row = numberRow(campaignId, n);
            assertThat(row.get("outcome")).as("outcome of %s", n).isEqualTo("NO_ANSWER");
            assertThat(row.get("state")).as("no retry rule for no answer: %s failed", n).isEqualTo("FAILED");
            assertThat(dials.getOrDefault(n, Set.of())).as("INVITEs to %s", n).hasSize(1);
        }
        Map<String, Object> opted = numberRow(campaignId, optOut);
        assertThat(opted.get("state")).isEqualTo("DONE");
        assertThat(opted.get("outcome")).isEqualTo("OPTED_OUT");
        assertThat((String) opted.get("pressed")).isEqualTo("9");
        assertThat(site.query("SELECT added_by FROM notify_do_not_call WHERE number = ?", optOut))
                .extracting(r -> r.get("added_by")).containsExactly("phone");

        // the do-not-call list: never dialled, listed before the import (skipped) or after it (at dial time)
        assertThat(numberRow(campaignId, listedAfterImport).get("state")).isEqualTo("DO_NOT_CALL");
        assertThat(attempts(campaignId, listedAfterImport)).isEmpty();
        assertThat(dials.getOrDefault(listedAfterImport, Set.of())).isEmpty();
        assertThat(site.query("SELECT 1 FROM notify_number WHERE number = ?", listedBefore)).isEmpty();
        assertThat(dials.getOrDefault(listedBefore, Set.of())).isEmpty();

        // the window: the customer whose hours are closed waits for their opening; every call was inside it
        Map<String, Object> asleep = numberRow(campaignId, closedZoneNumber);
        assertThat(asleep.get("state")).isEqualTo("WAITING");
        assertThat(attempts(campaignId, closedZoneNumber)).isEmpty();
        assertThat(instant(asleep.get("due_at"))).as("due at the next opening in %s", closedZone).isAfter(Instant.now());
        assertThat(instant(asleep.get("due_at")).atZone(ZoneId.of(closedZone)).toLocalTime()).isEqualTo(from);
        for (Map<String, Object> a : site.query("SELECT dialled_at FROM notify_attempt WHERE campaign_id = ? AND "
                + "dialled_at IS NOT NULL", campaignId)) {
            LocalTime at = instant(a.get("dialled_at")).atZone(campaignZone).toLocalTime();
            assertThat(at).as("a dial inside the daily hours").isBetween(from, until);
        }

        // every outcome recorded, and the console says so
        assertThat(site.query("SELECT channel_id FROM notify_attempt WHERE campaign_id = ? AND (ended_at IS NULL OR "
                + "outcome IS NULL)", campaignId)).as("attempts without an outcome").isEmpty();
        assertThat(site.console("notify:progress " + CAMPAIGN)).as("notify:progress")
                .contains("total 30, done 24, in flight 0, waiting 1, failed 5");
        site.console("notify:stop " + CAMPAIGN);
        assertThat(numberRow(campaignId, closedZoneNumber).get("state")).as("stopped: never called")
                .isEqualTo("NOT_CALLED");
        System.out.printf("NotificationIT: campaign ran %s, %d channel counts, at most %d trunk channels, %d calls up "
                + "at the kill%n", took, samples.get(), mostChannels.get(), inFlightAtKill.size());
    }

    /**
     * A message the PBX does not have: the first answered call cannot play it, so the campaign is paused there and
     * nobody else is dialled into a silent call; that customer's number waits for the campaign to be resumed.
     */
    @Test
    @Order(2)
    void aMessageThePbxCannotPlayPausesItsCampaignAfterTheFirstAnsweredCall() throws Exception {
        Set<String> taken = new LinkedHashSet<>();
        List<String> numbers = new ArrayList<>();
        StringBuilder csv = new StringBuilder("number,name\n");
        for (int i = 0; i < 4; i++) {
            numbers.add(number("06", taken));
            csv.append(numbers.get(i)).append(",Customer ").append(i).append('\n');
        }
        Path file = site.work().resolve("notify-silent.csv");
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        file.toFile().setReadable(true, false);
        String name = CAMPAIGN + "-silent";
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(site.console("notify:create --name " + name + " --message sound:callscore-e2e/not-on-this-pbx "
                + "--first-day " + today.minusDays(1) + " --last-day " + today.plusDays(1) + " --from 00:00 --until "
                + "23:59 --zone UTC --max-in-flight 1 --rate 1")).contains("Created " + name);
        assertThat(site.console("notify:import " + name + " " + file)).contains(": 4 added, ");
        long logFrom = site.karafLogSize();

        site.console("notify:start " + name);

        TestSite.eventually("the campaign paused", Duration.ofMinutes(1), () -> "PAUSED".equals(site.query(
                "SELECT state FROM notify_campaign WHERE name = ?", name).get(0).get("state")));
        Thread.sleep(3_000); // the dialler runs every 200 ms: a paused campaign would have dialled by now
        String campaignId = (String) site.query("SELECT id FROM notify_campaign WHERE name = ?", name).get(0).get("id");
        List<Map<String, Object>> dialled = site.query("SELECT n.number, a.outcome, a.detail FROM notify_attempt a "
                + "JOIN notify_number n ON n.id = a.number_id WHERE a.campaign_id = ? AND a.dialled_at IS NOT NULL",
                campaignId);
        assertThat(dialled).as("one customer dialled, then the campaign paused").hasSize(1);
        assertThat(dialled.get(0).get("outcome")).isEqualTo("FAILED");
        assertThat((String) dialled.get(0).get("detail")).contains("callscore-e2e/not-on-this-pbx");
        assertThat(numbers.stream().mapToInt(customers::dialsOf).sum()).as("the customers' phone rang once")
                .isEqualTo(1);
        assertThat(numberRow(campaignId, (String) dialled.get(0).get("number")).get("state")).isEqualTo("WAITING");
        assertThat(site.karafLog(logFrom)).contains("campaign " + name + " paused: its message");
        site.console("notify:stop " + name);
    }
}
