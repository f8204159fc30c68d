package org.callscore.reports.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.callscore.reports.ReportGroup;
import org.callscore.reports.ReportQuery;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code ./callscore bench-reports [rows]}: generates a realistic queue_log of N rows (default 10,000,000) in
 * MariaDB (-Dbench.db.url, default database callscore_bench), ingests it printing rows/s, then prints the latency of
 * a month's report (by day, and by agent) over several runs.
 * <p>
 * The generated site: 5 queues, 40 agents, calls every ~5 s on average over as many days as the rows need; per
 * call ENTERQUEUE, 0-2 RINGNOANSWER, then 80 % answered (CONNECT, COMPLETEAGENT/CALLER, 3 % transferred), 12 %
 * abandoned, 5 % timed out, 3 % key; plus PAUSE/UNPAUSE. About 4.3 rows per call.
 */
public final class ReportsBenchmark {

    private static final String TABLE = "bench_queue_log";

    private ReportsBenchmark() {
    }

    public static void main(String[] args) throws java.io.IOException {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        Jdbi jdbi = Jdbi.create(System.getProperty("bench.db.url", "jdbc:mariadb://127.0.0.1:3306/callscore_bench"),
                System.getProperty("bench.db.user", "callscore_test"),
                System.getProperty("bench.db.password", "callscore_test"));
        Settings settings = new Settings(ZoneId.of("Europe/Berlin"), ZoneOffset.UTC, 20, Map.of(), 5,
                Duration.ofHours(168), 10, Map.of(), Set.of(), "solved");
        ReportsSchema.recreate(jdbi, TABLE);
        long start = System.nanoTime();
        Instant last = generate(jdbi, rows);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("generated %,d queue_log rows in %.1f s (%,.0f rows/s), up to %s%n", rows, seconds,
                rows / seconds, last);

        Ingestion ingestion = new Ingestion(jdbi, TABLE, settings, 20_000);
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
        System.out.printf("ingested %,d rows in %.1f s: %,.0f rows/s%n", read, seconds, read / seconds);
        long calls = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reports_call").mapTo(Long.class).one());
        long sums = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reports_hourly").mapTo(Long.class).one());
        System.out.printf("%,d calls, %,d hourly rows%n", calls, sums);

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

    /** @return the time of the last row */
    private static Instant generate(Jdbi jdbi, long total) {
        Random random = new Random(42);
        Instant time = Instant.parse("2026-01-01T00:00:00Z");
        List<Object[]> pending = new ArrayList<>();
        long written = 0;
        long call = 0;
        while (written + pending.size() < total) {
            time = time.plusMillis(1000 + random.nextInt(8000));
            String callid = "1767225600." + call++;
            String queue = "q" + random.nextInt(5);
            String caller = "06" + (10_000_000 + random.nextInt(400_000)); // repeat callers happen
            int wait = random.nextInt(random.nextInt(10) == 0 ? 300 : 40);
            Instant t = time;
            pending.add(row(t, callid, queue, "NONE", "ENTERQUEUE", "", caller, "1"));
            for (int r = random.nextInt(3); r > 0; r--) {
                pending.add(row(t.plusSeconds(15), callid, queue, agent(random), "RINGNOANSWER", "15000"));
            }
            int outcome = random.nextInt(100);
            Instant end = t.plusSeconds(wait);
            if (outcome < 80) {
                String agent = agent(random);
                int talk = 30 + random.nextInt(600);
                pending.add(row(end, callid, queue, agent, "CONNECT", String.valueOf(wait), callid + "-a", "2"));
                Instant done = end.plusSeconds(talk);
                if (outcome < 3) {
                    pending.add(row(done, callid, queue, agent, "BLINDTRANSFER", "200", "internal",
                            String.valueOf(wait), String.valueOf(talk), "1"));
                } else {
                    pending.add(row(done, callid, queue, agent, random.nextBoolean() ? "COMPLETEAGENT"
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
                pending.add(row(t, "NONE", queue, agent(random), random.nextBoolean() ? "PAUSE" : "UNPAUSE", "break"));
            }
            if (pending.size() >= 5000) {
                written += flush(jdbi, pending);
            }
        }
        written += flush(jdbi, pending);
        return time;
    }

    private static String agent(Random random) {
        return "agent" + random.nextInt(40);
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

    /** Rows are written in time order, as Asterisk writes them. */
    private static int flush(Jdbi jdbi, List<Object[]> pending) {
        pending.sort((a, b) -> ((LocalDateTime) a[0]).compareTo((LocalDateTime) b[0]));
        int count = pending.size();
        jdbi.useHandle(h -> {
            StringBuilder sql = new StringBuilder("INSERT INTO " + TABLE
                    + " (time, callid, queuename, agent, event, data1, data2, data3, data4, data5) VALUES ");
            for (int i = 0; i < count; i++) {
                sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?)");
            }
            var update = h.createUpdate(sql.toString());
            int p = 0;
            for (Object[] row : pending) {
                for (Object value : row) {
                    update.bind(p++, value);
                }
            }
            update.execute();
        });
        pending.clear();
        return count;
    }
}
