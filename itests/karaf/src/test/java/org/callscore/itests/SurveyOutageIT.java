package org.callscore.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;

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
 * MariaDB taken away (through a proxy the test controls) while a caller is answering the survey: the call
 * goes on, the answers wait in the journal, and reach the database once, in order, when it is back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SurveyOutageIT extends DatabaseOutageTestSupport {

    private static final Duration CALL = Duration.ofSeconds(30);

    private SurveyResponses responses() {
        return service(SurveyResponses.class).orElseThrow(() -> new AssertionError("no SurveyResponses service"));
    }

    @Test
    public void answersGivenWhileMariaDbIsDownAreWrittenOnceWhenItIsBack() throws Exception {
        proxy.start();
        SurveyFixture.write("itest-outage", SurveyFixture.THREE_QUESTIONS);
        eventually("survey ready", () -> server().applications().contains("survey") && database().isReady("survey")
                && service(SurveyCatalog.class).flatMap(c -> c.byName("itest-outage")).isPresent());
        String id = "survey.outage." + System.nanoTime() % 10_000_000;
        FastAgiCall call = call("survey?survey=itest-outage&queue=outage-q").uniqueId(id).digits("3", "1", "1", "0")
                .connect();
        call.respondUntil(command -> command.startsWith("GET DATA \"itest/q-solved\""), CALL);

        proxy.stop();
        eventually("the outage is seen", () -> !database().status().reachable());
        Outcome outcome = call.runToEnd(CALL);

        assertEquals("the caller noticed nothing", "completed", outcome.variable("SURVEY_STATUS"));
        assertEquals("SUCCESS", outcome.agiStatus());
        assertEquals("only the answer given before the outage is in MariaDB", List.of("attitude=3@1"),
                SurveyFixture.answers(mariaDbDirect(), id));
        assertTrue("the later answers and the end wait in the journal", responses().pending() >= 3);

        proxy.start();
        eventually("the journal written to MariaDB", () -> responses().pending() == 0);

        assertEquals(List.of("attitude=3@1", "solved=1@1", "recommend=10@1"), SurveyFixture.answers(mariaDbDirect(), id));
        assertEquals("completed", SurveyFixture.response(mariaDbDirect(), id).get("status"));
        Thread.sleep(3000); // two more replay rounds: nothing may be written twice
        assertEquals(3, SurveyFixture.answers(mariaDbDirect(), id).size());
        assertEquals(1, SurveyFixture.responses(mariaDbDirect(), id));
    }
}
