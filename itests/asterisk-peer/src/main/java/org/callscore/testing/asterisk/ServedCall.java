package org.callscore.testing.asterisk;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.internal.DefaultAgiChannelFactory;
import org.asteriskjava.fastagi.internal.FastAgiConnectionHandler;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;
import org.asteriskjava.util.internal.ServerSocketFacadeImpl;

/**
 * An AGI application served over a real FastAGI connection, for unit tests: asterisk-java's own server socket,
 * connection handler and channel on one side, the scripted Asterisk peer (which answers every command with the lines
 * res_agi.c writes) on the other. The caller's keys and hang-up are set on the peer's builder. Only tests that have
 * asterisk-java use it (the bundle imports its packages optionally).
 */
public final class ServedCall {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** What the call did, and what the application threw. */
    public record Played(Outcome asterisk, Optional<AgiException> thrown) {

        /** @return the commands the application sent, without the library's own AJ_AGISTATUS bookkeeping */
        public List<String> commands() {
            return asterisk.commands().stream().filter(c -> !c.contains("AJ_AGISTATUS")).toList();
        }

        public String variable(String name) {
            return asterisk.variable(name);
        }
    }

    private ServedCall() {
    }

    public static Played play(AgiScript application, UnaryOperator<FastAgiCall.Builder> caller) throws Exception {
        return play(application, caller, asterisk -> asterisk.runToEnd(TIMEOUT));
    }

    /** @param drive plays Asterisk's side to the end (e.g. holds the call at a command, changes something, goes on) */
    public static Played play(AgiScript application, UnaryOperator<FastAgiCall.Builder> caller,
            Function<FastAgiCall, Outcome> drive) throws Exception {
        AgiException[] thrown = new AgiException[1];
        int port = freePort();
        ServerSocketFacade server = new ServerSocketFacadeImpl(port, 1, InetAddress.getLoopbackAddress());
        try {
            FastAgiCall asterisk = caller.apply(FastAgiCall.to(InetAddress.getLoopbackAddress().getHostAddress(),
                    port).channel("PJSIP/customer-00000001").uniqueId("1700000000.42")).connect();
            SocketConnectionFacade connection = server.accept();
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> new FastAgiConnectionHandler(
                    (request, channel) -> (r, c) -> {
                        try {
                            application.service(r, c);
                        } catch (AgiException e) {
                            thrown[0] = e; // kept for the test, not logged by the library as an error
                        }
                    }, connection, new DefaultAgiChannelFactory()).run()); // closes the connection at the end
            Outcome outcome = drive.apply(asterisk);
            served.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new Played(outcome, Optional.ofNullable(thrown[0]));
        } finally {
            server.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
