package org.callscore.agi.survey;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.dbcp2.BasicDataSource;
import org.callscore.testing.components.TestBundleContext;
import org.callscore.fastagi.internal.BenchServer;
import org.callscore.survey.Question;
import org.callscore.survey.ResponseStatus;
import org.callscore.survey.Scale;
import org.callscore.survey.SurveyAnswer;
import org.callscore.survey.SurveyCatalog;
import org.callscore.survey.SurveyDefinition;
import org.callscore.survey.SurveyOffer;
import org.callscore.survey.SurveyResponses;
import org.callscore.survey.internal.BenchResponses;
import org.callscore.testing.asterisk.FastAgiCall;
import org.callscore.testing.components.ComponentConfig;
import org.callscore.testing.database.SwitchableDatabase;
import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Jdbi;

/**
 * The survey's write path as a caller meets it: the time from the caller's key (the peer's reply to GET DATA,
 * as Asterisk 22 writes it) to the next command the server sends. The survey records each answer before it asks
 * the next question, so with MariaDB up this time includes the answer's commit in MariaDB; with MariaDB down it
 * includes the answer's fsync into the journal. Then 2,000 survey calls held in flight at once, every answer
 * counted in MariaDB.
 * <p>
 * Real modules outside Karaf: CallScore's FastAGI server, the survey application, the survey module's
 * responses component with its default configuration (BoundedWriter, journal, replay), over the unit tests'
 * MariaDB through a dbcp2 pool configured as {@code etc/org.ops4j.datasource-callscore.cfg}. MariaDB "down" is
 * {@link SwitchableDatabase}: refused (connections refused, the health check not yet aware) or frozen (accepts,
 * never answers). Peer and server share this JVM and the machine's cores. Run with {@code ./callscore bench-survey}.
 * Prints its figures; nothing is asserted (docs/benchmarks.md).
 */
public final class SurveyBenchmark {

    private static final Duration STEP = Duration.ofSeconds(60);
    private static final String QUEUE = "bench";
    private static final String[] KEYS = {"4", "5", "3"};
    private static final SurveyDefinition SURVEY = new SurveyDefinition("bench", Set.of(QUEUE), "callscore/intro",
            Optional.empty(), "callscore/invalid", List.of(question(1), question(2), question(3)), Optional.empty(),
            0, "callscore/thanks", "queues = bench\nintro = callscore/intro\n(the benchmark's survey)\n");

    private enum Mariadb { UP, REFUSED, FROZEN, NOT_WRITTEN }

    private SurveyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // one INFO line per call would flood the figures; warnings (journal, bypass, busy writers) stay
        System.setProperty("org.slf4j.simpleLogger.log.org.callscore.agi.survey", "warn");
        int calls = Integer.getInteger("bench.calls", 600);
        int waves = Integer.getInteger("bench.waves", 2);
        Duration pace = Duration.ofMillis(Long.getLong("bench.prompt.millis", 500));
        int held = Integer.getInteger("bench.held", 2000);
        int rounds = Integer.getInteger("bench.rounds", 2);
        int[] concurrency = Arrays.stream(System.getProperty("bench.concurrency", "50,200").split(","))
                .mapToInt(Integer::parseInt).toArray();

