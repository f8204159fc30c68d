package org.callscore.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.callscore.survey.SurveyCatalog;
import org.callscore.testing.asterisk.FastAgiCall;
import org.callscore.testing.asterisk.Outcome;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Callback capture in the real distribution against the real MariaDB: the callback application driven as Asterisk
 * drives it, the callback:* commands on what it stored, the callback module stopped, and a survey's callback rule.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CallbackIT extends CallScoreTestSupport {

    private static final String MODULE = "org.callscore.callback";
    private static final String APPLICATION = "org.callscore.agi.callback";
    private static final String SURVEY_APPLICATION = "org.callscore.agi.survey";

    @Before
    public void callbacksAreReady() throws Exception {
        startIfStopped(MODULE);
        startIfStopped(APPLICATION);
        eventually("callback registered and its schema migrated",
                () -> servedAndMigrated("callback"));
    }

    private static String unique(String what) {
        return "itest-" + what + "-" + System.nanoTime() % 10_000_000;
    }

    /** @return a uniqueid as Asterisk makes them, new to this run */
    private static String callId(String what) {
        return unique(what).replace("itest-", "1700.");
    }

    /**
     * Writes a three-question survey whose complaints become callbacks for a queue of supervisors, and waits
     * until it is loaded with its rule.
     *
     * @return the supervisors' queue
     */
    private String complaintSurvey(String name) throws Exception {
        String supervisors = unique("sup");
        SurveyFixture.write(name, "callback.queue = " + supervisors + "\ncallback.when = complaint\n"
                + SurveyFixture.THREE_QUESTIONS);
        eventually("the " + name + " survey loaded with its rule", () -> service(SurveyCatalog.class)
                .flatMap(c -> c.byName(name)).flatMap(s -> s.callback()).isPresent());
        return supervisors;
    }

    private Map<String, Object> callbackOfCall(String uniqueId) {
        return database().jdbi().withHandle(h -> h.createQuery("SELECT id, queue, customer_number, source, "
                + "reason, asked_for IS NULL AS asap, survey_response FROM callback WHERE call_uniqueid = :u")
                .bind("u", uniqueId).mapToMap().one());
    }

    private int callbacksOfCall(String uniqueId) {
        return database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM callback WHERE call_uniqueid = :u")
                .bind("u", uniqueId).mapTo(Integer.class).one());
    }

    @Test
    public void aCallerRequestsACallbackAndTheConsoleShowsIt() throws Exception {
        String queue = unique("cb");
        String id = callId("call");

        Outcome outcome = call("callback?queue=" + queue + "&reason=itest").uniqueId(id)
                .callerId("0612345678", "Ann").digits("1", "1").connect().runToEnd(CALL);

        assertEquals("SUCCESS", outcome.agiStatus());
        assertEquals("REQUESTED", outcome.variable("CALLSCORE_CALLBACK"));
        String callbackId = outcome.variable("CALLSCORE_CALLBACK_ID");
        Map<String, Object> stored = callbackOfCall(id);
        assertEquals(callbackId, stored.get("id"));
        assertEquals(queue, stored.get("queue"));
        assertEquals("0612345678", stored.get("customer_number"));
        assertEquals("PHONE", stored.get("source"));
        String list = console("callback:list --queue " + queue);
        assertTrue(list, list.contains(callbackId) && list.contains("*******678") && !list.contains("0612345678"));
        String history = console("callback:history " + callbackId);
        assertTrue(history, history.contains("created") && history.contains("phone"));
        console("callback:cancel --why itest " + callbackId);
        assertTrue(console("callback:list --queue " + queue).contains("No callbacks match."));
    }

    @Test
    public void aCallerWhoHangsUpBeforeConfirmingLeavesNothing() {
        String id = callId("hangup");

        Outcome outcome = call("callback?queue=" + unique("cb")).uniqueId(id).callerId("0612345678", "Ann")
                .digits("1", FastAgiCall.CALLER_HANGS_UP).connect().runToEnd(CALL);

        assertEquals("HANGUP", outcome.agiStatus());
        assertEquals(0, callbacksOfCall(id));
    }

    @Test
    public void theCallbackModuleStoppedIsToldToTheDialplanAndNothingIsStored() throws Exception {
        String id = callId("stopped");
        bundle(MODULE).stop();
        try {
            Outcome outcome = call("callback?queue=" + unique("cb")).uniqueId(id).callerId("0612345678", "Ann")
                    .digits("1", "1").connect().runToEnd(CALL);

            assertEquals("SUCCESS", outcome.agiStatus());
            assertEquals("UNAVAILABLE", outcome.variable("CALLSCORE_CALLBACK"));
            assertTrue(outcome.commands().contains("EXEC \"Playback\" \"sorry-youre-having-problems\""));
        } finally {
            startIfStopped(MODULE);
        }
        assertEquals(0, callbacksOfCall(id));
    }

    @Test
    public void theCallbackApplicationStoppedWhileTheCallerAnswersStillRequestsTheCallback() throws Exception {
        String id = callId("appstopped");
        FastAgiCall call = call("callback?queue=" + unique("cb")).uniqueId(id).callerId("0612345678", "Ann")
                .digits("1", "1").connect();
        call.respondUntil(c -> c.startsWith("GET DATA") && c.contains("one-moment-please"), CALL); // choosing when
        bundle(APPLICATION).stop(); // its component deactivated under the call, as by an update
        try {
            Outcome outcome = call.runToEnd(CALL);

            assertEquals("SUCCESS", outcome.agiStatus());
            assertEquals("REQUESTED", outcome.variable("CALLSCORE_CALLBACK"));
        } finally {
            startIfStopped(APPLICATION);
        }
        assertEquals(1, callbacksOfCall(id));
    }

    @Test
    public void aComplaintInASurveyWithACallbackRuleBecomesOneCallbackForTheSupervisors() throws Exception {
        String supervisors = complaintSurvey("itest-loop");
        String good = callId("good");
        String bad = callId("bad");

        for (List<String> keys : List.of(List.of(good, "5", "1", "1", "0"), List.of(bad, "1", "2", "0"))) {
            Outcome outcome = call("survey?survey=itest-loop&queue=itest-sales").uniqueId(keys.get(0))
                    .callerId("0698765432", "Bob").digits(keys.subList(1, keys.size()).toArray(String[]::new))
                    .connect().runToEnd(CALL);
            assertEquals("completed", outcome.variable("SURVEY_STATUS"));
        }

        eventually("the complaint's callback stored", () -> callbacksOfCall(bad) == 1);
        Map<String, Object> stored = callbackOfCall(bad);
        assertEquals(supervisors, stored.get("queue"));
        assertEquals("SURVEY", stored.get("source"));
        assertEquals("0698765432", stored.get("customer_number"));
        assertEquals(SurveyFixture.response(database().jdbi(), bad).get("id"), stored.get("survey_response"));
        assertTrue(String.valueOf(stored.get("reason")), String.valueOf(stored.get("reason"))
                .startsWith("survey itest-loop: complaint"));
        assertEquals("the satisfied caller is not called back", 0, callbacksOfCall(good));
    }

    @Test
    public void aComplaintInASurveyWhoseApplicationStopsMidCallStillBecomesACallback() throws Exception {
        String supervisors = complaintSurvey("itest-loop-stop");
        String id = callId("stopping");
        FastAgiCall call = call("survey?survey=itest-loop-stop&queue=itest-sales").uniqueId(id)
                .callerId("0698765432", "Bob").digits("1", "2", "0").connect();
        call.respondUntil(c -> c.startsWith("GET DATA"), CALL); // the first question asked
        bundle(SURVEY_APPLICATION).stop(); // its components deactivated under the call, as by an update
        try {
            assertEquals("completed", call.runToEnd(CALL).variable("SURVEY_STATUS"));
        } finally {
            startIfStopped(SURVEY_APPLICATION);
        }

        eventually("the complaint's callback stored", () -> callbacksOfCall(id) == 1);
        assertEquals(supervisors, callbackOfCall(id).get("queue"));
    }
}
