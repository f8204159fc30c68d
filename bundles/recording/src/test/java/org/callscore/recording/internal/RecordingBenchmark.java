package org.callscore.recording.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.commons.dbcp2.BasicDataSource;
import org.callscore.recording.RecordingKind;
import org.callscore.recording.RecordingQuery;
import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code ./callscore bench-recordings [N]}: N indexed recordings (default 10,000,000) in MariaDB (the database of
 * {@code callscore.test.db.url}, {@code callscore_bench} by the command), then
 * <ol>
 * <li>searches by caller (the last 7 digits of a number with ~10 recordings), by agent and day, and by survey score
 * range (1 to 2), through the index's own search code, newest first, 50 a page: median and worst of 9 warm runs;</li>
 * <li>indexing while a recording finishes every 10 ms for {@code bench.index.seconds} (30): each file written as
 * MixMonitor would ({@code bench.index.audio.seconds} of 8 kHz WAV, default 30), its queue_log CONNECT and CDR row
 * written, the stop step reported; the scan runs every second as in production (settle 1 s): its run time, the
 * largest backlog, and how long after the last recording everything was ready and matched.</li>
 * </ol>
 * {@code -Dbench.reuse=true} keeps a table that already has N rows.
 */
public final class RecordingBenchmark {

    private static final Instant FIRST = Instant.parse("2025-12-01T00:00:00Z");
    private static final long SPAN_SECONDS = 365L * 86_400;
    private static final int CHUNK = 250_000;

