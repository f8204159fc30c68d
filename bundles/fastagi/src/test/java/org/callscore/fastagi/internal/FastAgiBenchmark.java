package org.callscore.fastagi.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * CallScore's FastAGI server against raw asterisk-java 3.41 side by side, in one run: each server in its own JVM
 * ({@link BenchServer}), both driven by the same load generator ({@code agi-load}, C, one epoll thread) in
 * alternating rounds, so a machine loaded by other work slows both alike and the ratios stay meaningful.
 * Run with {@code ./callscore bench}; prints per round and at the end the ratios CallScore / raw of throughput,
 * p99 latency and server CPU per session at 1, 50 and 200 callers and for held sessions, then each server's
 * threads during a steady load after a burst of held sessions.
 * <p>
 * System properties: {@code bench.load} (the load generator), {@code bench.rounds} (6), {@code bench.seconds}
 * per measurement (4), {@code bench.held} (2000), {@code bench.steady.rate} (100/s), {@code bench.steady.seconds}
 * (130), {@code bench.callscore.opts} (extra JVM options for CallScore's server, e.g. a flight recording).
 */
public final class FastAgiBenchmark {

    private static final int[] CALLERS = {1, 50, 200};
    private static final long CLOCK_TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

    private final String load = System.getProperty("bench.load", "bundles/fastagi/target/agi-load");
    private final int rounds = Integer.getInteger("bench.rounds", 6);
    private final int seconds = Integer.getInteger("bench.seconds", 4);
    private final int held = Integer.getInteger("bench.held", 2000);
    private final int steadyRate = Integer.getInteger("bench.steady.rate", 100);
    private final int steadySeconds = Integer.getInteger("bench.steady.seconds", 130);
    /** Ratios CallScore / raw per measure, one per round. */
    private final Map<String, List<Double>> ratios = new LinkedHashMap<>();

    private FastAgiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        new FastAgiBenchmark().run();
    }

    private void run() throws Exception {
        try (Server callscore = Server.start("callscore", System.getProperty("bench.callscore.opts", ""));
                Server raw = Server.start("raw", "")) {
            System.out.printf("FastAGI side by side: CallScore (pid %d) and raw asterisk-java 3.41 (pid %d); "
                    + "%d cores, Java %s; %d rounds of %d s per measure, alternating which server goes first%n",
                    callscore.pid(), raw.pid(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), rounds, seconds);
            for (Server server : List.of(callscore, raw)) { // JIT warm-up, not counted
                measure(server, "closed", 50, seconds);
                measure(server, "held", 200, 0);
            }
            for (int round = 1; round <= rounds; round++) {
                List<Server> order = round % 2 == 1 ? List.of(callscore, raw) : List.of(raw, callscore);
                for (int callers : CALLERS) {
                    compare(round, callers + " callers", order, "closed", callers, seconds);
                }
                compare(round, held + " held", order, "held", held, 0);
            }
            System.out.println();
            System.out.println("Ratios CallScore / raw over " + rounds + " rounds: median (min-max). Throughput "
                    + "above 1 and p99 and CPU per session below 1 are CallScore ahead.");
            ratios.forEach((measure, values) -> {
                List<Double> sorted = new ArrayList<>(values);
                Collections.sort(sorted);
                System.out.printf("  %-32s %.2f (%.2f-%.2f)%n", measure, median(sorted), sorted.get(0),
                        sorted.get(sorted.size() - 1));
            });
            threadsAfterBurst(callscore, raw);
        }
    }

    private void compare(int round, String label, List<Server> order, String mode, int callers, int duration)
            throws Exception {
        Map<String, Result> results = new LinkedHashMap<>();
        for (Server server : order) {
            results.put(server.kind(), measure(server, mode, callers, duration));
        }
        Result ours = results.get("callscore");
        Result raw = results.get("raw");
        System.out.printf("round %d, %-12s callscore: %s%n", round, label, ours);
        System.out.printf("round %d, %-12s raw:       %s%n", round, label, raw);
        ratio(label + ": throughput", ours.perSecond() / raw.perSecond());
        ratio(label + ": p99 latency", ours.p99Millis() / raw.p99Millis());
        ratio(label + ": CPU per session", ours.cpuMicrosPerSession() / raw.cpuMicrosPerSession());
    }

    private void ratio(String measure, double value) {
        ratios.computeIfAbsent(measure, m -> new ArrayList<>()).add(value);
    }

    private Result measure(Server server, String mode, int callers, int duration) throws Exception {
        long cpuBefore = server.cpuTicks();
        List<String> command = new ArrayList<>(List.of(load, String.valueOf(server.port()), mode,
                String.valueOf(callers)));
        if (duration > 0) {
            command.add(String.valueOf(duration));
        }
        Map<String, String> figures = runLoad(command);
        long cpuTicks = server.cpuTicks() - cpuBefore;
        return new Result(figures, cpuTicks);
    }

    private static Map<String, String> runLoad(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("load generator did not end: " + command);
        }
        Map<String, String> figures = new LinkedHashMap<>();
        for (String field : output.lines().reduce((a, b) -> b).orElse("").split(" ")) {
            int equals = field.indexOf('=');
            if (equals > 0) {
                figures.put(field.substring(0, equals), field.substring(equals + 1));
            }
        }
        if (!figures.containsKey("sessions")) {
            throw new IllegalStateException("load generator said: " + output);
        }
        return figures;
    }

    /** Both servers at once: a burst of held sessions, then a steady rate; their threads as it goes on. */
    private void threadsAfterBurst(Server callscore, Server raw) throws Exception {
        System.out.println();
        System.out.printf("Threads: a burst of %d held sessions, then %d sessions/s for %d s (both servers at "
                + "once, each its own load generator)%n", held, steadyRate, steadySeconds);
        List<Server> both = List.of(callscore, raw);
        Map<String, Integer> before = new LinkedHashMap<>();
        for (Server server : both) {
            before.put(server.kind(), server.threads());
        }
        List<Process> bursts = new ArrayList<>();
        for (Server server : both) {
            bursts.add(new ProcessBuilder(load, String.valueOf(server.port()), "held", String.valueOf(held))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        Map<String, Integer> peak = new LinkedHashMap<>();
        while (bursts.stream().anyMatch(Process::isAlive)) {
            for (Server server : both) {
                peak.merge(server.kind(), server.threads(), Math::max);
            }
            Thread.sleep(50);
        }
        List<Process> steady = new ArrayList<>();
        for (Server server : both) {
            steady.add(new ProcessBuilder(load, String.valueOf(server.port()), "rate", String.valueOf(steadyRate),
                    String.valueOf(steadySeconds)).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        long start = System.nanoTime();
        Map<String, StringBuilder> samples = new LinkedHashMap<>();
        for (int at = 0; at <= Math.min(120, steadySeconds); at += 30) {
            long wait = start + TimeUnit.SECONDS.toNanos(at) - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            for (Server server : both) {
                samples.computeIfAbsent(server.kind(), k -> new StringBuilder())
                        .append(String.format(" %d s: %d;", at, server.threads()));
            }
        }
        for (Process process : steady) {
            process.waitFor();
        }
        for (Server server : both) {
            System.out.printf("  %-9s before %d, peak in the burst %d, under steady load%s%n", server.kind(),
                    before.get(server.kind()), peak.get(server.kind()), samples.get(server.kind()));
        }
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private record Result(Map<String, String> figures, long cpuTicks) {

        long sessions() {
            return Long.parseLong(figures.get("sessions"));
        }

        double perSecond() {
            return Double.parseDouble(figures.get("per_second"));
        }

        double p99Millis() {
            return Double.parseDouble(figures.get("p99_ms"));
        }

        double cpuMicrosPerSession() {
            return cpuTicks * 1e6 / CLOCK_TICKS_PER_SECOND / Math.max(1, sessions());
        }

        @Override
        public String toString() {
            return String.format("%d sessions (%s bad), %.0f/s, p50 %s ms, p99 %s ms, max %s ms, CPU %.0f us/session",
                    sessions(), figures.get("bad"), perSecond(), figures.get("p50_ms"), figures.get("p99_ms"),
                    figures.get("max_ms"), cpuMicrosPerSession());
        }
    }

    /** A server JVM, its pid, port, CPU time and threads as /proc shows them. */
    private record Server(String kind, Process process, int port) implements AutoCloseable {

        static Server start(String kind, String extraOptions) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xms256m", "-Xmx1g"));
            if (!extraOptions.isBlank()) {
                command.addAll(List.of(extraOptions.trim().split("\\s+")));
            }
            command.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                    System.getProperty("java.class.path"), BenchServer.class.getName(), kind));
            Path log = Path.of("bundles/fastagi/target/bench-" + kind + ".log");
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.startsWith("PORT ")) { // e.g. a flight recording says it started
                line = out.readLine();
            }
            if (line == null || !line.startsWith("PORT ")) {
                throw new IllegalStateException(kind + " server did not start; see " + log);
            }
            return new Server(kind, process, Integer.parseInt(line.substring(5).trim()));
        }

        long pid() {
            return process.pid();
        }

        /** utime + stime of the whole JVM, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
        long cpuTicks() throws IOException {
            String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        int threads() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.substring(8).trim());
                }
            }
            throw new IllegalStateException("no thread count for " + pid());
        }

        @Override
        public void close() throws Exception {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
