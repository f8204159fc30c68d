package org.callscore.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
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
import org.osgi.framework.Bundle;

/** The survey application in the real distribution, driven as Asterisk drives it, against the real MariaDB. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SurveyIT extends CallScoreTestSupport {

    private static final String QUEUE = "itest-sales";
    private static final String APPLICATION_BUNDLE = "org.callscore.agi.survey";

    @Before
    public void surveyIsReady() throws Exception {
        startIfStopped(APPLICATION_BUNDLE);
        SurveyFixture.write("itest", "queues = " + QUEUE + "\n" + SurveyFixture.THREE_QUESTIONS);
        eventually("survey registered, its schema migrated and the itest survey loaded",
                () -> servedAndMigrated("survey")
                        && service(SurveyCatalog.class).flatMap(c -> c.byName("itest")).isPresent());
    }

    private static String uniqueId(String test) {
        return "survey." + test + "." + System.nanoTime() % 10_000_000;
    }

    private FastAgiCall.Builder surveyCall(String uniqueId) {
        return call("survey?queue=" + QUEUE + "&agent=agent1").uniqueId(uniqueId)
                .variable("CHANNEL(linkedid)", uniqueId + "0");
    }

    @Test
    public void aCompletedSurveyIsStoredWithTheCallQueueAndAgentAndToldToTheDialplan() {
        String id = uniqueId("complete");

        Outcome outcome = surveyCall(id).digits("4", "1", "1", "0").connect().runToEnd(CALL);

        assertEquals("SUCCESS", outcome.agiStatus());
        assertEquals("completed", outcome.variable("SURVEY_STATUS"));
        assertEquals("itest", outcome.variable("SURVEY_NAME"));
        assertEquals("3", outcome.variable("SURVEY_ANSWERS"));
        assertEquals("4.00", outcome.variable("SURVEY_MEAN"));
        assertEquals("0", outcome.variable("SURVEY_COMPLAINT"));
        Map<String, Object> response = SurveyFixture.response(database().jdbi(), id);
        assertEquals(outcome.variable("SURVEY_RESPONSE_ID"), response.get("id"));
        assertEquals("completed", response.get("status"));
        assertEquals(id + "0", response.get("linkedid"));
        assertEquals(QUEUE, response.get("queue"));
        assertEquals("agent1", response.get("agent"));
        assertEquals(List.of("attitude=4@1", "solved=1@1", "recommend=10@1"), SurveyFixture.answers(database().jdbi(), id));
        assertTrue(outcome.commands().contains("EXEC \"Playback\" \"itest/intro\""));
        assertTrue(outcome.commands().contains("EXEC \"Playback\" \"itest/thanks\""));
    }

    @Test
    public void surveyResultsShowsTheScoresOfTheCallsJustMade() throws Exception {
        String queue = "itest-results-" + System.nanoTime() % 100_000;
        // 5, yes, 10: satisfied, a promoter; 1, no, 0: a complaint, a detractor
        for (String[] keys : new String[][] {{"5", "1", "1", "0"}, {"1", "2", "0"}}) {
            assertEquals("completed", call("survey?survey=itest&queue=" + queue + "&agent=agent7")
                    .uniqueId(uniqueId("results")).digits(keys).connect().runToEnd(CALL).variable("SURVEY_STATUS"));
        }

        String table = console("survey:results --queue " + queue + " --by agent --from 2020-01-01");

        // offered 2, completed 2, response rate 100 %, mean (5+1)/2, satisfaction 1/2, CSAT 1/2,
        // NPS 50 - 50 = 0, complaint rate 1/2
        assertTrue(table, table.matches("(?s).*\\nagent7 +2 +2 +100\\.0 +3\\.00 +50\\.0 +50\\.0 +0\\.0 +50\\.0\\n.*"));
        assertTrue(table, table.matches("(?s).*agent7 +empathy +50\\.0.*"));
    }

    @Test
    public void surveyListShowsTheSurveysInUseAndTheFilesRefused() throws Exception {
        SurveyFixture.write("itest-broken", "intro = ../../etc/passwd\nthanks = t\nquestion.1.prompt = q\n");
        eventually("broken file seen", () -> service(SurveyCatalog.class)
                .map(c -> c.problems().containsKey("itest-broken.survey")).orElse(false));

        String listing = console("survey:list");

        assertTrue(listing, listing.matches("(?s).*\\nitest +itest-sales +3 .*"));
        assertTrue(listing, listing.contains("  recommend        0-10"));
        assertTrue(listing, listing.contains("itest-broken.survey: survey itest-broken: intro '../../etc/passwd' is "
                + "not an Asterisk sound name"));
        assertTrue(listing, listing.contains("Survey journal: empty"));
        java.nio.file.Files.delete(SurveyFixture.folder().resolve("itest-broken.survey"));
    }

    @Test
    public void invalidKeysAndSilenceAreAskedAgainThenTheQuestionIsLeft() {
        String id = uniqueId("invalid");

        // attitude (2 retries): 9, silence, then 1, a complaint; solved (1 retry): * then silence, left;
        // recommend: 8
        Outcome outcome = surveyCall(id).digits("9", FastAgiCall.TIMEOUT, "1", "*", FastAgiCall.TIMEOUT, "8")
                .connect().runToEnd(CALL);

        assertEquals("partial", outcome.variable("SURVEY_STATUS"));
        assertEquals("1", outcome.variable("SURVEY_COMPLAINT"));
        assertEquals(List.of("attitude=1!@3", "recommend=8@1"), SurveyFixture.answers(database().jdbi(), id));
        long invalidPrompts = outcome.commands().stream().filter(c -> c.startsWith("EXEC \"Playback\" \"itest/invalid\"")).count();
        assertEquals("2 re-asks of attitude, 1 of solved", 3, invalidPrompts);
    }

    @Test
    public void aCallerWhoHangsUpAtEachQuestionLeavesEveryAnswerGiven() {
        String[][] keysBeforeHangup = {{}, {"5"}, {"5", "2"}};
        String[] expectedStatus = {"unanswered", "partial", "partial"};
        for (int question = 0; question < 3; question++) {
            String id = uniqueId("hangup" + question);
            String[] keys = java.util.Arrays.copyOf(keysBeforeHangup[question], question + 1);
            keys[question] = FastAgiCall.CALLER_HANGS_UP;

            Outcome outcome = surveyCall(id).digits(keys).connect().runToEnd(CALL);

            assertFalse(outcome.commands().stream().anyMatch(c -> c.startsWith("FAILURE")));
            Map<String, Object> response = SurveyFixture.response(database().jdbi(), id);
            assertEquals("hang-up at question " + (question + 1), expectedStatus[question], response.get("status"));
            assertEquals(1L, ((Number) response.get("ended")).longValue());
            assertEquals(question, SurveyFixture.answers(database().jdbi(), id).size());
        }
    }

    @Test
    public void aCallerWhoNeverAnswersLeavesAnUnansweredRecord() {
        String id = uniqueId("silent");

        Outcome outcome = surveyCall(id).connect().runToEnd(CALL);

        assertEquals("SUCCESS", outcome.agiStatus());
        assertEquals("unanswered", outcome.variable("SURVEY_STATUS"));
        assertEquals("", outcome.variable("SURVEY_MEAN"));
        assertEquals("unanswered", SurveyFixture.response(database().jdbi(), id).get("status"));
    }

    @Test
    public void consentDeclinedPlaysThanksAndStoresNoAnswer() throws Exception {
        SurveyFixture.write("itest-consent", "consent = itest/consent\n" + SurveyFixture.THREE_QUESTIONS);
        eventually("consent survey loaded",
                () -> service(SurveyCatalog.class).flatMap(c -> c.byName("itest-consent")).isPresent());
        String id = uniqueId("declined");

        Outcome outcome = call("survey?survey=itest-consent").uniqueId(id).digits("2").connect().runToEnd(CALL);

        assertEquals("declined", outcome.variable("SURVEY_STATUS"));
        assertEquals("declined", SurveyFixture.response(database().jdbi(), id).get("status"));
        assertNull(SurveyFixture.response(database().jdbi(), id).get("queue"));
        assertTrue(SurveyFixture.answers(database().jdbi(), id).isEmpty());
        assertFalse(outcome.commands().stream().anyMatch(c -> c.contains("q-attitude")));
    }

    @Test
    public void aSoundAsteriskCannotPlayLeavesAgiStatusSuccessIsSkippedAndLoggedOnce() throws Exception {
        SurveyFixture.write("itest-sounds", "intro = itest/no-intro\ninvalid.key = itest/invalid\nthanks = itest/thanks\n"
                + "question.1.prompt = itest/q-attitude\nquestion.2.prompt = itest/no-question\n"
                + "question.3.prompt = itest/q-recommend\n");
        eventually("survey itest-sounds loaded",
                () -> service(SurveyCatalog.class).flatMap(c -> c.byName("itest-sounds")).isPresent());
        long logStart = logSize();
        for (String id : List.of(uniqueId("sounds1"), uniqueId("sounds2"))) {
            Outcome outcome = call("survey?survey=itest-sounds").uniqueId(id)
                    .missingSounds("itest/no-intro", "itest/no-question").digits("4", "5").connect().runToEnd(CALL);

            // the caller is still there: not "caller gone", the survey goes on past the missing sounds
            assertEquals("SUCCESS", outcome.agiStatus());
            assertEquals("partial", outcome.variable("SURVEY_STATUS"));
            assertEquals("2", outcome.variable("SURVEY_ANSWERS"));
            assertEquals(List.of("q1=4@1", "q3=5@1"), SurveyFixture.answers(database().jdbi(), id));
        }
        eventually("both calls logged", () -> times(logSince(logStart), "Survey itest-sounds on") == 2);
        String log = logSince(logStart);
        assertFalse(log, log.contains("caller gone"));
        assertEquals(log, 1, times(log, "cannot play the sound 'itest/no-intro'"));
        assertEquals(log, 1, times(log, "cannot play the sound 'itest/no-question'"));
        assertTrue(log, log.contains(": partial, 2 answers"));
        assertEquals(java.util.Set.of("itest/no-intro", "itest/no-question"),
                service(SurveyCatalog.class).get().missingSounds().get("itest-sounds"));
    }

    @Test
    public void anUnknownSurveyFailsTheAgiWithOneLogLineAndTheCallGoesOn() throws Exception {
        long logStart = logSize();
        String id = uniqueId("unknown");

        Outcome outcome = call("survey?survey=no-such-survey").uniqueId(id).connect().runToEnd(CALL);

        assertEquals("FAILURE", outcome.agiStatus());
        assertEquals(0, SurveyFixture.responses(database().jdbi(), id));
        loggedOnce(logStart, "no survey named 'no-such-survey'");
    }

    @Test
    public void theApplicationStoppedBetweenTwoCallsFailsTheSecondAndServesTheThirdWhenStarted() throws Exception {
        bundle(APPLICATION_BUNDLE).stop();
        eventually("survey unregistered", () -> !server().applications().contains("survey"));
        String stopped = uniqueId("stopped");

        assertEquals("FAILURE", surveyCall(stopped).connect().runToEnd(CALL).agiStatus());
        assertEquals(0, SurveyFixture.responses(database().jdbi(), stopped));

        bundle(APPLICATION_BUNDLE).start();
        eventually("survey registered again", () -> server().applications().contains("survey"));
        String started = uniqueId("started");
        assertEquals("completed", surveyCall(started).digits("3", "2", "5").connect().runToEnd(CALL)
                .variable("SURVEY_STATUS"));
    }

    @Test
    public void theSurveyModuleStoppedMidCallLosesNoAnswer() throws Exception {
        String id = uniqueId("midcall");
        FastAgiCall call = surveyCall(id).digits("2", "1", "7").connect();
        // run until the second question is asked: the first answer is stored by then
        call.respondUntil(command -> command.startsWith("GET DATA \"itest/q-solved\""), CALL);

        Bundle module = bundle("org.callscore.survey");
        module.stop();
        Outcome outcome = call.runToEnd(CALL);
        java.nio.file.Path journal = java.nio.file.Path.of(System.getProperty("karaf.data"), "callscore",
                "survey-journal.log");
        assertEquals("while the module is stopped, the call's later events wait in the journal", 3,
                java.nio.file.Files.readAllLines(journal).stream().filter(l -> l.contains(outcome.variable(
                        "SURVEY_RESPONSE_ID"))).count());
        assertEquals(1, SurveyFixture.answers(database().jdbi(), id).size());
        module.start();

        assertEquals("completed", outcome.variable("SURVEY_STATUS"));
        eventually("every answer written, the later ones through the journal",
                () -> SurveyFixture.answers(database().jdbi(), id).size() == 3
                        && "completed".equals(SurveyFixture.response(database().jdbi(), id).get("status")));
        assertEquals(List.of("attitude=2@1", "solved=1@1", "recommend=7@1"), SurveyFixture.answers(database().jdbi(), id));
    }

    @Test
    public void aChangedSurveyFileIsUsedByTheNextCallWithoutARestart() throws Exception {
        SurveyFixture.write("itest-edit", "intro = itest/intro\nthanks = itest/thanks\nquestion.1.prompt = itest/old\n");
        eventually("first version loaded", () -> service(SurveyCatalog.class)
                .flatMap(c -> c.byName("itest-edit")).map(s -> s.questions().size() == 1).orElse(false));
        String before = uniqueId("edit1");
        assertTrue(call("survey?survey=itest-edit").uniqueId(before).digits("5").connect().runToEnd(CALL)
                .commands().contains("GET DATA \"itest/old\" 5000 1"));

        SurveyFixture.write("itest-edit", "intro = itest/intro\nthanks = itest/thanks\nquestion.1.prompt = itest/new\n"
                + "question.2.prompt = itest/new2\n");
        eventually("edit picked up", () -> service(SurveyCatalog.class)
                .flatMap(c -> c.byName("itest-edit")).map(s -> s.questions().size() == 2).orElse(false));
        String after = uniqueId("edit2");
        Outcome outcome = call("survey?survey=itest-edit").uniqueId(after).digits("5", "4").connect().runToEnd(CALL);

        assertTrue(outcome.commands().contains("GET DATA \"itest/new2\" 5000 1"));
        int versions = database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT survey_sha256) FROM "
                + "survey_response WHERE uniqueid IN (:a, :b)").bind("a", before).bind("b", after)
                .mapTo(Integer.class).one());
        assertEquals("each response points at the version it answered", 2, versions);
    }

    @Test
    public void hostileCallerIdsAndArgumentsReachNoCommandNoRowAndNoLogLineUnescaped() throws Exception {
        long logStart = logSize();
        String id = uniqueId("hostile");
        // a lone CR can arrive in a caller ID (a CR LF would end Asterisk's own environment line)
        String evilName = "Evil\", x\rEXEC System rm -rf /\r";

        Outcome outcome = call("survey?queue=" + QUEUE + "&agent=a,b%0D%0AVERBOSE").uniqueId(id)
                .callerId("100\rEXEC System x,y", evilName).channel("PJSIP/evil\rINJECTED-00000001")
                .digits("5", "1", "9").connect().runToEnd(CALL);

        assertEquals("completed", outcome.variable("SURVEY_STATUS"));
        for (String command : outcome.commands()) {
            assertFalse(command, command.contains("Evil") || command.contains("EXEC System")
                    || command.contains("100\r"));
        }
        Map<String, Object> response = SurveyFixture.response(database().jdbi(), id);
        assertNull("an agent value with separators is no agent", response.get("agent"));
        eventually("the survey's log line written", () -> logSince(logStart).contains("Survey itest on"));
        String log = logSince(logStart);
        assertFalse(log.contains("\rINJECTED"));
        assertFalse(log.contains("Evil"));
        assertTrue(log.contains("PJSIP/evil\\x0dINJECTED-00000001"));
    }
}