        Jdbi admin = UnitDatabase.jdbi();
        UnitDatabase.recreate(admin, migrations(), "survey_answer", "survey_response", "survey_version");
        Path journal = Files.createTempDirectory("callscore-survey-bench").resolve("survey-journal.log");
        try (BasicDataSource pool = karafPool()) {
            SwitchableDatabase database = new SwitchableDatabase(Jdbi.create(pool));
            try (BenchResponses module = new BenchResponses(database, journal)) {
                run(admin, Jdbi.create(pool), database, module.responses(), new Sizes(calls, waves, pace, held,
                        rounds, concurrency));
            }
        }
    }

    /**
     * @param calls  calls per round answered at once (no prompt time): what the server and MariaDB take at most
     * @param waves  calls per paced round, in multiples of the calls at once
     * @param pace   how long each prompt plays before the caller's key (0.5 to 1.5 times this)
     */
    private record Sizes(int calls, int waves, Duration pace, int held, int rounds, int[] concurrencies) {
    }

    private static void run(Jdbi admin, Jdbi pooled, SwitchableDatabase database, SurveyResponses responses,
            Sizes sizes) throws Exception {
        try (BenchServer written = new BenchServer("survey", application(responses));
                BenchServer notWritten = new BenchServer("survey", application(new NotWritten()))) {
            System.out.printf("CallScore survey benchmark: %d cores, Java %s, max heap %d MiB, MariaDB %s "
                    + "(innodb_flush_log_at_trx_commit = %s, sync_binlog = %s)%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20, variable(admin, "version"),
                    variable(admin, "innodb_flush_log_at_trx_commit"), variable(admin, "sync_binlog"));
            System.out.println("Time from the caller's key (reply to GET DATA) to the server's next command; "
                    + KEYS.length + " answers per call:");
            Bench bench = new Bench(admin, pooled, database, responses, written.port(), notWritten.port(),
                    new AtomicInteger(), new AtomicInteger());
            bench.round("warm-up", Mariadb.UP, 50, sizes.calls(), Duration.ZERO);
            System.out.printf("Each prompt plays %d ms (0.5 to 1.5 times) before the caller's key:%n",
                    sizes.pace().toMillis());
            for (int concurrency : sizes.concurrencies()) {
                for (int r = 1; r <= sizes.rounds(); r++) {
                    for (Mariadb mariadb : Mariadb.values()) {
                        bench.round("round " + r, mariadb, concurrency, concurrency * sizes.waves(), sizes.pace());
                    }
                    bench.commitsAlone("round " + r, concurrency, concurrency * sizes.waves(), sizes.pace());
                }
            }
            System.out.println("Every key answered at once, no prompt time (the most the machine takes):");
            for (int concurrency : sizes.concurrencies()) {
                for (Mariadb mariadb : List.of(Mariadb.UP, Mariadb.NOT_WRITTEN)) {
                    bench.round("at once", mariadb, concurrency, sizes.calls(), Duration.ZERO);
                }
            }
            if (sizes.held() > 0) {
                bench.held(sizes.held(), sizes.pace());
            }
            bench.lost();
        }
    }

    /** The rounds, on the two servers (answers written, not written); counts what MariaDB must hold. */
    private record Bench(Jdbi admin, Jdbi pooled, SwitchableDatabase database, SurveyResponses responses, int port,
            int portNotWritten, AtomicInteger prefixes, AtomicInteger expectedCalls) {

        /**
         * The floor under the survey's figure: the same number of callers at the same pace, each key one
         * autocommitted INSERT of an answer-sized row through the same pool, without FastAGI or the survey.
         */
        void commitsAlone(String label, int concurrency, int calls, Duration pace) throws InterruptedException {
            admin.useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS survey_bench_commit (id BIGINT AUTO_INCREMENT "
                    + "PRIMARY KEY, uniqueid VARCHAR(64) NOT NULL, question INT NOT NULL, digit CHAR(1) NOT NULL)"));
            List<Long> commits = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger next = new AtomicInteger();
            List<Thread> callers = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                Thread caller = new Thread(() -> {
                    try {
                        for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                            for (int q = 0; q < KEYS.length; q++) {
                                listen(pace);
                                int question = q;
                                String uniqueId = "c." + i;
                                long sent = System.nanoTime();
                                pooled.useHandle(h -> h.execute("INSERT INTO survey_bench_commit (uniqueid, question, "
                                        + "digit) VALUES (?, ?, ?)", uniqueId, question, KEYS[question]));
                                commits.add(System.nanoTime() - sent);
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "bench-commit-" + t);
                caller.start();
                callers.add(caller);
            }
            for (Thread caller : callers) {
                caller.join();
            }
            System.out.printf("  %-8s %3d calls at once, MariaDB's commit alone (no FastAGI, no survey): %s%n", label,
                    concurrency, percentiles(commits, "commits"));
        }

        void round(String label, Mariadb mariadb, int concurrency, int calls, Duration pace) throws Exception {
            String prefix = "b" + prefixes.incrementAndGet();
            switch (mariadb) {
                case REFUSED -> database.cut();
                case FROZEN -> database.freeze();
                default -> { }
            }
            Waits keyToNext = new Waits();
            LocalTime from = LocalTime.now(ZoneOffset.UTC);
            long start = System.nanoTime();
            int failed = runCalls(mariadb == Mariadb.NOT_WRITTEN ? portNotWritten : port, prefix, concurrency,
                    calls, pace, keyToNext, null, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            int journalled = responses.pending();
            database.comeBack();
            awaitJournalWritten();
            if (mariadb != Mariadb.NOT_WRITTEN) {
                expectedCalls.addAndGet(calls);
            }
            System.out.printf("  %-8s %3d calls at once, MariaDB %-11s %s; %,.0f calls/s; %s%s; UTC %s-%s%n", label,
                    concurrency, mariadb.name().toLowerCase().replace('_', ' '), keyToNext,
                    calls / seconds, mariadb == Mariadb.NOT_WRITTEN ? "no write (FastAGI and survey only)"
                            : journalled + " events journalled, " + rows(prefix),
                    failed > 0 ? "; " + failed + " CALLS FAILED" : "", from.withNano(0),
                    from.plusNanos(System.nanoTime() - start).withNano(0)); // to find the round in a JFR recording
        }

        /** All calls connect and wait at their first question until every one is there; then all answer. */
        void held(int calls, Duration pace) throws Exception {
            String prefix = "b" + prefixes.incrementAndGet();
            long heapBefore = usedHeapAfterGc();
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            int serverBefore = serverThreads();
            CountDownLatch atFirstQuestion = new CountDownLatch(calls);
            CountDownLatch release = new CountDownLatch(1);
            Waits keyToNext = new Waits();
            long start = System.nanoTime();
            Thread releaser = new Thread(() -> {
                try {
                    if (atFirstQuestion.await(5, TimeUnit.MINUTES)) {
                        System.out.printf("  %,d calls held at their first question after %.1f s; %d threads, "
                                + "%d of them the server's session threads%n", calls,
                                (System.nanoTime() - start) / 1e9, ManagementFactory.getThreadMXBean()
                                        .getThreadCount(), serverThreads());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                release.countDown();
            });
            releaser.start();
            int failed = runCalls(port, prefix, calls, calls, pace, keyToNext, atFirstQuestion, release);
            double seconds = (System.nanoTime() - start) / 1e9;
            int journalled = responses.pending();
            awaitJournalWritten();
            expectedCalls.addAndGet(calls);
            System.out.printf("  %,d calls at once, MariaDB up: all ended in %.1f s, %d failed; %s; %d events "
                    + "journalled, %s%n", calls, seconds, failed, keyToNext, journalled, rows(prefix));
            int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
            System.out.printf("  threads before %d (server %d), after %d (server %d); heap used after GC before %d "
                    + "MiB, after %d MiB%n", threadsBefore, serverBefore, threadsAfter, serverThreads(),
                    heapBefore >> 20, usedHeapAfterGc() >> 20);
        }

        /** Every call of every written round: completed in MariaDB with all its answers. */
        void lost() {
            int expected = expectedCalls.get();
            long completed = admin.withHandle(h -> h.select("SELECT COUNT(*) FROM survey_response "
                    + "WHERE status = 'completed'").mapTo(Long.class).one());
            long answers = admin.withHandle(h -> h.select("SELECT COUNT(*) FROM survey_answer").mapTo(Long.class)
                    .one());
            System.out.printf("In MariaDB after all rounds: %,d of %,d calls completed, %,d of %,d answers (%s)%n",
                    completed, expected, answers, (long) expected * KEYS.length,
                    completed == expected && answers == (long) expected * KEYS.length ? "none lost"
                            : "LOST OR EXTRA");
        }

        private String rows(String prefix) {
            return admin.withHandle(h -> {
                long completed = h.select("SELECT COUNT(*) FROM survey_response WHERE uniqueid LIKE ? "
                        + "AND status = 'completed'", prefix + ".%").mapTo(Long.class).one();
                long answers = h.select("SELECT COUNT(*) FROM survey_answer a JOIN survey_response r "
                        + "ON r.id = a.response_id WHERE r.uniqueid LIKE ?", prefix + ".%").mapTo(Long.class).one();
                return String.format("in MariaDB: %,d completed, %,d answers", completed, answers);
            });
        }

        private void awaitJournalWritten() throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (responses.pending() > 0 && System.nanoTime() < end) {
                Thread.sleep(50);
            }
        }
    }

    /**
     * Runs {@code calls} calls, {@code concurrency} at a time, each answering every question at once.
     *
     * @return how many calls failed (an exception, or AGISTATUS not SUCCESS)
     */
    private static int runCalls(int port, String prefix, int concurrency, int calls, Duration pace,
            Waits keyToNext, CountDownLatch atFirstQuestion, CountDownLatch release) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Thread caller = new Thread(null, () -> {
                for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                    try {
                        if (!call(port, prefix + "." + i, pace, keyToNext, atFirstQuestion, release)) {
                            failed.incrementAndGet();
                        }
                    } catch (RuntimeException | Error | InterruptedException e) {
                        failed.incrementAndGet();
                        System.err.println("call " + prefix + "." + i + ": " + e);
                    }
                }
            }, "bench-caller-" + t, 256 * 1024);
            caller.start();
            callers.add(caller);
        }
        for (Thread caller : callers) {
            caller.join();
        }
        return failed.get();
    }

    /** One call, its commands answered as Asterisk does, timing each GET DATA reply to the next command. */
    private static boolean call(int port, String uniqueId, Duration pace, Waits keyToNext,
            CountDownLatch atFirstQuestion, CountDownLatch release) throws InterruptedException {
        try (FastAgiCall call = FastAgiCall.to("127.0.0.1", port).script("survey?queue=" + QUEUE + "&agent=bench")
                .uniqueId(uniqueId).digits(KEYS).connect()) {
            boolean waited = atFirstQuestion == null;
            String command = call.nextCommand(STEP);
            while (command != null) {
                boolean question = command.startsWith("GET DATA");
                if (question && !waited) {
                    waited = true;
                    atFirstQuestion.countDown();
                    release.await();
                } else if (question || command.startsWith("EXEC") && command.contains("Playback")) {
                    listen(pace); // the prompt plays, the caller thinks
                }
                call.answer();
                long sent = System.nanoTime();
                command = call.nextCommand(STEP);
                if (question && command != null) {
                    keyToNext.answers.add(System.nanoTime() - sent);
                } else if (command != null && command.startsWith("SET VARIABLE")
                        && (command.contains("SURVEY_RESPONSE_ID") || command.contains("SURVEY_NAME"))) {
                    keyToNext.offersAndEnds.add(System.nanoTime() - sent); // the offer's or the end's write
                }
            }
            if (!waited) {
                atFirstQuestion.countDown(); // never reached a question: must not hold the others
            }
            return call.outcome().agiStatus().equals("SUCCESS");
        }
    }

    /** Waits about {@code pace} (0.5 to 1.5 times, so calls do not move in step); not at all for zero. */
    private static void listen(Duration pace) throws InterruptedException {
        if (!pace.isZero()) {
            Thread.sleep((long) (pace.toMillis() * (0.5 + ThreadLocalRandom.current().nextDouble())));
        }
    }

    private static SurveyApplication application(SurveyResponses responses) throws ReflectiveOperationException {
        SurveyApplication application = new SurveyApplication();
        set(application, "catalog", new OneSurvey());
        set(application, "responses", responses);
        application.activate(new TestBundleContext().context(), ComponentConfig.of(SurveyApplication.Config.class, Map.of()));
        return application;
    }

    /** The pool Karaf's pax-jdbc-config makes from etc/org.ops4j.datasource-callscore.cfg. */
    private static BasicDataSource karafPool() {
        BasicDataSource pool = new BasicDataSource();
        pool.setUrl(System.getProperty("callscore.test.db.url", "jdbc:mariadb://127.0.0.1:3306/callscore_unit")
                + "?connectTimeout=3000&socketTimeout=120000");
        pool.setUsername(System.getProperty("callscore.test.db.user", "root"));
        pool.setPassword(System.getProperty("callscore.test.db.password", ""));
        pool.setMaxTotal(16);
        pool.setMaxIdle(8);
        pool.setMinIdle(0);
        pool.setMaxWait(Duration.ofSeconds(5));
        pool.setTestOnBorrow(true);
        pool.setValidationQuery("SELECT 1");
        pool.setValidationQueryTimeout(Duration.ofSeconds(5));
        return pool;
    }

    private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name); // DS sets @Reference fields so
        field.setAccessible(true);
        field.set(target, value);
    }

    private static Path migrations() {
        for (String path : new String[] {"bundles/survey/src/main/resources/db/migration",
                "../../bundles/survey/src/main/resources/db/migration"}) {
            if (Files.isDirectory(Path.of(path))) {
                return Path.of(path);
            }
        }
        throw new IllegalStateException("run from the repository or agi-scripts/survey: survey migrations not found");
    }

    private static String variable(Jdbi admin, String name) {
        return admin.withHandle(h -> h.select("SELECT @@" + name).mapTo(String.class).one());
    }

    private static Question question(int n) {
        return new Question("q" + n, "callscore/q" + n, Scale.FIVE_POINT, "bench", 1, 5, false, false);
    }

    /** What callers waited for: after each key (one answer written), and at the offer and the end. */
    private static final class Waits {
        final List<Long> answers = Collections.synchronizedList(new ArrayList<>());
        final List<Long> offersAndEnds = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String toString() {
            List<Long> others = new ArrayList<>(offersAndEnds);
            return percentiles(answers, "answers") + String.format(" (offer and end: max %.1f ms)",
                    others.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6);
        }
    }

    /** @param what what was timed, in the plural: {@code answers} */
    private static String percentiles(List<Long> nanos, String what) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "no " + what + " timed";
        }
        return String.format("%,d %s: p50 %.2f ms, p99 %.2f ms, max %.1f ms", sorted.size(), what,
                at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * quantile))) / 1e6;
    }

    private static int serverThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("callscore-agi-")).count();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** The catalog with the benchmark's one survey. */
    private static final class OneSurvey implements SurveyCatalog {

        @Override
        public Optional<SurveyDefinition> byName(String name) {
            return SURVEY.name().equals(name) ? Optional.of(SURVEY) : Optional.empty();
        }

        @Override
        public Optional<SurveyDefinition> forQueue(String queue) {
            return SURVEY.queues().contains(queue) ? Optional.of(SURVEY) : Optional.empty();
        }

        @Override
        public SortedSet<String> names() {
            return new TreeSet<>(Set.of(SURVEY.name()));
        }

        @Override
        public Map<String, String> problems() {
            return Map.of();
        }
    }

    /** Writes nothing: the same calls without the write, to tell the write's share from the rest. */
    private static final class NotWritten implements SurveyResponses {

        @Override
        public void offered(SurveyOffer offer) {
        }

        @Override
        public void answered(SurveyAnswer answer) {
        }

        @Override
        public void ended(String responseId, ResponseStatus status, Instant at, Optional<String> comment) {
        }

        @Override
        public int pending() {
            return 0;
        }
    }
}
