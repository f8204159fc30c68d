package org.callscore.fastagi.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.asteriskjava.fastagi.AgiScript;
import org.callscore.testing.asterisk.AsteriskPeer;
import org.callscore.testing.asterisk.FastAgiCall;
import org.callscore.testing.asterisk.Outcome;

/**
 * Prints the FastAGI server's figures: session latency, throughput with concurrent callers, and the
 * memory and threads of thousands of sessions held open at once. Run with {@code ./callscore bench}.
 * Server and scripted Asterisk share one JVM and the machine's cores, so figures are a lower bound.
 */
public final class FastAgiBenchmark {

    /** What ping does on the wire, without a database: ANSWER and two SET VARIABLEs. */
    private static final AgiScript PING_LIKE = (request, channel) -> {
        channel.answer();
        channel.setVariable("CALLSCORE_VERSION", "bench");
        channel.setVariable("CALLSCORE_DATABASE", "UP");
    };

    private FastAgiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sequential = Integer.getInteger("bench.sequential", 5_000);
        int callers = Integer.getInteger("bench.callers", 50);
        int concurrentTotal = Integer.getInteger("bench.total", 20_000);
        int held = Integer.getInteger("bench.held", 2_000);

        ApplicationRegistry applications = new ApplicationRegistry();
        applications.add("ping", 1, 0, PING_LIKE);
        FastAgiEngine engine = new FastAgiEngine(ServerSettings.of("127.0.0.1", 0, "127.0.0.1", 4000, 4096, 10, 0, 0, 0),
                applications);
        engine.start();
        while (engine.listeningOn().isEmpty()) {
            Thread.sleep(10);
        }
        int port = engine.listeningOn().get().getPort();
        System.out.printf("CallScore FastAGI benchmark: %d cores, Java %s, max heap %d MiB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);

        run(port, 500); // warm-up
        List<Long> latencies = run(port, sequential);
        Collections.sort(latencies);
        long total = latencies.stream().mapToLong(Long::longValue).sum();
        System.out.printf("sequential sessions: %d, %.0f sessions/s, latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                sequential, sequential / (total / 1e9), at(latencies, 0.50), at(latencies, 0.99),
                latencies.get(latencies.size() - 1) / 1e6);

        ExecutorService pool = Executors.newFixedThreadPool(callers);
        long started = System.nanoTime();
        List<Future<List<Long>>> work = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            work.add(pool.submit(() -> run(port, concurrentTotal / callers)));
        }
        List<Long> concurrent = new ArrayList<>();
        for (Future<List<Long>> future : work) {
            concurrent.addAll(future.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Collections.sort(concurrent);
        System.out.printf("%d concurrent callers: %d sessions in %.1f s, %.0f sessions/s, latency p50 %.2f ms, "
                + "p99 %.2f ms%n", callers, concurrent.size(), seconds, concurrent.size() / seconds,
                at(concurrent, 0.50), at(concurrent, 0.99));

        long heapBefore = usedHeapAfterGc();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long heldStart = System.nanoTime();
        List<Outcome> outcomes = AsteriskPeer.runConcurrentlyAllInFlight(held,
                i -> FastAgiCall.to("127.0.0.1", port).script("ping"), Duration.ofMinutes(5));
        System.out.printf("%d sessions held open at once: all served (%d SUCCESS) in %.1f s%n", held,
                outcomes.stream().filter(o -> o.agiStatus().equals("SUCCESS")).count(),
                (System.nanoTime() - heldStart) / 1e9);
        System.out.printf("  threads before %d; heap used after GC before %d MiB, after %d MiB%n",
                threadsBefore, heapBefore >> 20, usedHeapAfterGc() >> 20);
        engine.close();
    }

    private static List<Long> run(int port, int sessions) {
        List<Long> latencies = new ArrayList<>(sessions);
        for (int i = 0; i < sessions; i++) {
            long start = System.nanoTime();
            Outcome outcome = FastAgiCall.to("127.0.0.1", port).script("ping").connect()
                    .runToEnd(Duration.ofSeconds(30));
            latencies.add(System.nanoTime() - start);
            if (!outcome.agiStatus().equals("SUCCESS")) {
                throw new IllegalStateException("session ended with " + outcome.agiStatus());
            }
        }
        return latencies;
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * quantile))) / 1e6;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
