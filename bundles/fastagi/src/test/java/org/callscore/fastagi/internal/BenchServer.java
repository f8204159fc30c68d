package org.callscore.fastagi.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;

/**
 * One server of the side-by-side benchmark, in its own JVM: {@code callscore} (CallScore's engine with the
 * component's defaults) or {@code raw} (asterisk-java 3.41's {@code DefaultAgiServer} with its defaults, its pool's
 * maximum raised so that 2,000 held sessions fit). Both serve {@link #PING_LIKE}. Prints {@code PORT n}, then
 * serves until its standard input closes.
 */
public final class BenchServer {

    /** What ping does on the wire, without a database: ANSWER and two SET VARIABLEs. */
    static final AgiScript PING_LIKE = (request, channel) -> {
        channel.answer();
        channel.setVariable("CALLSCORE_VERSION", "bench");
        channel.setVariable("CALLSCORE_DATABASE", "UP");
    };

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        int port;
        AutoCloseable server;
        if (args.length == 1 && args[0].equals("callscore")) {
            ApplicationRegistry applications = new ApplicationRegistry();
            applications.add("ping", 1, 0, PING_LIKE);
            // the component's defaults (threads.max 4000, backlog 1024, request 10 s, idle warning 3600 s)
            FastAgiEngine engine = new FastAgiEngine(ServerSettings.of("127.0.0.1", 0, "127.0.0.1", 4000, 1024, 10,
                    3600, 10, 5), applications);
            engine.start();
            while (engine.listeningOn().isEmpty()) {
                Thread.sleep(10);
            }
            port = engine.listeningOn().get().getPort();
            server = engine;
        } else if (args.length == 1 && args[0].equals("raw")) {
            port = freePort();
            DefaultAgiServer raw = new DefaultAgiServer(PING_LIKE);
            raw.setAddress(InetAddress.getLoopbackAddress());
            raw.setPort(port);
            raw.setMaximumPoolSize(4000); // its default 500 closes the 501st held session
            Thread accept = new Thread(() -> {
                try {
                    raw.startup();
                } catch (IOException e) {
                    e.printStackTrace();
                    System.exit(2);
                }
            }, "raw-acceptor");
            accept.setDaemon(true);
            accept.start();
            awaitListening(port);
            server = raw::shutdown;
        } else {
            throw new IllegalArgumentException("usage: BenchServer callscore|raw");
        }
        System.out.println("PORT " + port);
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the benchmark closes our standard input
        }
        server.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            try (java.net.Socket probe = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                return; // the raw server serves this probe as a malformed request and goes on
            } catch (IOException notYet) {
                Thread.sleep(10);
            }
        }
        throw new IllegalStateException("raw server not listening on " + port);
    }
}
