package org.callscore.itests.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.callscore.testing.asterisk.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Callbacks placed through the real Asterisk 22: CallScore's AMI connection (through a {@link TcpProxy} the test
 * can cut), the callback module's dialler, the shipped dialplan's agent-first context, sipp agent phones and one
 * sipp phone behind the trunk for every customer ({@link SippPhone}, which counts the dials each number gets). What
 * is checked is what the customer's phone saw (how many INVITEs) and what CallScore and Asterisk wrote (the
 * callback, its attempts, the CDR).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CallbackIT {

    /** A one-question survey: the site needs one to start; these tests (and VoicemailIT's) do not take it. */
    static final String SURVEY = String.join("\n", "queues = sales, support", "intro = beep",
            "invalid.key = beep", "thanks = beep", "question.1.id = overall", "question.1.prompt = beep", "");
    /** Asterisk's Manager port and the user CallScore logs in with, as itests/asterisk/etc/manager.conf has them. */
    private static final int AMI_PORT = 5038;
    private static final String AMI_USER = "callscore";
    private static final String AMI_SECRET = "callscore-test-ami";
    private static final int AGENT_PORT_BASE = 5080;
    private static final int CUSTOMER_PORT = 5090;
    private static final int MEDIA_PORT_BASE = 6200;
    /** The busy retry delay the test configures (the shortest the setting takes: it is in minutes). */
    private static final Duration BUSY_DELAY = Duration.ofMinutes(1);
    private static final Duration LEASE = Duration.ofSeconds(20);

    private TestSite site;
    private TcpProxy ami;
    private int amiProxyPort;
    private final List<SippPhone> phones = new ArrayList<>();

    @BeforeAll
    void startTheCallCentre() {
        site = TestSite.start(SURVEY);
        amiProxyPort = TestRuntime.freePort();
        ami = site.keep(new TcpProxy(amiProxyPort, AMI_PORT));
        try {
            ami.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        configure(site.node());
        TestSite.eventually("the callback tables migrated", Duration.ofSeconds(60),
                () -> !site.query("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
                        + "AND table_name = 'callback'").isEmpty());
        // callbacks an earlier, interrupted run left open would be dialled in this one and take its agents
        site.update("UPDATE callback SET state = 'CANCELLED' WHERE state IN ('SCHEDULED', 'DIALLING')");
    }

    @AfterAll
    void stopTheCallCentre() {
        hangUpPhones();
        if (site != null) {
            site.close();
        }
    }

    /** What every node needs: the AMI connection through the proxy, quick dialler rounds, short prompts. */
    private void configure(CallScoreNode node) {
        configure(node, amiProxyPort, "beep");
    }

    /**
     * A node's AMI connection to {@code amiPort}, quick dialler rounds, {@code agentPrompts} for the agent, beeps for
     * the callback application's questions (VoicemailIT's node too).
     */
    static void configure(CallScoreNode node, int amiPort, String agentPrompts) {
        Path secret = node.writeSecret("callscore-ami-pbx.secret", AMI_SECRET);
        node.configure("org.callscore.ami-pbx.cfg", Map.of("host", "127.0.0.1", "port", String.valueOf(amiPort),
                "username", AMI_USER, "secret.file", secret.toString(), "reconnect.max.seconds", "2"));
        // the shipped dial string as the shipped file writes it, in case Karaf's write-back raced this edit
        Map<String, String> dialler = Map.of("node", node.name(), "dial", "PJSIP/$\\\\{NUMBER}@trunk",
                "dial.interval.seconds", "1",
                "lease.seconds", String.valueOf(LEASE.toSeconds()), "agent.ring.seconds", "15",
                "customer.ring.seconds", "15", "agent.prompts", agentPrompts,
                "retry.busy.delay.minutes", String.valueOf(BUSY_DELAY.toMinutes()));
        // Karaf may write the configuration it read back into the file while this test edits it: until it holds
        TestSite.eventually("org.callscore.callback.cfg of " + node + " in force", Duration.ofSeconds(60), () -> {
            if (node.name().equals(node.setting("org.callscore.callback", "node"))
                    && "PJSIP/${NUMBER}@trunk".equals(node.setting("org.callscore.callback", "dial"))) {
                return true;
            }
            node.configure("org.callscore.callback.cfg", dialler);
            return false;
        });
        // every question of the capture a beep: the caller's keys then come at known times
        node.configure("org.callscore.agi.callback.cfg", Map.of("prompt.number", "beep", "prompt.confirm", "beep",
                "prompt.when", "beep", "prompt.thanks", "beep", "prompt.time", "beep"));
    }

    /** Agent phones for PJSIP/agentN (ports 508N) and the customers' phone behind the trunk (5090). */
    private Map<String, SippPhone> agents(int ringMs, int... numbers) {
        Map<String, SippPhone> started = new java.util.LinkedHashMap<>();
        for (int n : numbers) {
            started.put("agent" + n, phone("agent" + n, AGENT_PORT_BASE + n, ringMs, 15_000, 0));
        }
        return started;
    }

    private SippPhone customers(int busyTimes) {
        return phone("customer", CUSTOMER_PORT, 300, 2_000, busyTimes);
    }

    private SippPhone phone(String name, int port, int ringMs, int talkMs, int busyTimes) {
        SippPhone phone = SippPhone.start(site.repository(), site.work().resolve("phones"), name, port,
                MEDIA_PORT_BASE + 10 * phones.size(), ringMs, talkMs, busyTimes);
        phones.add(site.keep(phone)); // hung up with the site too, should the test JVM be stopped
        return phone;
    }

    /** Each test's phones hang up at its end (their ports are fixed); the next test starts its own. */
    private void hangUpPhones() {
        phones.forEach(SippPhone::close);
        phones.clear();
    }

    /** A number of this run only (rows of earlier runs stay in the database); 0486... numbers answer busy. */
    private static String newNumber(String prefix) {
        return prefix + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
    }

    /** {@code callback:request} on a node's console; returns the new callback's id. */
    private String request(CallScoreNode node, String queue, String number) {
        node.console("callback:request --reason e2e " + queue + " " + number);
        return idOf(number);
    }

    private String idOf(String number) {
        List<Map<String, Object>> rows = site.query("SELECT id FROM callback WHERE customer_number = ?", number);
        assertThat(rows).as("callbacks for %s", number).hasSize(1);
        return (String) rows.get(0).get("id");
    }

    private Map<String, Object> callback(String id) {
        return site.query("SELECT * FROM callback WHERE id = ?", id).get(0);
    }

    private List<Map<String, Object>> attempts(String id) {
        return site.query("SELECT * FROM callback_attempt WHERE callback_id = ? ORDER BY number", id);
    }

    /** A TIMESTAMP column as the driver returns it. */
    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant()
                : ((LocalDateTime) value).atZone(java.time.ZoneId.systemDefault()).toInstant();
    }

    private void awaitState(String id, String state, Duration patience) {
        TestSite.eventually("callback " + id + " " + state + " (now " + callback(id).get("state") + ", attempts "
                + attempts(id) + ")", patience, () -> state.equals(callback(id).get("state")));
    }

    /**
     * The first end-to-end line: a caller asks for a callback in the IVR (key 3 of the menu, the caller ID
     * confirmed with 1, "as soon as possible" with 1); an agent phone of the queue rings and answers, then the
     * customer's phone rings and answers; the attempt's outcome and the CDR legs name the callback's channel id.
     */
    @Test
    @Order(1)
    void aCallerRequestsACallbackInTheIvrAndIsCalledBackAgentFirst() throws IOException {
        site.writeMenuFile("callback", "agent = sales", "menu.main.prompt = beep", "menu.main.timeout.seconds = 8",
                "menu.main.key.1 = queue:sales", "menu.main.key.3 = goto:callscore-callback-request,sales,1");
        Map<String, SippPhone> agents = agents(500, 1, 2);
        SippPhone customers = customers(0);
        String caller = newNumber("07");
        try {
            // key 3 at 1.5 s (the menu); 1 at 10.5 s, once the caller ID is read back (8 digits take about 6.3 s,
            // keys during them are lost); 1 at 13 s: as soon as possible
            Shell.Result result = site.shell().run(Duration.ofMinutes(2), List.of("itests/asterisk/call", "-t", "60",
                    "-s", "106", caller + ";1500;3;1;1;2500;0;;9000"));
            assertThat(result.exitCode()).as("the caller followed its scenario:\n%s", Shell.tail(result.output()))
                    .isZero();
            String callerCdr = "SELECT DISTINCT uniqueid FROM cdr WHERE src = ? AND channel LIKE 'PJSIP/caller-%'";
            TestSite.eventually("the CDR of " + caller, Duration.ofSeconds(20),
                    () -> !site.query(callerCdr, caller).isEmpty());
            String callUniqueId = (String) site.query(callerCdr, caller).get(0).get("uniqueid");
            TestSite.eventually("the callback requested in call " + callUniqueId, Duration.ofSeconds(20),
                    () -> !site.query("SELECT id FROM callback WHERE call_uniqueid = ?", callUniqueId).isEmpty());
            String id = idOf(caller);
            Map<String, Object> requested = callback(id);
            assertThat(requested.get("call_uniqueid")).isEqualTo(callUniqueId);
            assertThat(requested.get("source")).isEqualTo("PHONE");
            assertThat(requested.get("queue")).isEqualTo("sales");
            assertThat(requested.get("asked_for")).as("as soon as possible").isNull();

            awaitState(id, "DONE", Duration.ofSeconds(90));
            List<Map<String, Object>> attempts = attempts(id);
            assertThat(attempts).hasSize(1);
            Map<String, Object> attempt = attempts.get(0);
            assertThat(attempt.get("outcome")).isEqualTo("ANSWERED");
            String channelId = (String) attempt.get("channel_id");
            assertThat(attempt.get("agent_uniqueid")).as("the agent's leg is the channel CallScore named")
                    .isEqualTo(channelId);
            assertThat(attempt.get("customer_uniqueid")).as("the customer's leg, from the dialplan's event")
                    .isNotNull().isNotEqualTo(channelId);
            // the CDR: the agent's leg (uniqueid = the channel id) that dialled the customer through the trunk
            TestSite.eventually("the CDR of attempt " + channelId, Duration.ofSeconds(20),
                    () -> !site.query("SELECT 1 FROM cdr WHERE uniqueid = ? AND dstchannel LIKE 'PJSIP/trunk-%'",
                            channelId).isEmpty());
            List<Map<String, Object>> legs = site.query("SELECT channel, dstchannel, disposition, linkedid FROM cdr "
                    + "WHERE uniqueid = ? AND dstchannel LIKE 'PJSIP/trunk-%'", channelId);
            assertThat(legs).extracting(row -> (String) row.get("channel")).allMatch(c -> c.startsWith("PJSIP/agent"));
            assertThat(legs).extracting(row -> row.get("disposition")).contains("ANSWERED");
            assertThat(legs).extracting(row -> row.get("linkedid")).containsOnly(channelId);
            assertThat(customers.dialsOf(caller)).as("the customer was dialled once").isEqualTo(1);
            assertThat(agents.values().stream().mapToInt(SippPhone::dialCount).sum()).as("one agent was rung")
                    .isEqualTo(1);
        } finally {
            hangUpPhones();
        }
    }

    /** The customer's line is busy (486) the first time: the callback is tried again after the busy delay. */
    @Test
    @Order(2)
    void aBusyCustomerIsCalledAgainAfterTheBusyDelay() {
        agents(300, 1, 2);
        SippPhone customers = customers(1);
        String number = newNumber("0486");
        try {
            String id = request(site.node(), "sales", number);
            awaitState(id, "DONE", BUSY_DELAY.plusSeconds(90));
            List<Map<String, Object>> attempts = attempts(id);
            assertThat(attempts).extracting(row -> row.get("outcome")).containsExactly("BUSY", "ANSWERED");
            Instant busyEnded = instant(attempts.get(0).get("ended_at"));
            Instant retried = instant(attempts.get(1).get("claimed_at"));
            assertThat(retried).as("the retry waited for the busy delay")
                    .isAfterOrEqualTo(busyEnded.plus(BUSY_DELAY).minusSeconds(1));
            assertThat(customers.dialsOf(number)).as("dialled twice: busy, then answered").isEqualTo(2);
        } finally {
            hangUpPhones();
        }
    }

    /**
     * Karaf is killed (SIGKILL) after it claimed a callback and while the agent's phone rings, before the
     * customer is dialled; Asterisk goes on with the call. The node that starts again must not dial the customer a
     * second time: the lapsed claim is checked against the CDR.
     */
    @Test
    @Order(3)
    void karafKilledBetweenTheClaimAndTheCustomersDialDialsTheCustomerOnce() {
        Map<String, SippPhone> agents = agents(6_000, 3, 4);
        SippPhone customers = customers(0);
        String number = newNumber("06");
        CallScoreNode node = site.node();
        try {
            String id = request(node, "support", number);
            TestSite.eventually("an agent of support rung for " + id, Duration.ofSeconds(30),
                    () -> agents.values().stream().mapToInt(SippPhone::dialCount).sum() > 0);
            assertThat(attempts(id)).as("claimed").hasSize(1);
            assertThat(customers.dialsOf(number)).as("not dialled yet when Karaf dies").isZero();
            node.kill();
            node.start();
            awaitState(id, "DONE", LEASE.plusSeconds(90));
            assertThat(customers.dialsOf(number)).as("the customer was dialled once").isEqualTo(1);
            assertThat(attempts(id)).as("no second attempt").hasSize(1);
        } finally {
            hangUpPhones();
        }
    }

    /**
     * The AMI connection is cut for 30 s (the proxy resets it and refuses new ones) while one callback's agent
     * rings, and another falls due during the cut: it waits, nothing is dialled twice, and once AMI is back the
     * events flow again (the second callback's outcome and customer leg come from them).
     */
    @Test
    @Order(4)
    void anAmiOutageOf30SecondsDialsNothingTwiceAndEventsResume() throws IOException, InterruptedException {
        Map<String, SippPhone> agents = agents(3_000, 1, 2);
        SippPhone customers = customers(0);
        String inFlight = newNumber("06");
        String dueDuringTheCut = newNumber("06");
        boolean cut = false;
        try {
            String first = request(site.node(), "sales", inFlight);
            TestSite.eventually("an agent rung for " + first, Duration.ofSeconds(30),
                    () -> agents.values().stream().mapToInt(SippPhone::dialCount).sum() > 0);
            ami.stop();
            cut = true;
            String second = request(site.node(), "sales", dueDuringTheCut);
            Thread.sleep(30_000); // the outage the scenario is about
            assertThat(customers.dialsOf(dueDuringTheCut)).as("nothing dialled without AMI").isZero();
            ami.start();
            cut = false;

            awaitState(second, "DONE", Duration.ofSeconds(90));
            Map<String, Object> attempt = attempts(second).get(0);
            assertThat(attempt.get("outcome")).isEqualTo("ANSWERED");
            assertThat(attempt.get("customer_uniqueid")).as("the dialplan's event after the outage").isNotNull();
            TestSite.eventually("the callback in flight during the cut settled", LEASE.plusSeconds(60),
                    () -> ((String) callback(first).get("state")).matches("DONE|FAILED"));
            assertThat(attempts(first)).as("the attempt cut off is not placed again").hasSize(1);
            assertThat(customers.dialsOf(inFlight)).as("the customer in flight was dialled once").isEqualTo(1);
            assertThat(customers.dialsOf(dueDuringTheCut)).as("the customer due during the cut, once").isEqualTo(1);
        } finally {
            if (cut) {
                ami.start();
            }
            hangUpPhones();
        }
    }

    /**
     * Two CallScore nodes on one database and one Asterisk, both dialling: 50 callbacks due at once (25 per queue,
     * four agents) are each dialled exactly once, counted by the customer's INVITEs.
     */
    @Test
    @Order(5)
    void twoNodesDialEachOf50DueCallbacksExactlyOnce() {
        CallScoreNode second = site.addNode("b");
        configure(second);
        agents(200, 1, 2, 3, 4);
        SippPhone customers = customers(0);
        List<String> numbers = new ArrayList<>();
        StringBuilder commands = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            String number = newNumber("05");
            numbers.add(number);
            commands.append(commands.length() == 0 ? "" : "; ").append("callback:request --reason e2e ")
                    .append(i % 2 == 0 ? "sales" : "support").append(' ').append(number);
        }
        try {
            site.node().console(commands.toString());
            List<String> ids = numbers.stream().map(this::idOf).collect(Collectors.toList());
            TestSite.eventually("all 50 callbacks done", Duration.ofMinutes(4), () -> site.query(
                    "SELECT id FROM callback WHERE id IN (" + "?,".repeat(49) + "?) AND state = 'DONE'",
                    ids.toArray()).size() == 50);
            Map<String, Set<String>> dials = customers.dials();
            for (String number : numbers) {
                assertThat(dials.getOrDefault(number, Set.of())).as("INVITEs to %s", number).hasSize(1);
            }
            Set<Object> nodes = new HashSet<>();
            for (String id : ids) {
                List<Map<String, Object>> attempts = attempts(id);
                assertThat(attempts).as("attempts of %s", id).hasSize(1);
                nodes.add(attempts.get(0).get("node"));
            }
            assertThat(nodes).as("both nodes placed callbacks").containsExactlyInAnyOrder("a", "b");
        } finally {
            hangUpPhones();
            second.stop();
        }
    }

    /**
     * Queue mode (mode.sales = queue): each callback waits in the real queue as a Local channel, and the dialler
     * never has more callbacks in flight than the queue has free agents. agent2 is paused, so one of the two
     * members is free: three callbacks due at once go one after the other, each customer reached once, each seen by
     * Asterisk's queue_log as a call of the queue that an agent took.
     */
    @Test
    @Order(6)
    void inQueueModeNoMoreCallbacksAreInFlightThanFreeAgentsAndEachCustomerIsReached() throws InterruptedException {
        CallScoreNode node = site.node();
        setQueueMode(node, "queue");
        Map<String, SippPhone> agents = agents(300, 1, 2);
        SippPhone customers = customers(0);
        pbx("queue pause member PJSIP/agent2 queue sales");
        List<String> numbers = List.of(newNumber("06"), newNumber("06"), newNumber("06"));
        AtomicInteger mostInFlight = new AtomicInteger();
        AtomicBoolean sampling = new AtomicBoolean(true);
        try {
            node.console(numbers.stream().map(n -> "callback:request --reason e2e sales " + n)
                    .collect(Collectors.joining("; ")));
            List<String> ids = numbers.stream().map(this::idOf).toList();
            String inFlight = "SELECT COUNT(*) AS n FROM callback_attempt WHERE callback_id IN (?,?,?) AND "
                    + "dialled_at IS NOT NULL AND ended_at IS NULL";
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    int now = ((Number) site.query(inFlight, ids.toArray()).get(0).get("n")).intValue();
                    mostInFlight.accumulateAndGet(now, Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "in-flight-sampler");
            sampler.start();
            try {
                TestSite.eventually("the three queue-mode callbacks done (" + ids.stream().map(id -> id + " "
                        + callback(id).get("state") + " " + attempts(id)).toList() + ")", Duration.ofMinutes(3),
                        () -> ids.stream().allMatch(id -> "DONE".equals(callback(id).get("state"))));
            } finally {
                sampling.set(false);
                sampler.join();
            }
            assertThat(mostInFlight.get()).as("callbacks in flight at once, with one free agent").isEqualTo(1);
            for (int i = 0; i < ids.size(); i++) {
                List<Map<String, Object>> attempts = attempts(ids.get(i));
                assertThat(attempts).as("attempts of %s", ids.get(i)).hasSize(1);
                Map<String, Object> attempt = attempts.get(0);
                assertThat(attempt.get("outcome")).isEqualTo("ANSWERED");
                assertThat((String) attempt.get("agent_interface")).as("placed into the queue").startsWith("Local/");
                // the half that waited in the queue has the attempt's channel id with -queue: queue_log names it
                String queued = attempt.get("channel_id") + "-queue";
                TestSite.eventually("queue_log of " + queued, Duration.ofSeconds(20), () -> site.query(
                        "SELECT event FROM queue_log WHERE callid = ? AND queuename = 'sales'", queued).size() >= 2);
                assertThat(site.query("SELECT event, agent FROM queue_log WHERE callid = ? AND queuename = 'sales'",
                        queued)).extracting(row -> row.get("event") + (row.get("event").equals("CONNECT") ? " "
                        + row.get("agent") : "")).contains("ENTERQUEUE", "CONNECT PJSIP/agent1");
                assertThat(customers.dialsOf(numbers.get(i))).as("the customer %s dialled once", numbers.get(i))
                        .isEqualTo(1);
            }
            assertThat(agents.get("agent2").dialCount()).as("the paused agent was never rung").isZero();
        } finally {
            sampling.set(false);
            pbx("queue unpause member PJSIP/agent2 queue sales");
            setQueueMode(node, "agent");
            hangUpPhones();
        }
    }

    private void setQueueMode(CallScoreNode node, String mode) {
        TestSite.eventually("mode.sales = " + mode + " in force", Duration.ofSeconds(60), () -> {
            if (mode.equals(node.setting("org.callscore.callback", "mode.sales"))) {
                return true;
            }
            node.configure("org.callscore.callback.cfg", Map.of("mode.sales", mode));
            return false;
        });
    }

    private void pbx(String command) {
        Shell.Result result = site.shell().run(Duration.ofMinutes(1), List.of("itests/asterisk/pbx", "cli", command));
        assertThat(result.exitCode()).as("pbx cli %s:\n%s", command, Shell.tail(result.output())).isZero();
    }
}
