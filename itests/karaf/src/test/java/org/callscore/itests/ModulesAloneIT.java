package org.callscore.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.callscore.agi.server.FastAgiServer;
import org.callscore.storage.BackgroundTask;
import org.callscore.storage.Database;
import org.callscore.testing.asterisk.FastAgiCall;
import org.callscore.testing.asterisk.Outcome;
import org.junit.After;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * A Karaf that boots with callscore-core only (and Karaf's web server, as the distribution has it), into which
 * each module's feature is installed alone, checked, and uninstalled: with the console bundle stopped (a site
 * without Karaf's shell: nothing in Karaf uses the modules' services, so only immediate components serve) and
 * with it started (its callscore:status lists the module's background tasks). MariaDB is reached through a
 * proxy so that each module's journal or spool can be shown to reach it after an outage.
 * <p>
 * This class touches no class of a module, only the platform's: the test probe would otherwise be wired to a
 * module's bundle and refreshed (ended) when its feature is uninstalled. And it holds no service: see
 * {@link #briefly}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING) // the web feature, which starts Pax Web's servlets, last
public class ModulesAloneIT extends DatabaseOutageTestSupport {

    private static final Duration CALL = Duration.ofSeconds(30);
    private static final String CONSOLE = "org.callscore.console";
    /** The platform's own tasks, present whatever modules are installed. */
    private static final Set<String> CORE_TASKS = Set.of("database-health-check");

    @Inject
    private FeaturesService features;

    @Override
    @Configuration
    public Option[] configuration() {
        String recordings = java.nio.file.Path.of("target/itest-recordings-" + System.nanoTime()).toAbsolutePath()
                .toString();
        return OptionUtils.combine(super.configuration(),
                config("org.apache.karaf.features", "featuresBoot",
                        bootFeatures("standard, framework, scr, eventadmin, jdbc, http-whiteboard, callscore-core")),
                webPort(), recordingsIn(recordings),
                config("org.callscore.reports", "ingest.interval.seconds", "1"),
                config("org.callscore.ivr.visits", "replay.interval.seconds", "1"));
    }

    @Before
    public void onlyTheCoreRuns() throws Exception {
        startProxy();
        for (String module : List.of("callscore-reports-web", "callscore-ping", "callscore-survey", "callscore-ivr",
                "callscore-reports", "callscore-recording", "callscore-voicemail", "callscore-callback",
                "callscore-notify")) {
            if (features.isInstalled(features.getFeature(module))) {
                uninstall(module); // a failed test's
            }
        }
        eventually("no module's application nor task left", () -> applications().isEmpty()
                && CORE_TASKS.equals(tasks()));
        assertTrue("the server listens with no module installed",
                briefly(FastAgiServer.class, server -> server.listeningOn().isPresent()));
    }

    @After
    public void consoleBack() throws Exception {
        startIfStopped(CONSOLE);
    }

    private void consoleStopped(boolean stopped) throws Exception {
        if (stopped) {
            bundle(CONSOLE).stop();
        } else {
            startIfStopped(CONSOLE);
        }
    }

    /**
     * Installs the feature, then stops the console if asked: Karaf starts every bundle of its installed
     * features when it installs one, so the console is stopped afterwards, as an administrator would.
     */
    private void install(String feature, boolean consoleStopped) throws Exception {
        features.installFeature(feature, EnumSet.noneOf(FeaturesService.Option.class));
        consoleStopped(consoleStopped);
        assertEquals("the console bundle is as the test left it", consoleStopped ? Bundle.RESOLVED : Bundle.ACTIVE,
                bundle(CONSOLE).getState());
    }

    /**
     * Uses a platform service and lets go of it at once. The test must not stay a user of the server or the
     * database: a component that is not immediate lives only while something uses its service, and the
     * point here is that nothing does once the console is stopped.
     */
    private <S, R> R briefly(Class<S> type, Function<S, R> use) {
        ServiceReference<S> reference = bundleContext.getServiceReference(type);
        S service = reference == null ? null : bundleContext.getService(reference);
        if (service == null) {
            throw new AssertionError("no " + type.getSimpleName() + " service");
        }
        try {
            return use.apply(service);
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    private Set<String> applications() {
        return briefly(FastAgiServer.class, server -> new TreeSet<>(server.applications()));
    }

    /** The names of the background tasks registered now. */
    private Set<String> tasks() {
        Set<String> names = new TreeSet<>();
        try {
            for (ServiceReference<BackgroundTask> task : bundleContext.getServiceReferences(BackgroundTask.class,
                    null)) {
                names.add(String.valueOf(task.getProperty(BackgroundTask.NAME_PROPERTY)));
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    /** Exactly the module's applications and tasks, beside the platform's: no other module is there. */
    private void onlyTheModuleRuns(Set<String> applications, Set<String> moduleTasks, boolean consoleStopped)
            throws Exception {
        Set<String> expectedTasks = new TreeSet<>(CORE_TASKS);
        expectedTasks.addAll(moduleTasks);
        try {
            eventually("applications " + applications + " and tasks " + expectedTasks,
                    () -> applications().equals(applications) && tasks().equals(expectedTasks));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; there are applications " + applications() + " and tasks "
                    + tasks(), e);
        }
        if (!consoleStopped) {
            String status = console("callscore:status");
            assertTrue(status, status.contains("Background tasks   " + expectedTasks.size() + " running"));
            for (String task : expectedTasks) {
                // listed with its state (a task may be FAILING, e.g. reports before queue_log exists)
                assertTrue(task + " in\n" + status, status.matches("(?s).*\n  " + task + " +(ok|FAILING), .*"));
            }
        }
    }

    private void uninstall(String feature) throws Exception {
        features.uninstallFeature(feature, EnumSet.noneOf(FeaturesService.Option.class));
    }

    /** Waits until each module's migrations have run. */
    private void migrated(String... modules) throws InterruptedException {
        eventually(String.join(", ", modules) + " schema migrated",
                () -> briefly(Database.class, d -> Arrays.stream(modules).allMatch(d::isReady)));
    }

    private void cutMariaDb() throws InterruptedException {
        proxy.stop();
        eventually("the outage is seen", () -> !briefly(Database.class, d -> d.status().reachable()));
    }

    /** The proxy's port can stay taken for a moment after the previous test closed it. */
    private void startProxy() throws Exception {
        for (int attempt = 1;; attempt++) {
            try {
                proxy.start();
                return;
            } catch (java.net.BindException taken) {
                if (attempt == 50) {
                    throw taken;
                }
                Thread.sleep(200);
            }
        }
    }

    private void restoreMariaDb() throws Exception {
        startProxy();
        eventually("MariaDB reachable again", () -> briefly(Database.class, d -> d.status().reachable()));
    }

    private static String uniqueId(String what) {
        return "alone." + what + "." + System.nanoTime() % 100_000_000;
    }

    private static int count(String sql, String value) {
        return mariaDbDirect().withHandle(h -> h.createQuery(sql).bind(0, value).mapTo(Integer.class).one());
    }

    // ping

    @Test
    public void aPingAloneWithoutTheConsole() throws Exception {
        ping(true);
    }

    @Test
    public void aPingAloneWithTheConsole() throws Exception {
        ping(false);
    }

    private void ping(boolean consoleStopped) throws Exception {
        install("callscore-ping", consoleStopped);
        onlyTheModuleRuns(Set.of("ping"), Set.of(), consoleStopped);
        migrated("ping");
        String id = uniqueId("ping");

        Outcome outcome = call("ping").uniqueId(id).connect().runToEnd(CALL);

        assertEquals("SUCCESS", outcome.agiStatus());
        assertEquals("UP", outcome.variable("CALLSCORE_DATABASE"));
        assertEquals(1, count("SELECT COUNT(*) FROM ping_log WHERE uniqueid = ?", id));
        uninstall("callscore-ping");
        assertEquals("FAILURE", call("ping").connect().runToEnd(CALL).agiStatus());
    }

    // survey

    @Test
    public void bSurveyAloneWithoutTheConsole() throws Exception {
        survey(true);
    }

    @Test
    public void bSurveyAloneWithTheConsole() throws Exception {
        survey(false);
    }

    private void survey(boolean consoleStopped) throws Exception {
        SurveyFixture.write("itest-alone", SurveyFixture.THREE_QUESTIONS);
        install("callscore-survey", consoleStopped);
        onlyTheModuleRuns(Set.of("survey"), Set.of("survey-file-scan", "survey-journal-replay"), consoleStopped);
        eventually("the survey served, its file read", () -> "completed".equals(surveyCall(uniqueId("ready"))
                .connect().runToEnd(CALL).variable("SURVEY_STATUS")));
        String id = uniqueId("survey");
        FastAgiCall call = surveyCall(id).connect();
        call.respondUntil(command -> command.startsWith("GET DATA \"itest/q-solved\""), CALL);

        cutMariaDb();
        Outcome outcome = call.runToEnd(CALL);
        assertEquals("completed", outcome.variable("SURVEY_STATUS"));
        assertEquals("only the answer before the outage is in MariaDB", List.of("attitude=3@1"),
                SurveyFixture.answers(mariaDbDirect(), id));
        restoreMariaDb();

        eventually("the journal replayed into MariaDB", () -> SurveyFixture.answers(mariaDbDirect(), id).size() == 3);
        assertEquals(List.of("attitude=3@1", "solved=1@1", "recommend=10@1"), SurveyFixture.answers(mariaDbDirect(), id));
        eventually("the response ended", () -> "completed".equals(SurveyFixture.response(mariaDbDirect(), id)
                .get("status")));
        uninstall("callscore-survey");
    }

    private FastAgiCall.Builder surveyCall(String id) {
        return call("survey?survey=itest-alone&queue=alone-q").uniqueId(id).digits("3", "1", "1", "0");
    }

    // IVR

    @Test
    public void cIvrAloneWithoutTheConsole() throws Exception {
        ivr(true);
    }

    @Test
    public void cIvrAloneWithTheConsole() throws Exception {
        ivr(false);
    }

    private void ivr(boolean consoleStopped) throws Exception {
        IvrFixture.write("itest-alone.ivr", IvrFixture.MENU);
        install("callscore-ivr", consoleStopped);
        onlyTheModuleRuns(Set.of("ivr"), Set.of("ivr-menu-scan", "ivr-visit-replay"), consoleStopped);
        eventually("the menu served, its file read", () -> "selected".equals(ivrCall(uniqueId("ready")).connect()
                .runToEnd(CALL).variable("IVR_STATUS")));
        migrated("ivr");

        cutMariaDb();
        String id = uniqueId("ivr");
        Outcome outcome = ivrCall(id).connect().runToEnd(CALL);
        assertEquals("SUCCESS", outcome.agiStatus());
        assertEquals("itest-sales", outcome.variable("IVR_DESTINATION"));
        assertEquals("the visit waits while MariaDB is away", 0,
                count("SELECT COUNT(*) FROM ivr_visit WHERE uniqueid = ?", id));
        restoreMariaDb();

        eventually("the spooled visit written to MariaDB",
                () -> count("SELECT COUNT(*) FROM ivr_visit WHERE uniqueid = ?", id) == 1);
        assertEquals("itest-sales", IvrFixture.visit(mariaDbDirect(), id).get("exit_target"));
        uninstall("callscore-ivr");
    }

    private FastAgiCall.Builder ivrCall(String id) {
        return call("ivr?menu=itest-alone").uniqueId(id).playbackKeys("1", "1");
    }

    // reports

    @Test
    public void dReportsAloneWithoutTheConsole() throws Exception {
        reports(true);
    }

    @Test
    public void dReportsAloneWithTheConsole() throws Exception {
        reports(false);
    }

    private void reports(boolean consoleStopped) throws Exception {
        install("callscore-reports", consoleStopped);
        onlyTheModuleRuns(Set.of(), Set.of("reports-ingestion"), consoleStopped);
        migrated("reports");
        ReportsWebFixture calls = new ReportsWebFixture(mariaDbDirect());
        calls.createQueueLog();

        calls.writeCalls();

        eventually("the fixture's 7 calls ingested from queue_log",
                () -> count("SELECT COUNT(*) FROM reports_call WHERE queue = ?", calls.queue) == 7);
        uninstall("callscore-reports");
    }

    // recording

    @Test
    public void eRecordingAloneWithoutTheConsole() throws Exception {
        recording(true);
    }

    @Test
    public void eRecordingAloneWithTheConsole() throws Exception {
        recording(false);
    }

    /** The dialplan's start and stop steps as Asterisk runs them; the file written as MixMonitor would. */
    private void recording(boolean consoleStopped) throws Exception {
        install("callscore-recording", consoleStopped);
        onlyTheModuleRuns(Set.of("recording"), Set.of("recording-scan"), consoleStopped);
        migrated("recording");
        String id = uniqueId("recording");

        Outcome started = call("recording?action=start&kind=queue&server=itest").uniqueId(id).connect()
                .runToEnd(CALL);

        assertEquals("SUCCESS", started.agiStatus());
        assertEquals("YES", started.variable("CALLSCORE_RECORDING"));
        java.nio.file.Path file = java.nio.file.Path.of(started.variable("CALLSCORE_RECORDING_FILE"));
        assertTrue(file.toString(), file.startsWith(System.getProperty(RECORDINGS) + "/itest/")
                && file.getFileName().toString().equals("queue-" + id + ".wav"));
        assertEquals("RECORDING", recordingState(id));
        java.nio.file.Files.createDirectories(file.getParent());
        byte[] wav = new byte[44 + 16_000];
        java.nio.ByteBuffer.wrap(wav, 28, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(16_000);
        java.nio.file.Files.write(file, wav);
        assertEquals("SUCCESS", call("recording?action=stop&kind=queue&server=itest").uniqueId(id).connect()
                .runToEnd(CALL).agiStatus());

        eventually("the recording ready once its size settled", () -> "READY".equals(recordingState(id)));
        assertEquals(1, count("SELECT COUNT(*) FROM recording WHERE uniqueid = ? AND size_bytes = 16044 "
                + "AND duration_ms = 1000 AND sha256 IS NOT NULL", id));

        String empty = uniqueId("empty");
        Outcome never = call("recording?action=start&kind=queue&server=itest").uniqueId(empty).connect()
                .runToEnd(CALL);
        assertEquals("YES", never.variable("CALLSCORE_RECORDING"));
        call("recording?action=stop&kind=queue&server=itest").uniqueId(empty).connect().runToEnd(CALL);
        eventually("a recording that never had sound leaves no entry", () -> recordingState(empty) == null);
        assertEquals("FAILURE", call("recording?action=rewind").connect().runToEnd(CALL).agiStatus());
        uninstall("callscore-recording");
    }

    private static String recordingState(String uniqueId) {
        return mariaDbDirect().withHandle(h -> h.createQuery("SELECT state FROM recording WHERE channel_uniqueid = ?")
                .bind(0, uniqueId).mapTo(String.class).findOne().orElse(null));
    }

    // callbacks (with the AMI connections and the IVR's calendars they need)

    private static final Set<String> CALLBACK_TASKS = Set.of("callback-request-replay", "callback-dialler",
            "ivr-menu-scan", "ivr-visit-replay");

    @Test
    public void fCallbackAloneWithoutTheConsole() throws Exception {
        callback(true);
    }

    @Test
    public void fCallbackAloneWithTheConsole() throws Exception {
        callback(false);
    }

    /** A caller's request while MariaDB is away is spooled, and reaches it once it is back. */
    private void callback(boolean consoleStopped) throws Exception {
        install("callscore-callback", consoleStopped);
        onlyTheModuleRuns(Set.of("callback"), CALLBACK_TASKS, consoleStopped);
        migrated("callback");
        String id = "1700." + System.nanoTime() % 100_000_000;

        cutMariaDb();
        Outcome outcome = call("callback?queue=alone-cb&reason=alone").uniqueId(id).callerId("0612345678", "Ann")
                .digits("1", "1").connect().runToEnd(CALL);
        assertEquals("SUCCESS", outcome.agiStatus());
        assertEquals("REQUESTED", outcome.variable("CALLSCORE_CALLBACK"));
        assertEquals("the request waits while MariaDB is away", 0,
                count("SELECT COUNT(*) FROM callback WHERE call_uniqueid = ?", id));
        restoreMariaDb();

        eventually("the spooled request written to MariaDB",
                () -> count("SELECT COUNT(*) FROM callback WHERE call_uniqueid = ? AND queue = 'alone-cb'", id) == 1);
        if (!consoleStopped) {
            String list = console("callback:list --queue alone-cb");
            assertTrue(list, list.contains(outcome.variable("CALLSCORE_CALLBACK_ID")));
        }
        uninstall("callscore-callback");
        eventually("no callback application left", () -> !applications().contains("callback"));
    }

    // notification campaigns

    @Test
    public void gNotifyAloneWithoutTheConsole() throws Exception {
        notify(true);
    }

    @Test
    public void gNotifyAloneWithTheConsole() throws Exception {
        notify(false);
    }

    /** The dialler runs with no campaign and no AMI server; a call for an attempt it does not know plays nothing. */
    private void notify(boolean consoleStopped) throws Exception {
        install("callscore-notify", consoleStopped);
        onlyTheModuleRuns(Set.of("notify", "notify-record"), Set.of("notify-dialler"), consoleStopped);
        migrated("notify");

        Outcome unknown = call("notify").uniqueId(uniqueId("notify"))
                .variable("CALLSCORE_NOTIFY_ATTEMPT", java.util.UUID.randomUUID().toString()).connect().runToEnd(CALL);
        assertEquals("SUCCESS", unknown.agiStatus());
        assertEquals("UNKNOWN", unknown.variable("CALLSCORE_NOTIFY"));
        assertTrue(unknown.commands().toString(), unknown.commands().stream().noneMatch(c -> c.startsWith("STREAM")));
        assertEquals("a call outside the shipped context is refused", "FAILURE", call("notify")
                .uniqueId(uniqueId("bare")).connect().runToEnd(CALL).agiStatus());
        if (!consoleStopped) {
            String name = "alone-" + System.nanoTime() % 100_000_000;
            console("notify:create --name " + name + " --message sound:custom/notice --first-day 2030-01-01 "
                    + "--last-day 2030-01-02 --from 09:00 --until 17:00");
            String list = console("notify:list");
            assertTrue(list, list.contains(name) && list.toLowerCase(java.util.Locale.ROOT).contains("draft"));
        }
        uninstall("callscore-notify");
        eventually("no notify application left", () -> !applications().contains("notify"));
    }

    // voicemail (with the callbacks and the recording index it writes to)

    @Test
    public void hVoicemailAloneWithoutTheConsole() throws Exception {
        voicemail(true);
    }

    @Test
    public void hVoicemailAloneWithTheConsole() throws Exception {
        voicemail(false);
    }

    /** A message that was never recorded (no file) is told to the dialplan as EMPTY, and makes no callback. */
    private void voicemail(boolean consoleStopped) throws Exception {
        install("callscore-voicemail", consoleStopped);
        Set<String> tasks = new TreeSet<>(CALLBACK_TASKS);
        tasks.add("recording-scan");
        onlyTheModuleRuns(Set.of("voicemail", "callback", "recording"), tasks, consoleStopped);
        migrated("callback", "recording");
        String id = "1700." + System.nanoTime() % 100_000_000;

        Outcome started = call("recording?action=start&kind=voicemail&server=itest").uniqueId(id).connect()
                .runToEnd(CALL);
        assertEquals("YES", started.variable("CALLSCORE_RECORDING"));
        Outcome left = call("voicemail?queue=alone-vm&server=itest&file="
                + java.net.URLEncoder.encode(started.variable("CALLSCORE_RECORDING_FILE"),
                        java.nio.charset.StandardCharsets.UTF_8)).uniqueId(id).callerId("0612345678", "Ann")
                .connect().runToEnd(CALL);

        assertEquals("SUCCESS", left.agiStatus());
        assertEquals("EMPTY", left.variable("CALLSCORE_VOICEMAIL"));
        assertEquals(0, count("SELECT COUNT(*) FROM callback WHERE call_uniqueid = ?", id));
        assertEquals("FAILURE", call("voicemail").uniqueId(id).connect().runToEnd(CALL).agiStatus());
        uninstall("callscore-voicemail");
        eventually("no module application left", () -> applications().isEmpty());
    }

    // the web feature (with the reports it needs), installed into a running Karaf

    @Test
    public void zWebWithReportsWithoutTheConsole() throws Exception {
        install("callscore-reports-web", true);
        onlyTheModuleRuns(Set.of(), Set.of("reports-ingestion"), true);
        HttpClient web = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI login = URI.create("http://127.0.0.1:" + System.getProperty(WEB_PORT) + "/callscore/login");

        eventually("the login page served", () -> {
            try {
                HttpResponse<String> page = web.send(HttpRequest.newBuilder(login).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                return page.statusCode() == 200 && page.body().contains("<form");
            } catch (java.io.IOException e) {
                return false;
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        uninstall("callscore-reports-web");
    }
}
