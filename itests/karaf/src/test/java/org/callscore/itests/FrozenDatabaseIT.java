package org.callscore.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.callscore.survey.SurveyCatalog;
import org.callscore.survey.SurveyResponses;
import org.callscore.testing.asterisk.FastAgiCall;
import org.callscore.testing.asterisk.Outcome;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * MariaDB frozen (the proxy in front of it stops forwarding without closing anything, as a server hung on a
 * lock or a network dropping packets) while survey and IVR calls are in flight: every call ends, with its
 * destination and its outcome, while MariaDB is still frozen; once it thaws, every answer and every visit is in
 * MariaDB exactly once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FrozenDatabaseIT extends DatabaseOutageTestSupport {

    private static final int SURVEY_CALLS = 25;
    private static final int IVR_CALLS = 25;
    /** A guard against a hang, not a speed figure: a call that waits on the frozen MariaDB never ends. */
    private static final Duration CALL = Duration.ofSeconds(60);

    private SurveyResponses responses() {
        return service(SurveyResponses.class).orElseThrow(() -> new AssertionError("no SurveyResponses service"));
    }

    /** Visits waiting in the IVR spool (org.callscore.ivr.visits.cfg's default folder). */
    private static int spooledVisits() {
        Path spool = Path.of(System.getProperty("karaf.data"), "callscore", "ivr-visits");
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(spool)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".visit")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    public void callsInFlightEndWhileMariaDbIsFrozenAndNothingIsLostOrDoubled() throws Exception {
        proxy.start();
        SurveyFixture.write("itest-frozen", SurveyFixture.THREE_QUESTIONS);
        IvrFixture.write("itest-frozen.ivr", IvrFixture.MENU);
        eventually("survey and ivr ready", () -> servedAndMigrated("survey") && servedAndMigrated("ivr")
                && service(SurveyCatalog.class).flatMap(c -> c.byName("itest-frozen")).isPresent()
                && shell("ivr:list").contains("\nitest-frozen "));
        String run = String.valueOf(System.nanoTime() % 10_000_000);

        // survey callers are answering the second question when MariaDB freezes
        List<FastAgiCall> surveys = new ArrayList<>();
        for (int i = 0; i < SURVEY_CALLS; i++) {
            FastAgiCall call = call("survey?survey=itest-frozen&queue=frozen-q").uniqueId("frozen.s." + run + "." + i)
                    .digits("3", "1", "1", "0").connect();
            call.respondUntil(command -> command.startsWith("GET DATA \"itest/q-solved\""), CALL);
            surveys.add(call);
        }
        proxy.freeze();
        long frozenAt = System.nanoTime();

        ExecutorService callers = Executors.newFixedThreadPool(SURVEY_CALLS + IVR_CALLS);
        try {
            List<Future<Outcome>> surveyOutcomes = new ArrayList<>();
            for (FastAgiCall call : surveys) {
                surveyOutcomes.add(callers.submit(() -> call.runToEnd(CALL)));
            }
            List<Future<Outcome>> ivrOutcomes = new ArrayList<>();
            for (int i = 0; i < IVR_CALLS; i++) {
                String id = "frozen.i." + run + "." + i;
                ivrOutcomes.add(callers.submit(() -> call("ivr?menu=itest-frozen").uniqueId(id)
                        .variable("CHANNEL(linkedid)", id).playbackKeys("1", "1").connect().runToEnd(CALL)));
            }
            for (Future<Outcome> outcome : surveyOutcomes) {
                assertEquals("completed", outcome.get().variable("SURVEY_STATUS"));
                assertEquals("SUCCESS", outcome.get().agiStatus());
            }
            for (Future<Outcome> outcome : ivrOutcomes) {
                assertEquals("itest-sales", outcome.get().variable("IVR_DESTINATION"));
                assertEquals("SUCCESS", outcome.get().agiStatus());
            }
        } finally {
            callers.shutdownNow();
        }
        // a figure for the report, not an assertion (machines are noisy)
        System.out.printf("FrozenDatabaseIT: %d survey and %d IVR calls ended %d ms after MariaDB froze%n",
                SURVEY_CALLS, IVR_CALLS, (System.nanoTime() - frozenAt) / 1_000_000);
        assertTrue("survey events wait in the journal", responses().pending() >= SURVEY_CALLS);
        assertTrue("IVR visits wait in the spool", spooledVisits() > 0);

        proxy.thaw();
        eventually("the journal and the spool written to MariaDB",
                () -> responses().pending() == 0 && spooledVisits() == 0);
        Thread.sleep(3000); // more replay rounds, and any late write: nothing may be written twice
        for (int i = 0; i < SURVEY_CALLS; i++) {
            String id = "frozen.s." + run + "." + i;
            assertEquals(id, List.of("attitude=3@1", "solved=1@1", "recommend=10@1"),
                    SurveyFixture.answers(mariaDbDirect(), id));
            assertEquals(id, "completed", SurveyFixture.response(mariaDbDirect(), id).get("status"));
            assertEquals(id, 1, SurveyFixture.responses(mariaDbDirect(), id));
        }
        for (int i = 0; i < IVR_CALLS; i++) {
            String id = "frozen.i." + run + "." + i;
            assertEquals(id, 1, IvrFixture.visits(mariaDbDirect(), id));
            assertEquals(id, "itest-sales", IvrFixture.visit(mariaDbDirect(), id).get("exit_target"));
        }

        // MariaDB took the replay: a new call's answers go straight to it again
        String after = "frozen.after." + run;
        Outcome outcome = call("survey?survey=itest-frozen&queue=frozen-q").uniqueId(after).digits("3", "1", "1", "0")
                .connect().runToEnd(CALL);
        assertEquals("completed", outcome.variable("SURVEY_STATUS"));
        assertEquals(3, SurveyFixture.answers(mariaDbDirect(), after).size());
    }
}
