package org.callscore.testing.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.callscore.testing.asterisk.TinyFastAgiServer.WAIT;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** How a session starts, is driven by hand, and ends. */
class SessionTest {

    private final List<String> wire = Collections.synchronizedList(new ArrayList<>());

    @Test
    void aFailureLineEndsTheAgiWithFailureAndAsteriskHangsUpTheSocket() throws Exception {
        FastAgiCall call = TinyFastAgiServer.oneCall(UnaryOperator.identity(), session -> {
            wire.add(session.send("ANSWER"));
            session.write("FAILURE: could not run script\n");
            wire.addAll(session.readUntilClosed());
        });

        assertThat(call.outcome().agiStatus()).isEqualTo("FAILURE");
        assertThat(call.outcome().commands()).containsExactly("ANSWER");
        assertThat(wire).containsExactly("200 result=0", "HANGUP");
        assertThat(call.serverClosed()).isFalse();
    }

    @Test
    void failureIsMatchedOnItsFirstSevenLettersInAnyCase() throws Exception {
        FastAgiCall call = TinyFastAgiServer.oneCall(UnaryOperator.identity(), session -> {
            session.write("failureXYZ\n");
            wire.addAll(session.readUntilClosed());
        }, live -> assertThat(live.nextCommand(WAIT)).isNull());

        assertThat(call.outcome().agiStatus()).isEqualTo("FAILURE");
        assertThat(call.outcome().commands()).isEmpty();
        assertThat(call.nextCommand(WAIT)).isNull();
    }

    @Test
    void failureAfterAHangupStillReportsFailure() throws Exception {
        Outcome outcome = TinyFastAgiServer.oneCall(UnaryOperator.identity(), session -> {
            wire.add(session.send("HANGUP"));
            wire.add(session.readLine());
            session.write("FAILURE\n");
            wire.addAll(session.readUntilClosed());
        }).outcome();

        assertThat(wire).containsExactly("200 result=1", "HANGUP", "HANGUP");
        assertThat(outcome.agiStatus()).isEqualTo("FAILURE");
    }

    @Test
    void aServerThatClosesEndsTheAgiWithSuccess() throws Exception {
        FastAgiCall call = TinyFastAgiServer.oneCall(UnaryOperator.identity(), session -> {
            wire.add(session.send("NOOP"));
            session.shutdownOutput();
            wire.addAll(session.readUntilClosed());
        });

        assertThat(call.outcome().agiStatus()).isEqualTo("SUCCESS");
        assertThat(call.serverClosed()).isTrue();
        assertThat(wire).containsExactly("200 result=0", "HANGUP");
    }

    @Test
    void bytesLeftWithoutANewlineStillMakeACommand() throws Exception {
        Outcome outcome = TinyFastAgiServer.oneCall(UnaryOperator.identity(), session -> {
            session.write("NOOP");
            session.shutdownOutput();
            wire.addAll(session.readUntilClosed());
        }).outcome();

        assertThat(outcome.commands()).containsExactly("NOOP");
        assertThat(wire).containsExactly("200 result=0", "HANGUP");
    }

    @Test
    void aLineLongerThanAsterisksBufferIsCutIntoTwoCommands() throws Exception {
        String text = "a".repeat(3000);
        Outcome outcome = TinyFastAgiServer.oneCall(UnaryOperator.identity(), session -> {
            session.write("VERBOSE \"" + text + "\" 1\n");
            wire.add(session.readLine());
            wire.add(session.readLine());
        }).outcome();

        assertThat(outcome.commands()).hasSize(2);
        assertThat(outcome.commands().get(0)).hasSize(2047).startsWith("VERBOSE \"aaa");
        assertThat(wire).containsExactly("200 result=1", "510 Invalid or unknown command");
    }

