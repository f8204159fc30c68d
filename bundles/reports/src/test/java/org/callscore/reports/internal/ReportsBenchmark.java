package org.callscore.reports.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.callscore.reports.ReportGroup;
import org.callscore.reports.ReportQuery;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code ./callscore bench-reports [rows]}: generates a realistic queue_log of N rows (default 10,000,000) in
 * MariaDB (-Dbench.db.url, default database callscore_bench) and
 * <ol>
 * <li>rebuilds the sums from it (rows/s), then checks every daily and hourly figure against the figures the
 * generator computed itself from the calls it made (an independent path: MATCH or DIFFER), and prints a digest of
 * the figures (the same digest before and after a change of ingestion means the same sums);</li>
 * <li>the steady state: appends N/10 more rows (-Dbench.steady.rows) and ingests them (rows/s), checks again;</li>
 * <li>the latency from a queue_log row written to its call counted in the sums, with rows written at 1,000 rows/s
 * (-Dbench.latency.rate, 10 rows every 10 ms) for 30 s (-Dbench.latency.seconds) while ingestion runs every
 * second (-Dbench.latency.interval.millis, the shortest ingest.interval.seconds), p50 and p99; checks again;</li>
 * <li>the latency of a month's report (by day, by agent, in one row) over several runs.</li>
 * </ol>
 * The generated site: 5 queues, 40 agents, a call every 1-9 s; per call ENTERQUEUE, 0-2 RINGNOANSWER, then 80 %
 * answered (CONNECT, COMPLETEAGENT/CALLER, 3 % of them blind-transferred), 12 % abandoned, 5 % timed out, 3 % key;
 * plus PAUSE/UNPAUSE. About 3.8 rows per call.
 */
public final class ReportsBenchmark {

    private static final String TABLE = "bench_queue_log";
    /** the reports_daily figures, in the order of its columns after the key */
    private static final String FIGURES = "offered, answered, answered_in_sl, abandoned, short_abandoned, timed_out, "
            + "exited_key, exited_empty, other_exits, transferred, wait_sum, wait_max, answered_wait_sum, talk_sum, "
            + "ring_no_answer, fcr_eligible, repeated";
    private static final int OFFERED = 0, ANSWERED = 1, IN_SL = 2, ABANDONED = 3, SHORT = 4, TIMED_OUT = 5, KEY = 6,
            TRANSFERRED = 9, WAIT_SUM = 10, WAIT_MAX = 11, ANSWERED_WAIT = 12, TALK = 13, RNA = 14, FCR = 15,
            REPEATED = 16, COUNT = 17;

    private ReportsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        Jdbi jdbi = Jdbi.create(System.getProperty("bench.db.url", "jdbc:mariadb://127.0.0.1:3306/callscore_bench"),
                System.getProperty("bench.db.user", "callscore_test"),
                System.getProperty("bench.db.password", "callscore_test"));
        Settings settings = new Settings(ZoneId.of("Europe/Berlin"), ZoneOffset.UTC, 20, Map.of(), 5,
                Duration.ofHours(168), 10, Map.of(), Set.of(), "solved");
        // -Dbench.reuse=true: the queue_log of an earlier run of the same size is read again (its figures are
        // generated again, not its rows), to compare two builds of ingestion on the same rows one after the other;
        // the rows that run's later phases appended are removed first, so that the sums are checked against them
        boolean reuse = Boolean.getBoolean("bench.reuse") && reusable(jdbi);
        Set<String> phases = Set.of(System.getProperty("bench.phases", "rebuild,steady,latency,reports").split(","));
        Site site = new Site(settings);
        if (!reuse) {
            ReportsSchema.recreate(jdbi, TABLE);
        }
        long start = System.nanoTime();
        site.generate(reuse ? null : jdbi, rows);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("generated %,d queue_log rows (%,d calls) in %.1f s (%,.0f rows/s), up to %s%s%n",
                site.rows, site.calls, seconds, site.rows / seconds, site.time, reuse ? " (rows there already)" : "");
        if (reuse) {
            System.out.printf("removed the %,d rows the run before appended after them%n", keepFirst(jdbi, site.rows));
        }

