package org.callscore.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.callscore.testing.asterisk.FastAgiCall;
import org.callscore.testing.asterisk.Outcome;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Each module's bundles updated (as {@code bundle:update --refresh} does) while its calls run 50 at a time,
 * with the FastAGI server's default settings: calls in flight finish on the old classes, calls that arrive
 * while the module is away (during the update, and while its application's bundle is then stopped for a second)
 * wait for it (application.wait.seconds), and no call fails or loses its record.
 * <p>
 * Touches no class of a module: the test probe would otherwise be refreshed (ended) with the module.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModuleUpdateUnderLoadIT extends CallScoreTestSupport {

    private static final Duration CALL = Duration.ofSeconds(60);
    private static final int AT_A_TIME = 50;
    /** Calls finished before the update, and again after the module is back. */
    private static final int CALLS_EACH_SIDE = 150;
    /** Calls that arrive while the application's bundle is stopped, and wait for it to start again. */
    private static final int ARRIVING_WHILE_STOPPED = 5;

    /** Where the gaps measured are written for the report (target/), not asserted: machines are noisy. */
    private static final String FIGURES = "callscore.itest.figures";

    @Configuration
    public Option[] configuration() {
        return org.ops4j.pax.exam.OptionUtils.combine(super.configuration(),
                org.ops4j.pax.exam.CoreOptions.systemProperty(FIGURES)
                        .value(new java.io.File("target/module-update-figures.txt").getAbsolutePath()));
    }

    @Test
    public void pingUpdatedWhileItsCallsRun() throws Exception {
        String prefix = runPrefix("ping");
        eventually("ping ready", () -> servedAndMigrated("ping"));

        List<Outcome> outcomes = whileUpdating("ping", i -> call("ping").uniqueId(prefix + i),
                outcome -> "UP".equals(outcome.variable("CALLSCORE_DATABASE")), "org.callscore.agi.ping");

        eventually("every call in ping_log", () -> rows("SELECT COUNT(*) FROM ping_log WHERE uniqueid LIKE ?",
                prefix) == outcomes.size());
    }

    @Test
    public void surveyUpdatedWhileItsCallsRun() throws Exception {
        String prefix = runPrefix("survey");
        SurveyFixture.write("itest-update", SurveyFixture.THREE_QUESTIONS);
        eventually("the survey served", () -> "completed".equals(surveyCall(prefix + "ready").connect()
                .runToEnd(CALL).variable("SURVEY_STATUS")));

        List<Outcome> outcomes = whileUpdating("survey", i -> surveyCall(prefix + i),
                outcome -> "completed".equals(outcome.variable("SURVEY_STATUS")),
                "org.callscore.survey", "org.callscore.agi.survey");

        eventually("every survey completed in MariaDB, none lost", () -> rows("SELECT COUNT(*) FROM survey_response "
                + "WHERE uniqueid LIKE ? AND status = 'completed' AND uniqueid <> '" + prefix + "ready'", prefix)
                == outcomes.size());
        assertEquals("three answers each", outcomes.size() * 3, rows("SELECT COUNT(*) FROM survey_answer a JOIN "
                + "survey_response r ON r.id = a.response_id WHERE r.uniqueid LIKE ? AND r.uniqueid <> '" + prefix
                + "ready'", prefix));
    }

    private FastAgiCall.Builder surveyCall(String uniqueId) {
        return call("survey?survey=itest-update&queue=update-q").uniqueId(uniqueId).digits("3", "1", "1", "0");
    }

    @Test
    public void ivrUpdatedWhileItsCallsRun() throws Exception {
        String prefix = runPrefix("ivr");
        IvrFixture.write("itest-update.ivr", IvrFixture.MENU);
        eventually("the menu served", () -> "selected".equals(ivrCall(prefix + "ready").connect().runToEnd(CALL)
                .variable("IVR_STATUS")));

        List<Outcome> outcomes = whileUpdating("ivr", i -> ivrCall(prefix + i),
                outcome -> "itest-sales".equals(outcome.variable("IVR_DESTINATION")),
                "org.callscore.ivr", "org.callscore.agi.ivr");

        eventually("every visit in MariaDB, none lost", () -> rows("SELECT COUNT(*) FROM ivr_visit WHERE uniqueid "
                + "LIKE ? AND uniqueid <> '" + prefix + "ready'", prefix) == outcomes.size());
    }

    private FastAgiCall.Builder ivrCall(String uniqueId) {
        return call("ivr?menu=itest-update").uniqueId(uniqueId).playbackKeys("1", "1");
    }

    private static String runPrefix(String module) {
        return "update." + module + "." + System.nanoTime() % 100_000_000 + ".";
    }

    private static int rows(String sql, String prefix) {
        return mariaDbDirect().withHandle(h -> h.createQuery(sql).bind(0, prefix + "%").mapTo(Integer.class).one());
    }

    /**
     * Runs the calls {@value #AT_A_TIME} at a time; once {@value #CALLS_EACH_SIDE} have finished, updates the
     * bundles and refreshes them; goes on until as many have finished after the application is back.
     *
     * @return every call's outcome, each checked: SUCCESS and what the module answers
     */
    private List<Outcome> whileUpdating(String application, Function<Integer, FastAgiCall.Builder> calls,
            Predicate<Outcome> answered, String... bundles) throws Exception {
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        BiConsumer<Integer, Supplier<FastAgiCall>> run = (i, connected) -> {
            try {
                Outcome outcome = connected.get().runToEnd(CALL);
                outcomes.add(outcome);
                if (!"SUCCESS".equals(outcome.agiStatus()) || !answered.test(outcome)) {
                    failures.add("call " + i + ": AGISTATUS " + outcome.agiStatus() + ", commands "
                            + outcome.commands());
                }
            } catch (RuntimeException | AssertionError e) {
                failures.add("call " + i + ": " + e);
            } finally {
                finished.incrementAndGet();
            }
        };
        ExecutorService callers = Executors.newFixedThreadPool(AT_A_TIME + ARRIVING_WHILE_STOPPED);
        for (int caller = 0; caller < AT_A_TIME; caller++) {
            callers.execute(() -> {
                while (!stop.get()) {
                    int i = next.getAndIncrement();
                    run.accept(i, () -> calls.apply(i).connect());
                }
            });
        }
        long log = logSize();
        try {
            eventually(CALLS_EACH_SIDE + " calls before the update", () -> finished.get() >= CALLS_EACH_SIDE);
            updateAndRefresh(bundles);
            eventually("'" + application + "' back", () -> server().applications().contains(application));
            // the update's gaps last milliseconds, shorter than the pause between two calls on a loaded machine;
            // this one is held open, so that calls surely arrive while the application is away
            Bundle serving = bundle(bundles[bundles.length - 1]);
            serving.stop();
            eventually("'" + application + "' away", () -> !server().applications().contains(application));
            for (int arriving = 0; arriving < ARRIVING_WHILE_STOPPED; arriving++) {
                int i = next.getAndIncrement();
                FastAgiCall call = calls.apply(i).connect(); // its request sent now, while the application is away
                callers.execute(() -> run.accept(i, () -> call));
            }
            Thread.sleep(1000); // not a measure: time for the server to read those requests before it comes back
            serving.start();
            eventually("'" + application + "' back", () -> server().applications().contains(application));
            int back = finished.get();
            eventually(CALLS_EACH_SIDE + " calls after the update",
                    () -> finished.get() >= back + CALLS_EACH_SIDE);
        } finally {
            stop.set(true);
            callers.shutdown();
            assertTrue("callers end", callers.awaitTermination(CALL.toSeconds() * 2, TimeUnit.SECONDS));
        }
        List<String> failed = new ArrayList<>(failures);
        String logged = logSince(log);
        assertTrue(failed.size() + " of " + finished.get() + " calls failed, e.g. "
                + failed.subList(0, Math.min(3, failed.size())) + "\nwhat Karaf logged at WARN or ERROR meanwhile, "
                + "and the application's comings and goings:\n"
                + logged.lines().filter(line -> line.contains("| WARN ") || line.contains("| ERROR")
                        || line.startsWith("\tat ") || line.contains("Exception") || line.contains("Error")
                        || line.contains("AGI application '" + application + "'") || line.contains("journal"))
                        .limit(80).collect(java.util.stream.Collectors.joining("\n")), failed.isEmpty());
        assertTrue("calls arrived while '" + application + "' was away, and waited for it:\n" + logged,
                logged.contains("AGI application '" + application + "' is back after"));
        StringBuilder figures = new StringBuilder(application + ": " + finished.get() + " calls, " + AT_A_TIME
                + " at a time, none failed\n");
        logged.lines().filter(line -> line.contains("AGI application '" + application + "'"))
                .forEach(line -> figures.append("  ").append(line).append('\n'));
        java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty(FIGURES)), figures,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        return new ArrayList<>(outcomes);
    }

    /** As {@code bundle:update --refresh} does for each: the new classes, and the modules using them restarted. */
    private void updateAndRefresh(String... symbolicNames) throws Exception {
        List<Bundle> updated = new ArrayList<>();
        for (String name : symbolicNames) {
            Bundle bundle = bundle(name);
            bundle.update();
            updated.add(bundle);
        }
        CountDownLatch refreshed = new CountDownLatch(1);
        bundleContext.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(updated, event -> refreshed.countDown());
        assertTrue("refresh done", refreshed.await(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        for (Bundle bundle : updated) {
            eventually(bundle.getSymbolicName() + " active again", () -> bundle.getState() == Bundle.ACTIVE);
        }
    }
}
