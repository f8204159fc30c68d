package org.callscore.fastagi.internal;

import org.asteriskjava.fastagi.AgiScript;

/**
 * CallScore's FastAGI server (the engine its component runs) serving one application, for benchmarks of other
 * modules that want the real server without Karaf. Settings as {@code FastAgiBenchmark}'s: loopback only, up to
 * 4,000 session threads.
 */
public final class BenchServer implements AutoCloseable {

    private final FastAgiEngine engine;

    public BenchServer(String application, AgiScript script) throws InterruptedException {
        ApplicationRegistry applications = new ApplicationRegistry();
        applications.add(application, 1, 0, script);
        engine = new FastAgiEngine(ServerSettings.of("127.0.0.1", 0, "127.0.0.1", 4000, 4096, 10, 0, 0, 0),
                applications);
        engine.start();
        while (engine.listeningOn().isEmpty()) {
            Thread.sleep(10);
        }
    }

    public int port() {
        return engine.listeningOn().orElseThrow().getPort();
    }

    @Override
    public void close() {
        engine.close();
    }
}