        Ingestion ingestion = new Ingestion(jdbi, TABLE, settings, Integer.getInteger("bench.batch", 20_000));
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        // the process: the ingestion thread and the thread that writes its batches behind it (and the JVM's own)
        com.sun.management.OperatingSystemMXBean process = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long processCpu = process.getProcessCpuTime();
        start = System.nanoTime();
        long[] shown = {-1};
        long read = ingestion.rebuild(share -> {
            long tenth = (long) (share * 10);
            if (tenth != shown[0]) {
                shown[0] = tenth;
                System.out.printf("  ingestion %d%%%n", tenth * 10);
            }
        });
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("rebuild: ingested %,d rows in %.1f s: %,.0f rows/s (ingestion thread CPU %.1f s, process "
                + "CPU %.1f s)%n", read, seconds, read / seconds, (threads.getCurrentThreadCpuTime() - cpu) / 1e9,
                (process.getProcessCpuTime() - processCpu) / 1e9);
        long calls = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reports_call").mapTo(Long.class).one());
        long sums = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reports_hourly").mapTo(Long.class).one());
        System.out.printf("%,d calls, %,d hourly rows%n", calls, sums);
        check(jdbi, site, "after the rebuild");
        if (!phases.contains("steady")) {
            return;
        }

        long steadyRows = Long.getLong("bench.steady.rows", Math.max(1, rows / 10));
        long before = site.rows;
        site.generate(jdbi, steadyRows);
        cpu = threads.getCurrentThreadCpuTime();
        processCpu = process.getProcessCpuTime();
        start = System.nanoTime();
        read = ingestion.run();
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("steady state: %,d rows appended after %,d, ingested %,d in %.1f s: %,.0f rows/s "
                + "(ingestion thread CPU %.1f s, process CPU %.1f s)%n", site.rows - before, before, read, seconds,
                read / seconds, (threads.getCurrentThreadCpuTime() - cpu) / 1e9,
                (process.getProcessCpuTime() - processCpu) / 1e9);
        check(jdbi, site, "after the steady state");
        if (!phases.contains("latency")) {
            return;
        }

        latency(jdbi, site, ingestion);
        check(jdbi, site, "after the latency run");
        if (!phases.contains("reports")) {
            return;
        }

        LocalDate month = LocalDate.parse("2026-01-01"); // the first month: whole from 10 M rows (~5 months) on
        ServiceReader reader = new ServiceReader(jdbi, settings);
        for (ReportGroup by : List.of(ReportGroup.DAY, ReportGroup.AGENT, ReportGroup.ALL)) {
            ReportQuery query = new ReportQuery(month, month.plusMonths(1), settings.siteZone(), Optional.empty(),
                    Optional.empty(), by);
            double[] ms = new double[9];
            long offered = 0;
            for (int i = 0; i < ms.length; i++) {
                long t = System.nanoTime();
                offered = reader.report(query).stream().mapToLong(r -> r.summary().offered()).sum();
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("month %s by %s (%,d calls): median %.1f ms, max %.1f ms over %d runs%n",
                    month.toString().substring(0, 7), by.name().toLowerCase(), offered, ms[ms.length / 2],
                    ms[ms.length - 1], ms.length);
        }
    }

    /** @return whether a run before left its queue_log here ({@link #keepFirst} checks it holds enough rows) */
    private static boolean reusable(Jdbi jdbi) {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM " + TABLE + " LIMIT 1").mapTo(Integer.class)
                    .findOne()).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Deletes every row after the first {@code rows}: those a steady or latency phase appended. */
    private static long keepFirst(Jdbi jdbi, long rows) {
        long last = jdbi.withHandle(h -> h.createQuery("SELECT id FROM " + TABLE + " ORDER BY id LIMIT 1 OFFSET :skip")
                .bind("skip", rows - 1).mapTo(Long.class).findOne()).orElseThrow(() -> new IllegalStateException(
                        TABLE + " holds fewer than the " + rows + " rows of this size: run without -Dbench.reuse"));
        long removed = 0;
        int deleted;
        do { // in parts: one undo log of millions of rows is slow
            deleted = jdbi.withHandle(h -> h.createUpdate("DELETE FROM " + TABLE + " WHERE id > :last LIMIT 100000")
                    .bind("last", last).execute());
            removed += deleted;
        } while (deleted > 0);
        return removed;
    }

