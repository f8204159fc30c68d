package org.callscore.fastagi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.asteriskjava.fastagi.AgiScript;
import org.callscore.agi.server.FastAgiServer.Counter;
import org.callscore.testing.asterisk.AsteriskPeer;
import org.callscore.testing.asterisk.FastAgiCall;
import org.callscore.testing.asterisk.Outcome;
import org.callscore.testing.components.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server against the scripted Asterisk peer, over real sockets on the loopback interface. */
class FastAgiEngineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** Answers and says it ran, like ping without a database. */
    private static final AgiScript GREETER = (request, channel) -> {
        channel.answer();
        channel.setVariable("GREETED", request.getParameter("who"));
    };

    /** Asks for one keypad digit and thanks the caller, the way a survey question does. */
    private static final AgiScript ONE_QUESTION = (request, channel) -> {
        channel.answer();
        String digit = channel.getData("question-1", 5000, 1);
        channel.streamFile("thank-you"); // after a hang-up Asterisk answers 511: the library throws
        channel.setVariable("ANSWER", digit);
    };

    private final ApplicationRegistry applications = new ApplicationRegistry();
    private FastAgiEngine engine;
    private int port;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private void start(String allowedPeers, int maxThreads, int requestTimeoutSeconds, int idleWarningSeconds)
            throws InterruptedException {
        start(0, allowedPeers, maxThreads, requestTimeoutSeconds, idleWarningSeconds);
    }

    private void start(int fixedPort, String allowedPeers, int maxThreads, int requestTimeoutSeconds,
            int idleWarningSeconds) throws InterruptedException {
        start(ServerSettings.of("127.0.0.1", fixedPort, allowedPeers, maxThreads, 4096, requestTimeoutSeconds,
                idleWarningSeconds, 0, 0)); // no wait for a returning application, unless a test asks for one
    }

    private void start(ServerSettings settings) throws InterruptedException {
        engine = new FastAgiEngine(settings, applications);
        engine.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.listeningOn().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        port = engine.listeningOn().orElseThrow().getPort();
    }

    private void start() throws InterruptedException {
        start("127.0.0.1", 4000, 10, 3600);
    }

    private FastAgiCall.Builder call(String script) {
        return FastAgiCall.to("127.0.0.1", port).script(script);
    }

    @Test
    void runsTheApplicationNamedInTheUrlAndEndsWithSuccess() throws Exception {
        applications.add("greeter", 1, 0, GREETER);
        start();

        Outcome outcome = call("greeter?who=sales").connect().runToEnd(TIMEOUT);

        assertThat(outcome.agiStatus()).isEqualTo("SUCCESS");
        assertThat(outcome.variable("GREETED")).isEqualTo("sales");
        assertThat(outcome.commands()).first().isEqualTo("ANSWER");
        assertThat(engine.counters()).containsEntry(Counter.COMPLETED_SESSIONS, 1L)
                .containsEntry(Counter.FAILED_SESSIONS, 0L);
    }

    @Test
    void toleratesSlashesAroundTheName() throws Exception {
        applications.add("greeter", 1, 0, GREETER);
        start();

        assertThat(call("/greeter/?who=x").connect().runToEnd(TIMEOUT).variable("GREETED")).isEqualTo("x");
    }

    @Test
    void anUnknownApplicationEndsWithFailureAndIsLoggedOnce() throws Exception {
        start();
        LogCapture log = LogCapture.mark();

        Outcome first = call("survey").connect().runToEnd(TIMEOUT);
        Outcome second = call("survey").connect().runToEnd(TIMEOUT);

        assertThat(first.agiStatus()).isEqualTo("FAILURE");
        assertThat(second.agiStatus()).isEqualTo("FAILURE");
        assertThat(first.commands()).anyMatch(c -> c.startsWith("VERBOSE") && c.contains("no AGI application named survey"));
        String logged = log.since();
        assertThat(logged.lines().filter(l -> l.contains("No AGI application named 'survey'"))).hasSize(1);
        assertThat(engine.counters()).containsEntry(Counter.FAILED_SESSIONS, 2L);
    }

    @Test
    void anApplicationThatAppearsLaterIsServedAndOneThatGoesIsNot() throws Exception {
        start();
        assertThat(call("greeter").connect().runToEnd(TIMEOUT).agiStatus()).isEqualTo("FAILURE");

        applications.add("greeter", 7, 0, GREETER);
        assertThat(call("greeter").connect().runToEnd(TIMEOUT).agiStatus()).isEqualTo("SUCCESS");

        applications.remove("greeter", 7);
        assertThat(call("greeter").connect().runToEnd(TIMEOUT).agiStatus()).isEqualTo("FAILURE");
    }

    @Test
    void aNameWithForbiddenCharactersIsRefusedWithoutEchoingIt() throws Exception {
        start();

        Outcome outcome = call("..%0d%0aevil name").connect().runToEnd(TIMEOUT);

        assertThat(outcome.agiStatus()).isEqualTo("FAILURE");
        assertThat(outcome.commands()).noneMatch(c -> c.contains("evil"));
    }

    @Test
    void aCallerWhoHangsUpMidScriptEndsTheSessionWithoutAStackTrace() throws Exception {
        applications.add("question", 1, 0, ONE_QUESTION);
        start();
        LogCapture log = LogCapture.mark();

        FastAgiCall call = call("question").connect();
        assertThat(call.respondUntil(c -> c.startsWith("GET DATA"), TIMEOUT)).contains("question-1");
        call.hangup();
        Outcome outcome = call.runToEnd(TIMEOUT);

        assertThat(outcome.agiStatus()).isEqualTo("HANGUP");
        assertThat(outcome.variable("ANSWER")).as("the script stopped at the hang-up").isNull();
        String logged = log.since();
        assertThat(logged).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("ERROR");
        assertThat(engine.counters()).containsEntry(Counter.FAILED_SESSIONS, 0L)
                .containsEntry(Counter.COMPLETED_SESSIONS, 1L);
    }

    @Test
    void anApplicationThatThrowsEndsWithFailureAndTheServerGoesOn() throws Exception {
        applications.add("broken", 1, 0, (request, channel) -> {
            throw new IllegalStateException("bug in a module");
        });
        applications.add("greeter", 2, 0, GREETER);
        start();

        assertThat(call("broken").connect().runToEnd(TIMEOUT).agiStatus()).isEqualTo("FAILURE");
        assertThat(call("greeter").connect().runToEnd(TIMEOUT).agiStatus()).isEqualTo("SUCCESS");
    }

    @Test
    void refusesPeersThatAreNotAllowedBeforeReadingAnything() throws Exception {
        applications.add("greeter", 1, 0, GREETER);
        start("192.0.2.10, 10.0.0.0/8", 10, 10, 3600);

        Outcome outcome = call("greeter").connect().runToEnd(TIMEOUT);

        assertThat(outcome.commands()).isEmpty();
        assertThat(outcome.variable("GREETED")).isNull();
        assertThat(engine.counters()).containsEntry(Counter.REJECTED_PEERS, 1L)
                .containsEntry(Counter.COMPLETED_SESSIONS, 0L);
    }

    @Test
    void reportsMalformedRequestsAndKeepsServing() throws Exception {
        applications.add("greeter", 1, 0, GREETER);
        start("127.0.0.1", 10, 1, 3600);
        LogCapture log = LogCapture.mark();

        // no agi_request line
        call("greeter").environmentLines(List.of("agi_network: yes", "agi_channel: SIP/x", "")).connect()
                .runToEnd(TIMEOUT);
        // the peer goes quiet in the middle of the environment: the request timeout ends it
        try (Socket silent = new Socket("127.0.0.1", port)) {
            silent.getOutputStream().write("agi_network: yes\nagi_request: agi://x/greeter\n".getBytes());
            silent.setSoTimeout(5000);
            assertThat(silent.getInputStream().read()).as("server closes the connection").isEqualTo(-1);
        }
        Outcome good = call("greeter?who=after").connect().runToEnd(TIMEOUT);

        assertThat(good.variable("GREETED")).isEqualTo("after");
        assertThat(engine.counters()).containsEntry(Counter.MALFORMED_REQUESTS, 2L);
        assertThat(log.since()).contains("no agi_request line").contains("request timeout");
    }

    @Test
    void aSessionIdleLongerThanTheReadTimeoutIsNotCutOff() throws Exception {
        applications.add("question", 1, 0, ONE_QUESTION);
        start("127.0.0.1", 10, 10, 1); // the idle "timeout" is one second: it may only warn
        LogCapture log = LogCapture.mark();

        FastAgiCall call = call("question").connect();
        call.respondUntil(c -> c.startsWith("GET DATA"), TIMEOUT);
        Thread.sleep(3_000); // the caller thinks it over for three times the read timeout
        call.reply("200 result=4");
        Outcome outcome = call.runToEnd(TIMEOUT);

        assertThat(outcome.agiStatus()).isEqualTo("SUCCESS");
        assertThat(outcome.variable("ANSWER")).isEqualTo("4");
        assertThat(log.since()).contains("has waited 1 s for Asterisk; it stays open");
    }

    @Test
    void twoThousandSessionsAreServedAtTheSameTime() throws Exception {
        applications.add("greeter", 1, 0, GREETER);
        start();

        List<Outcome> outcomes = AsteriskPeer.runConcurrentlyAllInFlight(2000,
                i -> call("greeter?who=" + i).uniqueId("1700000000." + i), Duration.ofSeconds(120));

        assertThat(outcomes).hasSize(2000).allMatch(o -> o.agiStatus().equals("SUCCESS"));
        for (int i = 0; i < outcomes.size(); i++) {
            assertThat(outcomes.get(i).variable("GREETED")).isEqualTo(String.valueOf(i));
        }
    }

    @Test
    void sessionsBeyondTheThreadLimitWaitInsteadOfBeingDropped() throws Exception {
        applications.add("greeter", 1, 0, GREETER);
        start("127.0.0.1", 4, 10, 3600);

        List<Outcome> outcomes = AsteriskPeer.runConcurrently(300, i -> call("greeter?who=" + i), TIMEOUT);

        assertThat(outcomes).allMatch(o -> o.agiStatus().equals("SUCCESS"));
        assertThat(engine.counters()).containsEntry(Counter.COMPLETED_SESSIONS, 300L);
    }

    @Test
    void closingStopsNewCallsButLetsCallsInFlightFinish() throws Exception {
        CountDownLatch answered = new CountDownLatch(1);
        applications.add("question", 1, 0, (request, channel) -> {
            answered.countDown();
            ONE_QUESTION.service(request, channel);
        });
        // below the ephemeral range: a connect to a freed ephemeral port can connect to itself
        start(freePortBelowEphemeralRange(), "127.0.0.1", 10, 10, 3600);

        FastAgiCall inFlight = call("question").connect();
        inFlight.respondUntil(c -> c.startsWith("GET DATA"), TIMEOUT);
        engine.close();

        assertThat(engine.listeningOn()).isEmpty();
        // refused, or (in the instant the JDK defers the kernel's close) accepted and closed unserved
        assertThat(newCallIsNotServed()).isTrue();
        inFlight.reply("200 result=5");
        Outcome outcome = inFlight.runToEnd(TIMEOUT);
        assertThat(outcome.agiStatus()).isEqualTo("SUCCESS");
        assertThat(outcome.variable("ANSWER")).isEqualTo("5");
    }

    /** Waits for an application to come back for up to a minute: far longer than any test runs. */
    private void startHoldingCallsForReturningApplications(int returnSeconds, int waitSeconds)
            throws InterruptedException {
        start(ServerSettings.of("127.0.0.1", 0, "127.0.0.1", 4000, 4096, 10, 3600, returnSeconds, waitSeconds));
    }

    private void awaitHolding(String name, int calls) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (applications.holding(name) < calls && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(applications.holding(name)).as("calls held for " + name).isEqualTo(calls);
    }

    @Test
    void callsArrivingWhileAnApplicationIsUpdatedWaitForItsReturnAndAreServed() throws Exception {
        applications.add("greeter", 1, 0, GREETER);
        startHoldingCallsForReturningApplications(10, 60);
        LogCapture log = LogCapture.mark();

        applications.remove("greeter", 1); // the module's bundle stops for its update
        List<FastAgiCall> inTheGap = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inTheGap.add(call("greeter?who=gap" + i).connect());
        }
        awaitHolding("greeter", 5);
        applications.add("greeter", 2, 0, GREETER); // and its new instance registers

        for (int i = 0; i < 5; i++) {
            Outcome outcome = inTheGap.get(i).runToEnd(TIMEOUT);
            assertThat(outcome.agiStatus()).isEqualTo("SUCCESS");
            assertThat(outcome.variable("GREETED")).isEqualTo("gap" + i);
        }
        assertThat(engine.counters()).containsEntry(Counter.FAILED_SESSIONS, 0L)
                .containsEntry(Counter.COMPLETED_SESSIONS, 5L);
        assertThat(log.since().lines().filter(l -> l.contains("AGI application 'greeter' is back after")))
                .singleElement().asString().contains("5 call(s) waiting for it are served now");
    }

    @Test
    void aCallHeldForAnApplicationThatDoesNotComeBackGetsFailureOnce() throws Exception {
        applications.add("greeter", 1, 0, GREETER);
        startHoldingCallsForReturningApplications(10, 1);
        LogCapture log = LogCapture.mark();
        applications.remove("greeter", 1);

        Outcome first = call("greeter").connect().runToEnd(TIMEOUT);
        Outcome second = call("greeter").connect().runToEnd(TIMEOUT);

        assertThat(first.agiStatus()).isEqualTo("FAILURE");
        assertThat(second.agiStatus()).isEqualTo("FAILURE");
        assertThat(first.commands()).anyMatch(c -> c.contains("no AGI application named greeter"));
        assertThat(log.since().lines().filter(l -> l.contains("did not come back within 1.0 s"))).hasSize(1);
        assertThat(engine.counters()).containsEntry(Counter.FAILED_SESSIONS, 2L);
    }

    @Test
    void aNameNeverServedFailsAtOnceEvenWhenCallsMayWait() throws Exception {
        startHoldingCallsForReturningApplications(60, 60);

        // a wait would outlast the call's 20 s: FAILURE within it means no wait
        assertThat(call("nosuchapp").connect().runToEnd(TIMEOUT).agiStatus()).isEqualTo("FAILURE");
        assertThat(applications.holding("nosuchapp")).isZero();
    }

    @Test
    void withNoReturnWindowACallForAnApplicationThatWentFailsAtOnce() throws Exception {
        applications.add("greeter", 1, 0, GREETER);
        start(ServerSettings.of("127.0.0.1", 0, "127.0.0.1", 4000, 4096, 10, 3600, 0, 60));
        applications.remove("greeter", 1);

        assertThat(call("greeter").connect().runToEnd(TIMEOUT).agiStatus()).isEqualTo("FAILURE");
    }

    @Test
    void callsHeldWhenTheServerStopsGetFailureAtOnce() throws Exception {
        applications.add("greeter", 1, 0, GREETER);
        startHoldingCallsForReturningApplications(60, 60);
        applications.remove("greeter", 1);
        FastAgiCall held = call("greeter").connect();
        awaitHolding("greeter", 1);

        engine.close();
        applications.close(); // as the component does when it is deactivated or reconfigured

        Outcome outcome = held.runToEnd(TIMEOUT); // within 20 s, not after the 60 s wait
        assertThat(outcome.agiStatus()).isEqualTo("FAILURE");
        assertThat(applications.holding("greeter")).isZero();
    }

    private boolean newCallIsNotServed() {
        FastAgiCall call;
        try {
            call = call("question").connect();
        } catch (AssertionError refused) {
            return true;
        }
        Outcome outcome = call.runToEnd(TIMEOUT);
        return outcome.commands().isEmpty() && call.serverClosed();
    }

    private static int freePortBelowEphemeralRange() {
        for (int candidate = 20000 + (int) (ProcessHandle.current().pid() % 5000); candidate < 32000; candidate++) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket(candidate, 1,
                    java.net.InetAddress.getByName("127.0.0.1"))) {
                return candidate;
            } catch (java.io.IOException taken) {
                // try the next one
            }
        }
        throw new IllegalStateException("no free port in 20000..32000");
    }

    @Test
    void aTakenPortIsRetriedAndReported() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            engine = new FastAgiEngine(ServerSettings.of("127.0.0.1", taken.getLocalPort(), "127.0.0.1", 10, 10, 10,
                    0, 0, 0), applications);
            engine.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (engine.problem().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(engine.listeningOn()).isEmpty();
            assertThat(engine.problem()).get().asString().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

}