    @Test
    void drivenByHandTheTestWritesEachReply() throws Exception {
        FastAgiCall call = TinyFastAgiServer.oneCall(UnaryOperator.identity(), session -> {
            wire.add(session.send("GET VARIABLE \"CALLERID(num)\""));
            wire.add(session.send("NOOP"));
        }, live -> {
            assertThat(live.nextCommand(WAIT)).isEqualTo("GET VARIABLE \"CALLERID(num)\"");
            assertThatThrownBy(() -> live.nextCommand(WAIT)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("CALLERID(num)");
            live.reply("200 result=1 (+4930)");
            assertThat(live.nextCommand(WAIT)).isEqualTo("NOOP");
            live.reply("200 result=0");
            assertThat(live.nextCommand(WAIT)).isNull();
            assertThatThrownBy(() -> live.reply("200 result=0")).isInstanceOf(IllegalStateException.class);
        });

        assertThat(wire).containsExactly("200 result=1 (+4930)", "200 result=0");
        assertThat(call.outcome().replies()).containsExactly("200 result=1 (+4930)", "200 result=0");
    }

    @Test
    void respondUntilHoldsTheCallAtTheChosenCommand() throws Exception {
        Outcome outcome = TinyFastAgiServer.oneCall(UnaryOperator.identity(), session -> {
            wire.add(session.send("ANSWER"));
            wire.add(session.send("STREAM FILE \"q1\" \"\""));
            wire.add(session.send("GET DATA \"rate\" 5000 1"));
            wire.add(session.send("SET VARIABLE \"SCORE\" \"3\""));
        }, live -> {
            String held = live.respondUntil(command -> command.startsWith("GET DATA"), WAIT);

            assertThat(held).isEqualTo("GET DATA \"rate\" 5000 1");
            assertThat(wire).containsExactly("200 result=0", "200 result=0 endpos=8000");
            live.reply("200 result=3");
            live.runToEnd(WAIT);
        }).outcome();

        assertThat(wire).endsWith("200 result=3", "200 result=1");
        assertThat(outcome.variable("SCORE")).isEqualTo("3");
    }

    @Test
    void respondUntilFailsWhenTheSessionEndsFirst() throws Exception {
        try (TinyFastAgiServer server = TinyFastAgiServer.start(session -> {
            session.readEnvironment();
            session.send("ANSWER");
        })) {
            FastAgiCall call = server.call().connect();

            assertThatThrownBy(() -> call.respondUntil(command -> command.startsWith("GET DATA"), WAIT))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("ended (AGISTATUS=SUCCESS)")
                    .hasMessageContaining("[ANSWER]");
        }
    }

    @Test
    void aSilentServerTimesOutWithAClearMessage() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (TinyFastAgiServer server = TinyFastAgiServer.start(session -> {
            session.readEnvironment();
            session.write("ANSW");
            done.await(10, TimeUnit.SECONDS);
        })) {
            FastAgiCall call = server.call().uniqueId("1700000000.7").connect();
            long start = System.nanoTime();

            assertThatThrownBy(() -> call.nextCommand(Duration.ofMillis(300)))
                    .isInstanceOf(AgiTimeoutError.class)
                    .hasMessageContaining("call 1700000000.7")
                    .hasMessageContaining("no command from the FastAGI server within PT0.3S")
                    .hasMessageContaining("received without a newline: \"ANSW\"");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(250L, 5000L);
            done.countDown();
            call.close();
        }
    }

    @Test
    void closeDropsTheConnectionWithoutAnotherByte() throws Exception {
        CountDownLatch environmentRead = new CountDownLatch(1);
        FastAgiCall call = TinyFastAgiServer.oneCall(UnaryOperator.identity(), session -> {
            environmentRead.countDown();
            wire.addAll(session.readUntilClosed());
        }, live -> {
            assertThat(environmentRead.await(10, TimeUnit.SECONDS)).isTrue();
            live.close();
        });

        assertThat(wire).isEmpty();
        assertThat(call.ended()).isTrue();
        assertThatThrownBy(() -> call.nextCommand(WAIT)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aRefusedConnectionFailsClearly() throws Exception {
        // A port bound by a socket that does not listen: refused, and the peer cannot connect to itself on it.
        try (Socket reserved = new Socket()) {
            reserved.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = reserved.getLocalPort();

            assertThatThrownBy(() -> FastAgiCall.to("127.0.0.1", port).uniqueId("1.1").connect())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("call 1.1: cannot connect to the FastAGI server at 127.0.0.1:" + port);
        }
    }
}