    /** Rows written in small inserts at a steady rate while ingestion runs on its interval. */
    private static void latency(Jdbi jdbi, Site site, Ingestion ingestion) throws InterruptedException {
        int rate = Integer.getInteger("bench.latency.rate", 1000);
        int runSeconds = Integer.getInteger("bench.latency.seconds", 30);
        long intervalMillis = Long.getLong("bench.latency.interval.millis", 1000);
        int perInsert = Math.max(1, rate / 100);
        record Written(long lastId, int rows, long nanos) {
        }
        ConcurrentLinkedQueue<Written> written = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        long before = site.rows;
        Thread writer = new Thread(() -> {
            long next = System.nanoTime();
            long end = next + runSeconds * 1_000_000_000L;
            List<Object[]> pending = new ArrayList<>();
            while (System.nanoTime() < end) {
                while (pending.size() < perInsert) {
                    site.call(pending);
                }
                List<Object[]> now = new ArrayList<>(pending.subList(0, perInsert));
                pending.subList(0, perInsert).clear();
                long lastId = jdbi.withHandle(h -> {
                    insert(h, now);
                    return h.createQuery("SELECT LAST_INSERT_ID()").mapTo(Long.class).one() + now.size() - 1;
                });
                written.add(new Written(lastId, now.size(), System.nanoTime()));
                next += perInsert * 1_000_000_000L / rate;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    try {
                        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            if (!pending.isEmpty()) { // the rest of the last call: every call ends
                long lastId = jdbi.withHandle(h -> {
                    insert(h, pending);
                    return h.createQuery("SELECT LAST_INSERT_ID()").mapTo(Long.class).one() + pending.size() - 1;
                });
                written.add(new Written(lastId, pending.size(), System.nanoTime()));
            }
            writing.set(false);
        }, "bench-writer");
        List<double[]> latencies = new ArrayList<>(); // {ms, rows}
        long started = System.nanoTime();
        writer.start();
        while (writing.get() || !written.isEmpty()) {
            long runStart = System.nanoTime();
            ingestion.run();
            long counted = ingestion.lastId();
            long at = System.nanoTime();
            for (Written w = written.peek(); w != null && w.lastId() <= counted; w = written.peek()) {
                written.poll();
                latencies.add(new double[] {(at - w.nanos()) / 1e6, w.rows()});
            }
            long sleep = intervalMillis - (System.nanoTime() - runStart) / 1_000_000;
            if (sleep > 0) {
                Thread.sleep(sleep);
            }
        }
        writer.join();
        double seconds = (System.nanoTime() - started) / 1e9;
        latencies.sort((a, b) -> Double.compare(a[0], b[0]));
        long total = latencies.stream().mapToLong(l -> (long) l[1]).sum();
        System.out.printf("latency: %,d rows written in %.1f s (%,.0f rows/s, %d per insert), ingestion every %d ms: "
                + "row written to counted p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", site.rows - before, seconds,
                (site.rows - before) / seconds, perInsert, intervalMillis, percentile(latencies, total, 0.50),
                percentile(latencies, total, 0.99), latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1)[0]);
    }

    private static double percentile(List<double[]> sorted, long total, double share) {
        long rank = (long) Math.ceil(share * total);
        long seen = 0;
        for (double[] l : sorted) {
            seen += (long) l[1];
            if (seen >= rank) {
                return l[0];
            }
        }
        return 0;
    }

    /** Compares the stored daily and hourly sums with the generator's own figures, and prints their digest. */
    private static void check(Jdbi jdbi, Site site, String when) throws NoSuchAlgorithmException {
        Map<String, long[]> daily = stored(jdbi, "SELECT local_date, queue, agent, " + FIGURES + " FROM reports_daily");
        Map<String, long[]> hourly = stored(jdbi, "SELECT local_date, queue, agent, " + FIGURES.replaceAll(
                "(\\w+)", "SUM($1)").replace("SUM(wait_max)", "MAX(wait_max)")
                + " FROM reports_hourly GROUP BY local_date, queue, agent");
        Map<String, long[]> expected = new TreeMap<>(site.expected);
        expected.values().removeIf(ReportsBenchmark::zero);
        long calls = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reports_call").mapTo(Long.class).one());
        List<String> differ = new ArrayList<>();
        compare("reports_daily", expected, daily, differ);
        compare("reports_hourly", expected, hourly, differ);
        if (calls != site.calls) {
            differ.add("reports_call: " + calls + " calls, generated " + site.calls);
        }
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        daily.forEach((key, figures) -> digest.update((key + Arrays.toString(figures) + "\n").getBytes()));
        long offered = daily.values().stream().mapToLong(f -> f[OFFERED]).sum();
        System.out.printf("sums %s: %s (%,d day-queue-agent rows, %,d calls offered; digest %s)%n", when,
                differ.isEmpty() ? "MATCH" : "DIFFER", daily.size(), offered,
                HexFormat.of().formatHex(digest.digest()).substring(0, 16));
        differ.stream().limit(10).forEach(d -> System.out.println("  " + d));
    }

    private static void compare(String table, Map<String, long[]> expected, Map<String, long[]> stored,
            List<String> differ) {
        for (String key : expected.keySet()) {
            long[] s = stored.get(key);
            if (s == null || !Arrays.equals(s, expected.get(key))) {
                differ.add(table + " " + key + ": " + (s == null ? "missing" : Arrays.toString(s)) + ", generated "
                        + Arrays.toString(expected.get(key)));
            }
        }
        stored.keySet().stream().filter(k -> !expected.containsKey(k))
                .forEach(k -> differ.add(table + " " + k + ": not generated"));
    }

    private static boolean zero(long[] figures) {
        return Arrays.stream(figures).allMatch(f -> f == 0);
    }

    private static Map<String, long[]> stored(Jdbi jdbi, String sql) {
        Map<String, long[]> figures = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery(sql).map((rs, ctx) -> {
            long[] f = new long[COUNT];
            for (int i = 0; i < COUNT; i++) {
                f[i] = rs.getLong(4 + i);
            }
            figures.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3), f);
            return f;
        }).forEach(f -> { }));
        figures.values().removeIf(ReportsBenchmark::zero);
        return figures;
    }

    /**
     * The calls of the generated site, and the daily figures they make, worked out here as docs/metrics.md defines
     * them (not by the aggregator): the expected sums.
     */
    private static final class Site {

        private record Previous(Instant entered, String key, boolean fcrEligible) {
        }

        private final Settings settings;
        private final Random random = new Random(42);
        private final Map<String, long[]> expected = new HashMap<>();
        /** each caller's latest call, for the repeat-caller figure */
        private final Map<String, Previous> previous = new HashMap<>();
        private Instant time = Instant.parse("2026-01-01T00:00:00Z");
        private long calls;
        private long rows;

        Site(Settings settings) {
            this.settings = settings;
        }

        /** Writes at least {@code total} rows (whole calls), in multi-row INSERTs; with no jdbi only their figures. */
        void generate(Jdbi jdbi, long total) {
            List<Object[]> pending = new ArrayList<>();
            long until = rows + total;
            while (rows + pending.size() < until) {
                call(pending);
                if (pending.size() >= 5000) {
                    flush(jdbi, pending);
                }
            }
            flush(jdbi, pending);
        }

        /** The rows of concurrent calls interleave, in time order, as Asterisk writes them. */
        private void flush(Jdbi jdbi, List<Object[]> pending) {
            pending.sort((a, b) -> ((LocalDateTime) a[0]).compareTo((LocalDateTime) b[0]));
            if (jdbi != null) {
                jdbi.useHandle(h -> insert(h, pending));
            }
            pending.clear();
        }

        /** Adds the rows of the next call, in time order (each call's rows are written together). */
        void call(List<Object[]> pending) {
            int from = pending.size();
            time = time.plusMillis(1000 + random.nextInt(8000));
            String callid = "1767225600." + calls++;
            String queue = "q" + random.nextInt(5);
            String caller = "06" + (10_000_000 + random.nextInt(400_000)); // repeat callers happen
            int wait = random.nextInt(random.nextInt(10) == 0 ? 300 : 40);
            Instant t = time;
            String date = t.atZone(settings.siteZone()).toLocalDate().toString();
            pending.add(row(t, callid, queue, "NONE", "ENTERQUEUE", "", caller, "1"));
            List<String> ringing = new ArrayList<>();
            for (int r = random.nextInt(3); r > 0; r--) {
                String agent = agent();
                ringing.add(agent);
                pending.add(row(t.plusSeconds(15), callid, queue, agent, "RINGNOANSWER", "15000"));
            }
            int outcome = random.nextInt(100);
            Instant end = t.plusSeconds(wait);
            String answeredBy = "";
            int talk = 0;
            if (outcome < 80) {
                answeredBy = agent();
                talk = 30 + random.nextInt(600);
                pending.add(row(end, callid, queue, answeredBy, "CONNECT", String.valueOf(wait), callid + "-a", "2"));
                Instant done = end.plusSeconds(talk);
                if (outcome < 3) {
                    pending.add(row(done, callid, queue, answeredBy, "BLINDTRANSFER", "200", "internal",
                            String.valueOf(wait), String.valueOf(talk), "1"));
                } else {
                    pending.add(row(done, callid, queue, answeredBy, random.nextBoolean() ? "COMPLETEAGENT"
                            : "COMPLETECALLER", String.valueOf(wait), String.valueOf(talk), "1"));
                }
            } else if (outcome < 92) {
                pending.add(row(end, callid, queue, "NONE", "ABANDON", "1", "1", String.valueOf(wait)));
            } else if (outcome < 97) {
                pending.add(row(end, callid, queue, "NONE", "EXITWITHTIMEOUT", "1", "1", String.valueOf(wait)));
            } else {
                pending.add(row(end, callid, queue, "NONE", "EXITWITHKEY", "1", "1", "1", String.valueOf(wait)));
            }
            if (random.nextInt(50) == 0) {
                pending.add(row(t, "NONE", queue, agent(), random.nextBoolean() ? "PAUSE" : "UNPAUSE", "break"));
            }
            // a call's rows are written in time order (a ring at the same second as the end comes first)
            pending.subList(from, pending.size()).sort((a, b) -> ((LocalDateTime) a[0]).compareTo(
                    (LocalDateTime) b[0]));
            rows += pending.size() - from;

            // a ring is counted while the call waits or talks: an answered call talks 30 s or more
            boolean answered = outcome < 80;
            for (String agent : ringing) {
                if (answered || wait >= 15) {
                    figures(date, queue, agent)[RNA]++;
                }
            }
            String key = date + "|" + queue + "|" + answeredBy;
            long[] f = figures(date, queue, answeredBy);
            f[OFFERED]++;
            f[WAIT_SUM] += wait;
            f[WAIT_MAX] = Math.max(f[WAIT_MAX], wait);
            if (answered) {
                f[ANSWERED]++;
                f[ANSWERED_WAIT] += wait;
                f[TALK] += talk;
                f[IN_SL] += wait <= settings.serviceLevel(queue) ? 1 : 0;
                f[TRANSFERRED] += outcome < 3 ? 1 : 0;
                f[FCR]++;
            } else if (outcome < 92) {
                f[wait < settings.shortAbandonSeconds() ? SHORT : ABANDONED]++;
            } else if (outcome < 97) {
                f[TIMED_OUT]++;
            } else {
                f[KEY]++;
            }
            // the caller's previous call was not resolved when they call again within the window
            Previous last = previous.put(caller, new Previous(t, key, answered));
            if (last != null && last.fcrEligible()
                    && Duration.between(last.entered(), t).compareTo(settings.fcrWindow()) <= 0) {
                expected.get(last.key())[REPEATED]++;
            }
        }

        private long[] figures(String date, String queue, String agent) {
            return expected.computeIfAbsent(date + "|" + queue + "|" + agent, k -> new long[COUNT]);
        }

        private String agent() {
            return "agent" + random.nextInt(40);
        }
    }

    private static Object[] row(Instant time, String callid, String queue, String agent, String event, String... data) {
        Object[] row = new Object[10];
        row[0] = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        row[1] = callid;
        row[2] = queue;
        row[3] = agent;
        row[4] = event;
        for (int i = 0; i < 5; i++) {
            row[5 + i] = i < data.length ? data[i] : "";
        }
        return row;
    }

    /** One multi-row INSERT, as the rows come. */
    private static void insert(org.jdbi.v3.core.Handle h, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO " + TABLE
                + " (time, callid, queuename, agent, event, data1, data2, data3, data4, data5) VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?)");
        }
        var update = h.createUpdate(sql.toString());
        int p = 0;
        for (Object[] row : rows) {
            for (Object value : row) {
                update.bind(p++, value);
            }
        }
        update.execute();
    }
}
