package org.callscore.survey.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

import org.callscore.support.database.BoundedWriter;
import org.callscore.testing.database.SwitchableDatabase;
import org.callscore.testing.database.UnitDatabase;

/**
 * What a survey event costs the caller while MariaDB is away: appended to a journal that already holds 0 or
 * 10,000 events (each append forced to disk), and recorded while MariaDB is frozen (the first event waits the
 * write time-out, the next ones bypass it). Prints its figures; recorded in docs/benchmarks.md. Run with
 * {@code mvn -pl bundles/survey exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.callscore.survey.internal.JournalBenchmark} (optional arguments: events per round,
 * pending events).
 */
public final class JournalBenchmark {

    private JournalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int pending = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path folder = Files.createTempDirectory("callscore-journal-bench");
        try {
            System.out.println("Survey journal, " + events + " events per round, each forced to disk:");
            ResponseJournal warmUp = new ResponseJournal(folder.resolve("warm-up.log"));
            for (int i = 0; i < events; i++) {
                warmUp.append(ResponseJournalTest.answered("w" + i, "q1", 3)); // JIT, page cache, file system
            }
            appends(folder.resolve("empty.log"), 0, events);
            appends(folder.resolve("full.log"), pending, events);
            frozen(folder.resolve("frozen.log"), events);
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Through the recorder, as a call records: MariaDB absent, so every event goes to the journal. */
    private static void appends(Path file, int pending, int events) throws IOException {
        ResponseJournal journal = new ResponseJournal(file);
        for (int i = 0; i < pending; i++) {
            journal.append(ResponseJournalTest.answered("old-" + i, "q1", 3));
        }
        try (BoundedWriter writer = new BoundedWriter("bench", Duration.ofMillis(500), 4, 1000)) {
            ResponseRecorder recorder = new ResponseRecorder(new ResponseJournal(file), () -> null, writer);
            report(String.format("journal holding %,d events", pending), events,
                    i -> recorder.record(ResponseJournalTest.answered("r" + i, "q1", 4)));
            System.out.printf("  (file %,d bytes, %,d events)%n", Files.size(file), recorder.pending());
        }
    }

    /** MariaDB accepts connections and never answers: the first event waits the bound, the rest do not. */
    private static void frozen(Path file, int events) {
        SwitchableDatabase database = new SwitchableDatabase(UnitDatabase.jdbi());
        database.freeze();
        try (BoundedWriter writer = new BoundedWriter("bench", Duration.ofMillis(500), 4, 1000)) {
            ResponseRecorder recorder = new ResponseRecorder(new ResponseJournal(file), () -> database, writer);
            long start = System.nanoTime();
            recorder.record(ResponseJournalTest.offered("first", "sales"));
            System.out.printf("  MariaDB frozen: first event %.0f ms (the write time-out, 500 ms)%n",
                    (System.nanoTime() - start) / 1e6);
            report("MariaDB frozen, later events", events,
                    i -> recorder.record(ResponseJournalTest.answered("r" + i, "q1", 4)));
        } finally {
            database.comeBack();
        }
    }

    private static void report(String what, int events, java.util.function.IntConsumer record) {
        long[] micros = new long[events];
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            long t = System.nanoTime();
            record.accept(i);
            micros[i] = (System.nanoTime() - t) / 1000;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(micros);
        System.out.printf("  %s: %,.0f events/s; per event p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what,
                events / seconds, micros[events / 2] / 1000.0, micros[events * 99 / 100] / 1000.0,
                micros[events - 1] / 1000.0);
    }
}