    private RecordingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        BasicDataSource pool = new BasicDataSource(); // pooled, as in Karaf: a search opens no connection
        pool.setUrl(System.getProperty("callscore.test.db.url", "jdbc:mariadb://127.0.0.1:3306/callscore_bench"));
        pool.setUsername(System.getProperty("callscore.test.db.user", "root"));
        pool.setPassword(System.getProperty("callscore.test.db.password", ""));
        Jdbi jdbi = Jdbi.create(pool);
        long have = existing(jdbi);
        if (!Boolean.getBoolean("bench.reuse") || have != n) {
            generate(jdbi, n);
        } else {
            System.out.printf("Reusing %,d recordings%n", have);
        }
        jdbi.useHandle(h -> h.execute("ANALYZE TABLE recording"));
        RecordingStore store = new RecordingStore(() -> jdbi);
        searches(store, n);
        if (Integer.getInteger("bench.index.seconds", 30) > 0) {
            indexing(jdbi, store, Integer.getInteger("bench.index.seconds", 30),
                    Integer.getInteger("bench.index.audio.seconds", 30));
        }
        pool.close();
    }

    private static long existing(Jdbi jdbi) {
        try {
            return jdbi.withHandle(h -> {
                h.execute("DELETE FROM recording WHERE channel_uniqueid LIKE 'idx.%'"); // an earlier run's indexing
                h.execute("DELETE FROM queue_log WHERE callid LIKE 'idx.%'");
                h.execute("DELETE FROM cdr WHERE uniqueid LIKE 'idx.%'");
                return h.createQuery("SELECT COUNT(*) FROM recording").mapTo(Long.class).one();
            });
        } catch (RuntimeException noTable) {
            return -1;
        }
    }

    /** Rows made by MariaDB itself (the SEQUENCE engine), the secondary indexes built once at the end. */
    private static void generate(Jdbi jdbi, long n) {
        long t0 = System.nanoTime();
        UnitDatabase.recreate(jdbi, Path.of("src/main/resources/db/migration"), "recording_access", "recording_stray",
                "recording_caller_hold", "recording", "queue_log", "cdr");
        UnitDatabase.run(jdbi, Path.of("../../dialplan/asterisk-tables.sql"));
        List<String> keys = jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT INDEX_NAME FROM "
                + "information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'recording' "
                + "AND INDEX_NAME <> 'PRIMARY'").mapTo(String.class).list());
        String create = jdbi.withHandle(h -> h.createQuery("SHOW CREATE TABLE recording").map((rs, ctx) -> rs.getString(2))
                .one());
        List<String> addKeys = new ArrayList<>();
        for (String line : create.split("\n")) {
            String l = line.trim().replaceAll(",$", "");
            if (l.startsWith("KEY ") || l.startsWith("UNIQUE KEY ")) {
                addKeys.add("ADD " + l);
            }
        }
        jdbi.useHandle(h -> h.execute("ALTER TABLE recording " + String.join(", ",
                keys.stream().map(k -> "DROP KEY " + k).toList())));
        for (long from = 1; from <= n; from += CHUNK) {
            long to = Math.min(n, from + CHUNK - 1);
            String rows = "seq_" + from + "_to_" + to;
            jdbi.useHandle(h -> h.execute("INSERT INTO recording (id, server, uniqueid, channel_uniqueid, linkedid, "
                    + "kind, caller, caller_reversed, agent, queue, started_at, stopped_at, duration_ms, size_bytes, "
                    + "format, file, sha256, state, matched, mean_score, complaint) "
                    + "SELECT seq, 'pbx1', CONCAT('1764', seq), CONCAT('1764', seq), CONCAT('1764', seq), 'QUEUE_CALL', "
                    + "CONCAT('+4930', LPAD((seq * 7919) % 1000000, 7, '0')), "
                    + "REVERSE(CONCAT('4930', LPAD((seq * 7919) % 1000000, 7, '0'))), CONCAT('agent', seq % 200), "
                    + "CONCAT('q', (seq DIV 3) % 10), TIMESTAMPADD(SECOND, seq * ? DIV ?, ?), NULL, "
                    + "(seq * 7727) % 600000 + 5000, ((seq * 7727) % 600000 + 5000) * 16 + 44, 'wav', "
                    + "CONCAT('pbx1/bench/', seq, '.wav'), LPAD(HEX(seq), 64, '0'), 'READY', TRUE, "
                    + "IF((seq * 31) % 5 < 3, 1 + ((seq * 37) % 401) / 100, NULL), (seq * 41) % 17 = 0 "
                    + "FROM " + rows, SPAN_SECONDS, n, Timestamp.from(FIRST)));
            if ((to / CHUNK) % 8 == 0 || to == n) {
                System.out.printf("  %,d rows, %.0f s%n", to, (System.nanoTime() - t0) / 1e9);
            }
        }
        long t1 = System.nanoTime();
        jdbi.useHandle(h -> h.execute("ALTER TABLE recording " + String.join(", ", addKeys)));
        System.out.printf("Generated %,d recordings in %.0f s, their %d secondary indexes built in %.0f s%n", n,
                (t1 - t0) / 1e9, addKeys.size(), (System.nanoTime() - t1) / 1e9);
    }

    private static void searches(RecordingStore store, long n) {
        long k = n / 3;
        String caller = "4930" + String.format("%07d", (k * 7919) % 1_000_000);
        Instant day = FIRST.plusSeconds(k * SPAN_SECONDS / n).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        time("caller ends with " + caller.substring(caller.length() - 7), () -> store.search(query(
                Optional.of(caller.substring(caller.length() - 7)), Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty())).recordings().size());
        // the whole number as a person types it, nationally or internationally: found either way the CDR wrote it
        String national = "0" + caller.substring(2, 4) + " " + caller.substring(4);
        time("caller " + national, () -> store.search(query(Optional.of(national), Optional.empty(),
                Optional.empty(), Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty())).recordings().size());
        String international = "+" + caller.substring(0, 2) + " " + caller.substring(2, 4) + " " + caller.substring(4);
        time("caller " + international, () -> store.search(query(Optional.of(international), Optional.empty(),
                Optional.empty(), Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty())).recordings().size());
        time("agent17 on " + LocalDate.ofInstant(day, java.time.ZoneOffset.UTC), () -> store.search(query(
                Optional.empty(), Optional.of("agent17"), Optional.of(day), Optional.of(day.plus(Duration.ofDays(1))),
                OptionalDouble.empty(), OptionalDouble.empty())).recordings().size());
        time("mean score 1 to 2", () -> store.search(query(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalDouble.of(1), OptionalDouble.of(2))).recordings().size());
        time("mean score 1 to 2, queue q3, a month", () -> store.search(new RecordingQuery(Optional.empty(),
                Optional.empty(), Optional.of("q3"), Optional.of(day), Optional.of(day.plus(Duration.ofDays(30))),
                Optional.empty(), Optional.empty(), OptionalDouble.of(1), OptionalDouble.of(2), Optional.empty(),
                Set.of(), 0, 50)).recordings().size());
    }

    private static RecordingQuery query(Optional<String> caller, Optional<String> agent, Optional<Instant> from,
            Optional<Instant> to, OptionalDouble minScore, OptionalDouble maxScore) {
        Optional<Instant> until = from.isPresent() ? to : Optional.empty();
        return new RecordingQuery(caller, agent, Optional.empty(), from, until, Optional.empty(), Optional.empty(),
                minScore, maxScore, Optional.empty(), Set.of(), 0, 50);
    }

    private static void time(String what, Supplier<Integer> search) {
        int found = 0;
        for (int i = 0; i < 2; i++) {
            found = search.get(); // warm-up
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            long t = System.nanoTime();
            search.get();
            millis.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("Search by %-40s %3d found: median %6.1f ms, worst %6.1f ms (9 warm runs)%n", what, found,
                millis.get(4), millis.get(8));
    }

    /** A recording finished every 10 ms while the scan runs every second, as in production. */
    private static void indexing(Jdbi jdbi, RecordingStore store, int seconds, int audioSeconds) throws Exception {
        Path folder = Files.createTempDirectory("callscore-bench-recordings");
        Indexer indexer = new Indexer(store, new RecordingsFolder(folder), new CallMatch(() -> jdbi, "queue_log", "cdr"),
                Duration.ofSeconds(1), Duration.ofHours(24), Duration.ofMinutes(30),
                new VoiceMessages(Duration.ofSeconds(1)), Clock.systemUTC());
        byte[] wav = new byte[AudioFiles.WAV_HEADER + audioSeconds * 16_000];
        java.nio.ByteBuffer.wrap(wav, 28, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(16_000);
        int total = seconds * 100;
        AtomicInteger finished = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        String day = LocalDate.now(java.time.ZoneOffset.UTC).toString();
        Thread pbx = new Thread(() -> {
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * 10_000_000L;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                String id = "idx." + i;
                String file = "pbx1/" + day + "/queue-" + id + ".wav";
                store.insertRecording("pbx1", id, Optional.empty(), RecordingKind.QUEUE_CALL, Instant.now(), "wav", file);
                try {
                    Files.createDirectories(folder.resolve(file).getParent());
                    Files.write(folder.resolve(file), wav);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                jdbi.useHandle(h -> {
                    h.execute("INSERT INTO queue_log (time, callid, queuename, agent, event, data1, data2, data3) "
                            + "VALUES (NOW(), ?, 'q1', 'agent1', 'CONNECT', '5', ?, '1')", id, id + "b");
                    h.execute("INSERT INTO cdr (src, dst, start, uniqueid, linkedid, disposition) VALUES "
                            + "('+4930123', '600', NOW(), ?, ?, 'ANSWERED')", id, id);
                });
                store.stopped("pbx1", id, RecordingKind.QUEUE_CALL, Instant.now());
                finished.incrementAndGet();
            }
            done.set(true);
        }, "bench-pbx");
        long before = jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM recording").mapTo(Long.class)
                .one());
        List<Double> runs = new ArrayList<>();
        int backlog = 0;
        pbx.start();
        long lastFinished = 0;
        while (true) {
            long t = System.nanoTime();
            indexer.run();
            runs.add((System.nanoTime() - t) / 1e6);
            int pending = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM recording WHERE id > ? "
                    + "AND (state = 'RECORDING' OR matched = FALSE)").bind(0, before).mapTo(Integer.class).one());
            backlog = Math.max(backlog, pending);
            if (done.get() && lastFinished == 0) {
                lastFinished = System.nanoTime();
            }
            if (done.get() && pending == 0) {
                break;
            }
            Thread.sleep(Math.max(0, 1000 - runs.get(runs.size() - 1).longValue()));
        }
        double drain = (System.nanoTime() - lastFinished) / 1e9;
        Collections.sort(runs);
        System.out.printf("Indexing: %,d recordings of %d s audio, one finished every 10 ms; scan every 1 s: run median "
                + "%.0f ms, worst %.0f ms; largest backlog %d (not ready or not matched); all ready and matched %.1f s "
                + "after the last finished%n", finished.get(), audioSeconds, runs.get(runs.size() / 2),
                runs.get(runs.size() - 1), backlog, drain);
    }
}
