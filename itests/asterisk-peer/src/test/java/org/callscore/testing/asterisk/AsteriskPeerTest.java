package org.callscore.testing.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AsteriskPeerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger maxActive = new AtomicInteger();

    /** A survey: answer, ask for a rating, store it with the call's arg; counts concurrent sessions. */
    private void survey(TinyFastAgiServer.Session session) throws Exception {
        maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
        try {
            String callNumber = session.readEnvironment().stream().filter(line -> line.startsWith("agi_arg_1: "))
                    .findFirst().orElseThrow().substring("agi_arg_1: ".length());
            session.send("ANSWER");
            String rating = session.send("GET DATA \"rate\" 5000 1").substring("200 result=".length());
            session.send("SET VARIABLE \"CALL\" \"" + callNumber + "\"");
            session.send("SET VARIABLE \"RATING\" \"" + rating + "\"");
        } finally {
            active.decrementAndGet();
        }
    }

    @Test
    void runsTwoHundredCallsConcurrentlyEachWithItsOwnChannel() throws Exception {
        try (TinyFastAgiServer server = TinyFastAgiServer.start(this::survey)) {
            List<Outcome> outcomes = AsteriskPeer.runConcurrently(200,
                    i -> server.call().script("survey").arg(String.valueOf(i)).digits(String.valueOf(i % 10)), WAIT);
            server.awaitSessions(200, WAIT);

            assertThat(outcomes).hasSize(200);
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome outcome = outcomes.get(i);
                assertThat(outcome.agiStatus()).isEqualTo("SUCCESS");
                assertThat(outcome.variable("CALL")).isEqualTo(String.valueOf(i));
                assertThat(outcome.variable("RATING")).isEqualTo(String.valueOf(i % 10));
                assertThat(outcome.commands()).hasSize(4);
            }
            assertThat(outcomes).extracting(Outcome::uniqueId).doesNotHaveDuplicates();
        }
    }

    @Test
    void theBarrierProvesAllCallsAreInFlightTogether() throws Exception {
        try (TinyFastAgiServer server = TinyFastAgiServer.start(this::survey)) {
            List<Outcome> outcomes = AsteriskPeer.runConcurrentlyAllInFlight(200,
                    i -> server.call().arg(String.valueOf(i)).digits("5"), WAIT);
            server.awaitSessions(200, WAIT);

            assertThat(maxActive.get()).isEqualTo(200);
            assertThat(outcomes).hasSize(200).allSatisfy(outcome -> {
                assertThat(outcome.agiStatus()).isEqualTo("SUCCESS");
                assertThat(outcome.variable("RATING")).isEqualTo("5");
            });
        }
    }

    @Test
    void theBarrierReportsHowManyCallsGotTheirFirstCommand() throws Exception {
        Semaphore oneAtATime = new Semaphore(1);
        try (TinyFastAgiServer server = TinyFastAgiServer.start(session -> {
            if (!oneAtATime.tryAcquire(20, TimeUnit.SECONDS)) {
                return;
            }
            try {
                session.readEnvironment();
                session.send("ANSWER");
            } finally {
                oneAtATime.release();
            }
        })) {
            assertThatThrownBy(() -> AsteriskPeer.runConcurrentlyAllInFlight(5, i -> server.call(),
                    Duration.ofSeconds(2)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("1 of 5 calls had received their first FastAGI command"
                            + " when the barrier timed out after PT2S");
        }
    }

    @Test
    void aFailedCallIsNamedInTheError() throws Exception {
        try (TinyFastAgiServer server = TinyFastAgiServer.start(session -> {
            boolean silent = session.readEnvironment().contains("agi_arg_1: 3");
            if (silent) {
                session.readUntilClosed();
            } else {
                session.send("NOOP");
            }
        })) {
            assertThatThrownBy(() -> AsteriskPeer.runConcurrently(10, i -> server.call().arg(String.valueOf(i)),
                    Duration.ofSeconds(1)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("9 calls succeeded")
                    .hasMessageContaining("call 3: " + AgiTimeoutError.class.getName())
                    .hasMessageEndingWith("1 calls failed");
        }
    }

    @Test
    void refusesCallCountsOutsideItsBounds() {
        assertThatThrownBy(() -> AsteriskPeer.runConcurrently(0, i -> FastAgiCall.to("127.0.0.1", 1), WAIT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AsteriskPeer.runConcurrently(AsteriskPeer.MAX_CONCURRENT_CALLS + 1,
                i -> FastAgiCall.to("127.0.0.1", 1), WAIT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
