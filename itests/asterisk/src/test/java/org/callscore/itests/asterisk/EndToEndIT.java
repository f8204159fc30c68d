package org.callscore.itests.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callscore.itests.asterisk.TestSite.newCaller;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real calls through a real Asterisk 22 into CallScore: sipp callers dial the hotline, wait in a real Queue(),
 * are answered by sipp agents, and take the survey by pressing keys (SIP INFO) after the agent hangs up. Each
 * scenario checks what landed in MariaDB: the survey rows CallScore wrote, tied to the uniqueid, linkedid,
 * queue and agent of the queue_log and CDR rows Asterisk wrote for the same call.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndIT {

    /** Every question of the test survey: 4 s to answer, asked twice at most, so a silent caller is done soon. */
    static final String SURVEY = String.join("\n",
            "queues = sales, support",
            "intro = beep",
            "invalid.key = beep",
            "thanks = beep",
            "question.1.id = attitude",
            "question.1.prompt = beep",
            "question.1.dimension = empathy",
            "question.1.complaint.on.lowest = true",
            "question.1.timeout.seconds = 4",
            "question.1.retries = 1",
            "question.2.id = solved",
            "question.2.prompt = beep",
            "question.2.scale = yes-no",
            "question.2.timeout.seconds = 4",
            "question.2.retries = 1",
            "question.3.id = overall",
            "question.3.prompt = beep",
            "question.3.timeout.seconds = 4",
            "question.3.retries = 1",
            "");
    /** Agents of the sales queue that answer after 2 s and hang up after 3 s of talk. */
    private static final String[] SALES_AGENTS = {"-a", "1:answer:2000:3000", "-a", "2:answer:2000:3000"};
    /** The survey's first question is asked about 5.5 s after the answer (2 s ring, 3 s talk, the intro). */
    private static final int FIRST_KEY_MS = 7000;
    private static final int KEY_GAP_MS = 1500;

    private TestSite site;

    @BeforeAll
    void startTheCallCentre() {
        site = TestSite.start(SURVEY);
    }

    @AfterAll
    void stopTheCallCentre() {
        if (site != null) {
            site.close();
        }
    }

    private List<String> queueEvents(String uniqueId) {
        return site.query("SELECT event FROM queue_log WHERE callid = ? ORDER BY id", uniqueId).stream()
                .map(row -> (String) row.get("event")).collect(Collectors.toList());
    }

    private String connectedAgent(String uniqueId) {
        List<Map<String, Object>> rows = site.query("SELECT agent FROM queue_log WHERE callid = ? AND event = 'CONNECT'",
                uniqueId);
        assertThat(rows).hasSize(1);
        return (String) rows.get(0).get("agent");
    }

    /** The survey row CallScore wrote for the call, once its end is recorded. */
    private Map<String, Object> surveyOf(String uniqueId) {
        TestSite.eventually("the survey of " + uniqueId + " ended", Duration.ofSeconds(30), () -> !site.query(
                "SELECT id FROM survey_response WHERE uniqueid = ? AND ended_at IS NOT NULL", uniqueId).isEmpty());
        List<Map<String, Object>> rows = site.query("SELECT id, survey, linkedid, queue, agent, status "
                + "FROM survey_response WHERE uniqueid = ?", uniqueId);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private List<String> answersOf(String uniqueId) {
        return site.query("SELECT CONCAT(a.question_id, '=', a.score, '@', a.attempts) AS answer FROM survey_answer a "
                + "JOIN survey_response r ON r.id = a.response_id WHERE r.uniqueid = ? ORDER BY a.position", uniqueId)
                .stream().map(row -> (String) row.get("answer")).collect(Collectors.toList());
    }

    /**
     * What the reports module made of the call from the queue_log Asterisk wrote: its outcome, the agent who
     * answered and the wait, which must match what the scenario did within a second.
     */
    private void assertReported(String uniqueId, String status, String agent, int waitSeconds) {
        TestSite.eventually("the reports module ingested the end of " + uniqueId, Duration.ofSeconds(40), () -> !site
                .query("SELECT status FROM reports_call WHERE callid = ? AND ended_at IS NOT NULL", uniqueId).isEmpty());
        Map<String, Object> call = site.query("SELECT status, agent, wait_s, queue FROM reports_call WHERE callid = ?",
                uniqueId).get(0);
        assertThat(call.get("status")).as("outcome of %s", uniqueId).isEqualTo(status);
        assertThat(call.get("agent")).as("agent of %s", uniqueId).isEqualTo(agent);
        assertThat(((Number) call.get("wait_s")).intValue()).as("wait of %s", uniqueId)
                .isBetween(waitSeconds - 1, waitSeconds + 1);
    }

    /** A caller no agent answered: the queue's last event, no survey, and the reports' outcome and wait. */
    private void assertLeftTheQueueWithoutASurvey(String caller, String lastEvent, String status, int waitSeconds) {
        String uniqueId = site.callerUniqueId(caller);
        assertThat(queueEvents(uniqueId)).startsWith("ENTERQUEUE").endsWith(lastEvent);
        assertThat(site.query("SELECT id FROM survey_response WHERE uniqueid = ?", uniqueId)).isEmpty();
        assertReported(uniqueId, status, "", waitSeconds);
    }

    private void assertSurveyTiedToTheCall(String uniqueId, Map<String, Object> survey, String queue) {
        assertThat(survey.get("survey")).isEqualTo(TestSite.SURVEY);
        assertThat(survey.get("linkedid")).isEqualTo(uniqueId);
        assertThat(survey.get("queue")).isEqualTo(queue);
        assertThat(survey.get("agent")).as("the agent queue_log says answered").isEqualTo(connectedAgent(uniqueId));
    }

    /**
     * The IVR in front of the queue: key 1 in the menu at 1.5 s (during its WAIT FOR DIGIT) sends the caller to
     * the sales queue through the shipped [callscore-ivr] and [callscore-queue]; the agent answers after 2 s and
     * talks 3 s; the survey's first question comes about 7 s after the answer, so the survey's keys start at
     * 8.8 s.
     */
    @Test
    void aCallerGoesThroughTheIvrIntoTheQueueIsAnsweredAndCompletesTheSurvey() throws Exception {
        site.writeMenuFile("e2e", "agent = support", "menu.main.prompt = beep", "menu.main.timeout.seconds = 8",
                "menu.main.key.1 = queue:sales", "menu.main.key.2 = queue:support");
        String caller = newCaller();

        site.call(concat(new String[] {"-s", "103"}, concat(SALES_AGENTS, caller + ";1500;1;4;1;" + KEY_GAP_MS + ";0;5;7300")));

        String uniqueId = site.callerUniqueId(caller);
        Map<String, Object> visit = visitOf(uniqueId, "tree, linkedid, path, exit_type, exit_target, status, "
                + "agent_requested, caller_hung_up");
        assertThat(visit.get("tree")).isEqualTo("e2e");
        assertThat(visit.get("linkedid")).isEqualTo(uniqueId);
        assertThat(visit.get("path")).isEqualTo("main:1");
        assertThat(visit.get("exit_type")).isEqualTo("queue");
        assertThat(visit.get("exit_target")).isEqualTo("sales");
        assertThat(visit.get("status")).isEqualTo("selected");
        assertThat(visit.get("caller_hung_up")).isIn(false, 0, Boolean.FALSE);
        assertThat(queueEvents(uniqueId)).containsExactly("ENTERQUEUE", "CONNECT", "COMPLETEAGENT");
        Map<String, Object> survey = surveyOf(uniqueId);
        assertSurveyTiedToTheCall(uniqueId, survey, "sales");
        assertThat(survey.get("status")).isEqualTo("completed");
        assertThat(answersOf(uniqueId)).containsExactly("attitude=4@1", "solved=1@1", "overall=5@1");
    }

    @Test
    void anAnsweredCallerCompletesTheSurveyAfterTheAgentHangsUp() {
        String caller = newCaller();

        site.call(concat(SALES_AGENTS, caller + ";" + FIRST_KEY_MS + ";4;1;5;" + KEY_GAP_MS + ";0"));

        String uniqueId = site.callerUniqueId(caller);
        assertThat(queueEvents(uniqueId)).containsExactly("ENTERQUEUE", "CONNECT", "COMPLETEAGENT");
        Map<String, Object> survey = surveyOf(uniqueId);
        assertSurveyTiedToTheCall(uniqueId, survey, "sales");
        assertThat(survey.get("status")).isEqualTo("completed");
        assertThat(answersOf(uniqueId)).containsExactly("attitude=4@1", "solved=1@1", "overall=5@1");
        assertThat(site.query("SELECT disposition FROM cdr WHERE uniqueid = ? AND dstchannel LIKE 'PJSIP/agent%'",
                uniqueId)).extracting(row -> row.get("disposition")).contains("ANSWERED");
        assertReported(uniqueId, "answered", connectedAgent(uniqueId), 2);
        // the join the contract suggests for the caller's number: CallScore's tables and Asterisk's in one collation
        assertThat(site.query("SELECT DISTINCT c.src FROM survey_response r JOIN cdr c ON c.uniqueid = r.uniqueid "
                + "WHERE r.uniqueid = ?", uniqueId)).extracting(row -> row.get("src")).containsExactly(caller);
        // the shipped Verbose line names the response, and AGISTATUS agrees with the completed survey
        assertThat(site.pbxLog()).contains("CallScore survey: AGISTATUS=SUCCESS id=" + survey.get("id")
                + " survey=" + TestSite.SURVEY + " status=completed answers=3 mean=4.50 complaint=0");
    }

    /**
     * Sounds Asterisk does not have (an intro, a question's prompt): the caller is still there, so the survey goes
     * on without them, AGISTATUS stays SUCCESS with the variables set, and CallScore names each sound once.
     */
    @Test
    void aSurveyWithSoundsAsteriskDoesNotHaveGoesOnAndNamesThem() {
        long logStart = site.karafLogSize();
        site.writeSurvey(SURVEY.replace("intro = beep", "intro = callscore-e2e-no-intro").replaceFirst(
                "question.2.prompt = beep", "question.2.prompt = callscore-e2e-no-question"));
        String caller = newCaller();
        try {
            TestSite.eventually("the survey with missing sounds loaded", Duration.ofSeconds(30),
                    () -> site.karafLog(logStart).contains("Survey " + TestSite.SURVEY + " reloaded"));
            // no intro: the first question comes about 5 s after the answer; its prompt-less second one is skipped
            site.call(concat(SALES_AGENTS, caller + ";" + FIRST_KEY_MS + ";4;5;;" + KEY_GAP_MS + ";0"));
            // while the file still names them (survey:list shows only sounds the survey still plays)
            assertThat(site.console("survey:list")).contains("Sounds Asterisk could not play")
                    .contains("e2e: callscore-e2e-no-intro, callscore-e2e-no-question");
        } finally {
            long restored = site.karafLogSize();
            site.writeSurvey(SURVEY);
            TestSite.eventually("the test survey restored", Duration.ofSeconds(30),
                    () -> site.karafLog(restored).contains("Survey " + TestSite.SURVEY + " reloaded"));
        }

        String uniqueId = site.callerUniqueId(caller);
        Map<String, Object> survey = surveyOf(uniqueId);
        assertThat(survey.get("status")).isEqualTo("partial");
        assertThat(answersOf(uniqueId)).containsExactly("attitude=4@1", "overall=5@1");
        assertThat(site.pbxLog()).contains("CallScore survey: AGISTATUS=SUCCESS id=" + survey.get("id")
                + " survey=" + TestSite.SURVEY + " status=partial answers=2");
        String log = site.karafLog(logStart);
        assertThat(log).contains("cannot play the sound 'callscore-e2e-no-intro'")
                .contains("cannot play the sound 'callscore-e2e-no-question'").doesNotContain("(caller gone)");
        assertThat(site.console("survey:list")).as("the file names them no more").doesNotContain("callscore-e2e-no");
    }

    /** Every sound a shipped file names is one of the core sounds of the Asterisk the tests install. */
    @Test
    void everySoundInTheShippedFilesIsACoreSound() throws Exception {
        Shell.Result listing = site.shell().run(Duration.ofMinutes(1), List.of("chroot",
                TestSite.pbxRoot().toString(), "find", "-L", "/usr/share/asterisk/sounds/en", "-type", "f"));
        java.util.Set<String> core = listing.output().lines().filter(line -> line.startsWith("/usr/share/"))
                .map(line -> line.substring("/usr/share/asterisk/sounds/en/".length()).replaceFirst("\\.[^./]+$", ""))
                .collect(Collectors.toSet());
        assertThat(core).as("core sounds found").contains("beep", "please-try-again");
        java.nio.file.Path repository = java.nio.file.Path.of(System.getProperty("callscore.repository"));
        java.nio.file.Path assembly = repository.resolve("feature-repo/distribution/src/main/resources/assembly/etc");
        Map<String, List<String>> named = new java.util.TreeMap<>();
        named.put("dialplan/extensions_callscore.conf", java.util.regex.Pattern.compile("Playback\\(([^)$]+)\\)")
                .matcher(java.nio.file.Files.readString(repository.resolve("dialplan/extensions_callscore.conf")))
                .results().map(m -> m.group(1)).toList());
        for (String file : List.of("callscore/surveys/after-call.survey", "callscore/ivr/main.ivr")) {
            List<String> sounds = new ArrayList<>();
            for (String line : java.nio.file.Files.readAllLines(assembly.resolve(file))) {
                java.util.regex.Matcher setting = java.util.regex.Pattern.compile(
                        "^([a-z0-9.*]+)\\s*=\\s*(.*)$").matcher(line.trim());
                if (!setting.matches()) {
                    continue; // comments and blank lines
                }
                String key = setting.group(1);
                for (String value : setting.group(2).split("\\s*,\\s*")) {
                    if (key.matches("intro|thanks|invalid\\.key|consent|comment\\.prompt|invalid|.*\\.prompt|.*\\.invalid")) {
                        sounds.add(value);
                    } else if (value.startsWith("play:")) {
                        sounds.add(value.substring("play:".length()));
                    }
                }
            }
            named.put(file, sounds);
        }
        assertThat(named.values().stream().mapToInt(List::size).sum()).as("sounds found in %s", named)
                .isGreaterThan(8);
        named.forEach((file, sounds) -> assertThat(core).as("sounds of %s", file).containsAll(sounds));
    }

    /** A hotline that answers busy: one BUSY call among surveyed calls of two CDR rows each. */
    @Test
    void theBusyRateCountsARealBusyCallOnceAndTwoRowCallsOnce() {
        String surveyed = newCaller();
        site.call(concat(SALES_AGENTS, surveyed + ";0;;;;0;0"));
        String busy = newCaller();
        site.call("-b", "-s", "104", busy + ";0;;;;0;0");
        TestSite.eventually("the CDR of the busy call", Duration.ofSeconds(20), () -> !site.query(
                "SELECT disposition FROM cdr WHERE src = ? AND disposition = 'BUSY'", busy).isEmpty());
        String surveyedId = site.callerUniqueId(surveyed);
        assertThat(site.query("SELECT uniqueid FROM cdr WHERE uniqueid = ? AND linkedid = ?", surveyedId, surveyedId))
                .as("a surveyed call's first legs").hasSize(2);

        // calls (linkedid) of today, and the busy ones among them, as the CDR has them
        Map<String, Object> today = site.query("SELECT COUNT(*) AS calls, SUM(busy) AS busy FROM (SELECT "
                + "MAX(disposition = 'BUSY') AND NOT MAX(disposition = 'ANSWERED') AS busy FROM cdr WHERE uniqueid = "
                + "linkedid AND start >= CURDATE() AND start < CURDATE() + INTERVAL 1 DAY GROUP BY linkedid) c").get(0);
        long rows = ((Number) site.query("SELECT COUNT(*) AS n FROM cdr WHERE uniqueid = linkedid AND start >= "
                + "CURDATE() AND start < CURDATE() + INTERVAL 1 DAY").get(0).get("n")).longValue();
        long calls = ((Number) today.get("calls")).longValue();
        long busyCalls = ((Number) today.get("busy")).longValue();
        assertThat(rows).as("rows outnumber calls").isGreaterThan(calls);
        String expected = String.format(java.util.Locale.ROOT, "%.1f", 100.0 * busyCalls / calls);
        java.time.LocalDate day = java.time.LocalDate.now();
        String report = site.console("report:service --from " + day + " --to " + day.plusDays(1) + " --zone "
                + java.time.ZoneId.systemDefault().getId());
        java.util.regex.Matcher busyRate = java.util.regex.Pattern.compile("(?m)^Group +Transf\\. +Busy%.*\\R\\S+ +\\d+ +(\\S+)")
                .matcher(report);
        assertThat(busyRate.find()).as("a busy rate in:%n%s", report).isTrue();
        assertThat(busyRate.group(1)).as("busy %% of %s calls (%s busy, %s rows):%n%s", calls, busyCalls, rows, report)
                .isEqualTo(expected);
    }

    /** Names of one character load, so the shipped contexts must reach them too. */
    @Test
    void aMenuWithAOneCharacterNameIsReachedThroughTheShippedContext() throws Exception {
        site.writeMenuFile("x", "agent = support", "menu.main.prompt = beep", "menu.main.timeout.seconds = 1",
                "menu.main.retries = 0", "menu.main.on.failure = hangup");
        String caller = newCaller();

        site.call("-s", "105", caller + ";0;;;;0;0");

        String uniqueId = site.callerUniqueId(caller);
        Map<String, Object> visit = visitOf(uniqueId, "tree, exit_type, status, site_open");
        assertThat(visit.get("tree")).isEqualTo("x");
        assertThat(visit.get("exit_type")).isEqualTo("hangup");
        assertThat(visit.get("status")).isEqualTo("retries-exhausted");
        assertThat(visit.get("site_open")).as("a menu without hours: open or closed is not known").isNull();
    }

    @Test
    void aCallerWhoHangsUpMidSurveyLeavesAPartialResponse() {
        String caller = newCaller();

        // the first answer, then a hang-up 1.5 s later, while the second question waits for a key
        site.call(concat(SALES_AGENTS, caller + ";" + FIRST_KEY_MS + ";2;;;0;1500"));

        String uniqueId = site.callerUniqueId(caller);
        Map<String, Object> survey = surveyOf(uniqueId);
        assertSurveyTiedToTheCall(uniqueId, survey, "sales");
        assertThat(survey.get("status")).isEqualTo("partial");
        assertThat(answersOf(uniqueId)).containsExactly("attitude=2@1");
    }

    @Test
    void invalidKeysAreAskedAgainAndSilenceLeavesTheQuestion() {
        String caller = newCaller();

        // 9 is no answer on 1-5: asked again, 4; yes; then silence on the last question, asked twice
        site.call(concat(SALES_AGENTS, caller + ";" + FIRST_KEY_MS + ";9;4;1;" + KEY_GAP_MS + ";0"));

        String uniqueId = site.callerUniqueId(caller);
        Map<String, Object> survey = surveyOf(uniqueId);
        assertThat(survey.get("status")).isEqualTo("partial");
        assertThat(answersOf(uniqueId)).containsExactly("attitude=4@2", "solved=1@1");
    }

    @Test
    void aCallerWhoAbandonsInTheQueueGetsNoSurvey() {
        String caller = newCaller();

        site.call("-a", "1:never", "-a", "2:never", caller + ";0;;;;0;5000");

        assertLeftTheQueueWithoutASurvey(caller, "ABANDON", "abandoned", 5);
    }

    @Test
    void aCallerWhoTimesOutOfTheQueueGetsNoSurvey() {
        String caller = newCaller();

        // 102: the support queue with a 6 s longest wait; its agents only ring
        site.call("-s", "102", "-a", "3:never", "-a", "4:never", caller + ";0;;;;0;0");

        assertLeftTheQueueWithoutASurvey(caller, "EXITWITHTIMEOUT", "timeout", 6);
    }

    @Test
    void theSurveyApplicationStoppedBeforeACallAndStartedAgain() {
        long logStart = site.karafLogSize();
        site.console("bundle:stop org.callscore.agi.survey");
        String unserved = newCaller();
        String served = newCaller();
        try {
            // no survey: Asterisk hangs up right after the agent, so this caller presses nothing
            site.call(concat(SALES_AGENTS, unserved + ";0;;;;0;0"));
        } finally {
            site.console("bundle:start org.callscore.agi.survey");
        }
        String unservedId = site.callerUniqueId(unserved);
        assertThat(queueEvents(unservedId)).containsExactly("ENTERQUEUE", "CONNECT", "COMPLETEAGENT");
        assertThat(site.query("SELECT id FROM survey_response WHERE uniqueid = ?", unservedId)).isEmpty();
        assertThat(site.karafLog(logStart)).contains("No AGI application named 'survey' is running");

        TestSite.eventually("survey served again", Duration.ofSeconds(30),
                () -> site.console("callscore:status").matches("(?s).*applications +[^\n]*survey.*"));
        site.call(concat(SALES_AGENTS, served + ";" + FIRST_KEY_MS + ";4;1;5;" + KEY_GAP_MS + ";0"));
        assertThat(surveyOf(site.callerUniqueId(served)).get("status")).isEqualTo("completed");
    }

    @Test
    void theWiringCheckAnswersFromTheShippedDialplan() {
        String caller = newCaller();

        site.call("-s", "7277", caller + ";0;;;;0;0");

        String uniqueId = site.callerUniqueId(caller);
        assertThat(site.query("SELECT asterisk_version FROM ping_log WHERE uniqueid = ?", uniqueId))
                .extracting(row -> (String) row.get("asterisk_version")).singleElement().asString().startsWith("22.");
    }

    @Test
    void tenCallsAtOnceAreEachTiedToTheirOwnQueueAndAgent() {
        List<String> callers = new ArrayList<>();
        List<String> arguments = new ArrayList<>(List.of("-a", "1:answer:1000:1000", "-a", "2:answer:1000:1000",
                "-r", "10"));
        for (int i = 0; i < 10; i++) {
            String caller = newCaller();
            callers.add(caller);
            arguments.add(caller + ";0;;;;0;0"); // silent callers: every survey ends unanswered
        }

        site.call(arguments.toArray(String[]::new));

        for (String caller : callers) {
            String uniqueId = site.callerUniqueId(caller);
            assertThat(queueEvents(uniqueId)).as(caller).containsExactly("ENTERQUEUE", "CONNECT", "COMPLETEAGENT");
            Map<String, Object> survey = surveyOf(uniqueId);
            assertSurveyTiedToTheCall(uniqueId, survey, "sales");
            assertThat(survey.get("status")).isEqualTo("unanswered");
            // the wait as the clock saw it, from ENTERQUEUE to CONNECT
            int waited = ((Number) site.query("SELECT TIMESTAMPDIFF(SECOND, e.time, c.time) AS waited FROM queue_log e "
                    + "JOIN queue_log c ON c.callid = e.callid AND c.event = 'CONNECT' WHERE e.callid = ? "
                    + "AND e.event = 'ENTERQUEUE'", uniqueId).get(0).get("waited")).intValue();
            assertReported(uniqueId, "answered", connectedAgent(uniqueId), waited);
        }
    }

    /** The IVR visit CallScore stored for the call, once it is there: the columns asked for. */
    private Map<String, Object> visitOf(String uniqueId, String columns) {
        TestSite.eventually("the IVR visit of " + uniqueId, Duration.ofSeconds(20),
                () -> !site.query("SELECT id FROM ivr_visit WHERE uniqueid = ?", uniqueId).isEmpty());
        return site.query("SELECT " + columns + " FROM ivr_visit WHERE uniqueid = ?", uniqueId).get(0);
    }

    /** Writes etc/callscore/ivr/NAME.ivr in one move, as an editor saving it would, and waits until it is loaded. */

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
