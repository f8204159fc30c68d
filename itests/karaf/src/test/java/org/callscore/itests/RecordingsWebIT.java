package org.callscore.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.callscore.recording.Recording;
import org.callscore.recording.RecordingAccess;
import org.callscore.recording.RecordingCapture;
import org.callscore.recording.RecordingIndex;
import org.callscore.recording.RecordingKind;
import org.callscore.recording.RecordingState;
import org.jdbi.v3.core.Jdbi;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The recordings on the dashboard in the real distribution: recordings made through the recording module's own
 * capture service (the calls behind them written into queue_log and the CDR as Asterisk writes them), served over
 * Karaf's web server with byte ranges, refused outside the recordings folder and without the listening role, every
 * attempt in the access log; and the page in a real headless Chromium: search, play, seek.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RecordingsWebIT extends CallScoreTestSupport {

    static final DashboardUser LISTENER = new DashboardUser("reclistener", "Listener-Secret-3",
            "callscore-reports,callscore-recordings");
    static final DashboardUser REPORTER = new DashboardUser("recreporter", "Reporter-Secret-4", "callscore-reports");
    static final DashboardUser ADMIN = new DashboardUser("recadmin", "Admin-Secret-5", "admin");
    static final String SERVER = "itest";
    /** 8 kHz, 16-bit, mono: 16000 bytes a second */
    static final int SECONDS = 20;

    private static Calls calls;

    /** The recorded calls of this run, made once. */
    private static final class Calls {
        final String queue = "rec-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        final String agent = "Agent " + queue;
        final String caller = "+3361" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        final String uniqueId = uniqueId();
        final String escapeUniqueId = uniqueId();
        final String surveyResponse = UUID.randomUUID().toString();
        Path file;
        byte[] audio;
        Recording recording;
        Recording comment;
        Recording escape;
    }

    @Configuration
    public Option[] configuration() {
        String folder = new File("target/recordings-it/" + UUID.randomUUID()).getAbsolutePath();
        return OptionUtils.combine(super.configuration(), webServer(), reportsInUtc(), recordingsIn(folder),
                user(LISTENER), user(REPORTER), user(ADMIN));
    }

    private static String uniqueId() {
        return Instant.now().getEpochSecond() + "." + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    @Before
    public void callsAreRecorded() throws Exception {
        if (calls != null) {
            return;
        }
        eventually("recording schema migrated", () -> database().isReady(RecordingIndex.SCHEMA));
        eventually("the recording index running", () -> service(RecordingIndex.class).isPresent()
                && service(RecordingCapture.class).isPresent());
        Calls made = new Calls();
        Jdbi jdbi = mariaDbDirect();
        new ReportsWebFixture(jdbi).createQueueLog();
        jdbi.useHandle(h -> h.execute(cdrTable()));
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO queue_log (time, callid, queuename, agent, event, data1, data2, data3) VALUES "
                    + "(?, ?, ?, 'NONE', 'ENTERQUEUE', '', ?, '1')", now, made.uniqueId, made.queue, made.caller);
            h.execute("INSERT INTO queue_log (time, callid, queuename, agent, event, data1, data2, data3) VALUES "
                    + "(?, ?, ?, ?, 'CONNECT', '3', ?, '2')", now.plusSeconds(3), made.uniqueId, made.queue,
                    made.agent, made.uniqueId + "1");
            h.execute("INSERT INTO cdr (src, dst, start, answer, end, duration, billsec, disposition, uniqueid, "
                    + "linkedid) VALUES (?, '100', ?, ?, ?, 30, 27, 'ANSWERED', ?, ?)", made.caller, now,
                    now.plusSeconds(1), now.plusSeconds(30), made.uniqueId, made.uniqueId);
        });
        // the caller's survey, as the survey application writes it: a complaint, so the call is a low-scored one
        eventually("survey schema migrated", () -> database().isReady("survey"));
        jdbi.useHandle(h -> {
            h.execute("INSERT IGNORE INTO survey_version (survey, sha256, definition) VALUES ('rectest', REPEAT('0', "
                    + "64), 'question.1.prompt = x')");
            h.execute("INSERT INTO survey_response (id, survey, survey_sha256, uniqueid, queue, agent, started_at, "
                    + "ended_at, status, questions) VALUES (?, 'rectest', REPEAT('0', 64), ?, ?, ?, ?, ?, 'completed', "
                    + "1)", made.surveyResponse, made.uniqueId, made.queue, made.agent, now.plusSeconds(30),
                    now.plusSeconds(50));
            h.execute("INSERT INTO survey_answer (response_id, question_id, position, scale, dimension, score, "
                    + "complaint, attempts, answered_at) VALUES (?, 'attitude', 1, 'FIVE_POINT', 'empathy', 1, TRUE, "
                    + "1, ?)", made.surveyResponse, now.plusSeconds(40));
        });
        RecordingCapture capture = service(RecordingCapture.class).orElseThrow();
        Path folder = Files.createDirectories(Path.of(System.getProperty(RECORDINGS)));

        // the agent's leg of a queue call, and the caller's voice comment in the survey after it
        made.file = Path.of(capture.started(SERVER, made.uniqueId, Optional.of(made.uniqueId), RecordingKind.QUEUE_CALL,
                "wav").path());
        made.audio = wav(SECONDS);
        Files.createDirectories(made.file.getParent());
        Files.write(made.file, made.audio);
        capture.stopped(SERVER, made.uniqueId, RecordingKind.QUEUE_CALL);
        Files.write(folder.resolve("callscore-comment-" + made.surveyResponse + ".wav"), wav(3));
        capture.surveyed(SERVER, made.uniqueId, Optional.of(made.uniqueId), made.surveyResponse,
                OptionalDouble.of(1.5), true, Optional.of("callscore-comment-" + made.surveyResponse + ".wav"));

        // a recording whose file is replaced, once indexed, by a link to a file outside the folder
        Path link = Path.of(capture.started(SERVER, made.escapeUniqueId, Optional.empty(), RecordingKind.WHOLE_CALL,
                "wav").path());
        Files.createDirectories(link.getParent());
        Files.write(link, wav(2));
        capture.stopped(SERVER, made.escapeUniqueId, RecordingKind.WHOLE_CALL);

        RecordingIndex index = service(RecordingIndex.class).orElseThrow();
        eventually("the queue call's recording and the voice comment ready", () -> {
            List<Recording> ofCall = index.ofCall(made.uniqueId);
            return ofCall.size() == 2 && ofCall.stream().allMatch(r -> r.state() == RecordingState.READY
                    && r.agent().isPresent());
        });
        eventually("the linked recording ready", () -> index.ofCall(made.escapeUniqueId).size() == 1);
        made.recording = index.ofCall(made.uniqueId).stream().filter(r -> r.kind() == RecordingKind.QUEUE_CALL)
                .findFirst().orElseThrow();
        made.comment = index.ofCall(made.uniqueId).stream().filter(r -> r.kind() == RecordingKind.VOICE_COMMENT)
                .findFirst().orElseThrow();
        made.escape = index.ofCall(made.escapeUniqueId).get(0);
        Path outside = Path.of(System.getProperty(TARGET), "recordings-it",
                "outside-" + made.escapeUniqueId + ".wav");
        Files.write(outside, wav(2));
        Files.delete(link);
        Files.createSymbolicLink(link, outside);
        calls = made;
    }

    /** Asterisk's CDR table as the shipped dialplan/asterisk-tables.sql creates it. */
    private static String cdrTable() throws Exception {
        String sql = Files.readString(Path.of(System.getProperty(TARGET), "..", "..", "..", "dialplan",
                "asterisk-tables.sql"));
        return Arrays.stream(sql.replaceAll("(?m)^--.*$", "").split(";"))
                .filter(s -> s.contains("CREATE TABLE IF NOT EXISTS cdr")).findFirst().orElseThrow();
    }

    /** A WAV file of a 440 Hz tone: 8 kHz, 16-bit, mono. */
    private static byte[] wav(int seconds) {
        int samples = 8000 * seconds;
        ByteBuffer wav = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * samples)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * samples);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
        }
        return wav.array();
    }

    private static String audio(long id) {
        return "/callscore/recordings/audio/" + id;
    }

    private static List<RecordingAccess> accessesOf(RecordingIndex index, String user, long id) {
        return index.accessLog(Instant.now().minus(Duration.ofHours(1)), 1000).stream()
                .filter(a -> a.user().equals(user) && a.recordingId() == id).toList();
    }

    @Test
    public void theIndexHoldsTheCallAsAsteriskRecordedIt() {
        Recording recording = calls.recording;
        assertEquals(Optional.of(calls.agent), recording.agent());
        assertEquals(Optional.of(calls.queue), recording.queue());
        assertEquals(Optional.of(calls.caller), recording.caller());
        assertEquals(Optional.of(calls.surveyResponse), recording.surveyResponse());
        assertTrue(recording.complaint());
    }

    @Test
    public void aListenerGetsTheFileAndEachRangeWith206() throws Exception {
        ReportsWebIT.Web web = ReportsWebIT.Web.loggedIn(LISTENER);
        long id = calls.recording.id();
        int size = calls.audio.length;

        HttpResponse<byte[]> whole = web.getBytes(audio(id));
        assertEquals(200, whole.statusCode());
        assertArrayEquals(calls.audio, whole.body());
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));
        assertTrue(whole.headers().firstValue("Content-Type").orElse("").startsWith("audio/wav"));

        HttpResponse<byte[]> safari = web.getBytes(audio(id), "Range", "bytes=0-1");
        assertEquals(206, safari.statusCode());
        assertEquals("bytes 0-1/" + size, safari.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals("RI".getBytes(StandardCharsets.US_ASCII), safari.body());

        HttpResponse<byte[]> seek = web.getBytes(audio(id), "Range", "bytes=160044-");
        assertEquals(206, seek.statusCode());
        assertEquals("bytes 160044-" + (size - 1) + "/" + size, seek.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(calls.audio, 160044, size), seek.body());

        HttpResponse<byte[]> tail = web.getBytes(audio(id), "Range", "bytes=-10");
        assertEquals(206, tail.statusCode());
        assertArrayEquals(Arrays.copyOfRange(calls.audio, size - 10, size), tail.body());

        HttpResponse<byte[]> several = web.getBytes(audio(id), "Range", "bytes=0-1,100-200");
        assertEquals(416, several.statusCode());
        assertEquals("bytes */" + size, several.headers().firstValue("Content-Range").orElse(""));
        assertEquals(416, web.getBytes(audio(id), "Range", "bytes=" + size + "-").statusCode());

        HttpResponse<byte[]> download = web.getBytes("/callscore/recordings/download/" + id);
        assertEquals(200, download.statusCode());
        assertEquals("attachment; filename=\"recording-" + id + ".wav\"",
                download.headers().firstValue("Content-Disposition").orElse(""));
        assertArrayEquals(calls.audio, download.body());

        RecordingIndex index = service(RecordingIndex.class).orElseThrow();
        List<RecordingAccess> logged = accessesOf(index, LISTENER.name(), id);
        assertTrue(logged.toString(), logged.stream().filter(a -> a.granted()
                && a.action() == RecordingAccess.Action.PLAY).count() >= 5);
        assertTrue(logged.toString(), logged.stream().anyMatch(a -> a.granted()
                && a.action() == RecordingAccess.Action.DOWNLOAD && a.address().equals("127.0.0.1")));
    }

    @Test
    public void pathsOutOfTheFolderAreRefused() throws Exception {
        ReportsWebIT.Web web = ReportsWebIT.Web.loggedIn(LISTENER);
        for (String path : List.of("/callscore/recordings/audio/../../../../../../etc/passwd",
                "/callscore/recordings/audio/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "/callscore/recordings/audio/..%2f..%2f..%2f..%2fetc%2fpasswd",
                "/callscore/recordings/audio/%2fetc%2fpasswd",
                "/callscore/recordings/audio//etc/passwd",
                "/callscore/recordings/download/" + calls.recording.id() + "/../../../../etc/passwd",
                "/callscore/recordings/audio/" + calls.recording.id() + "%2f..%2f..%2fetc%2fpasswd")) {
            HttpResponse<byte[]> answer = web.getBytes(path);
            String body = new String(answer.body(), StandardCharsets.ISO_8859_1);
            assertFalse(path + ": " + answer.statusCode(), answer.statusCode() == 200 || answer.statusCode() == 206);
            assertFalse(path, body.contains("root:"));
        }

        // a recording whose file is a link out of the folder: refused, and the refusal logged
        long escape = calls.escape.id();
        HttpResponse<byte[]> linked = web.getBytes(audio(escape));
        assertEquals(404, linked.statusCode());
        assertFalse(new String(linked.body(), StandardCharsets.ISO_8859_1).contains("RIFF"));
        List<RecordingAccess> logged = accessesOf(service(RecordingIndex.class).orElseThrow(), LISTENER.name(), escape);
        assertTrue(logged.toString(), logged.stream().anyMatch(a -> !a.granted()));
        assertTrue(logged.toString(), logged.stream().noneMatch(RecordingAccess::granted));
    }

    @Test
    public void withoutTheListeningRoleAttemptsAreRefusedAndLogged() throws Exception {
        ReportsWebIT.Web web = ReportsWebIT.Web.loggedIn(REPORTER);
        long id = calls.recording.id();
        assertEquals(403, web.getBytes(audio(id)).statusCode());
        assertEquals(403, web.getBytes("/callscore/recordings/download/" + id).statusCode());
        HttpResponse<String> page = web.get("/callscore/recordings/" + id);
        assertEquals(200, page.statusCode());
        assertFalse(page.body(), page.body().contains("<audio"));
        assertTrue(page.body(), page.body().contains("callscore-recordings"));
        assertEquals(403, web.get("/callscore/recordings/access-log").statusCode());

        List<RecordingAccess> logged = accessesOf(service(RecordingIndex.class).orElseThrow(), REPORTER.name(), id);
        assertTrue(logged.toString(), logged.stream().anyMatch(a -> !a.granted()
                && a.action() == RecordingAccess.Action.PLAY && a.detail().contains("listening role")));
        assertTrue(logged.toString(), logged.stream().anyMatch(a -> !a.granted()
                && a.action() == RecordingAccess.Action.DOWNLOAD));
        assertTrue(logged.toString(), logged.stream().noneMatch(RecordingAccess::granted));

        // without a session: the login page
        assertEquals(302, new ReportsWebIT.Web().get("/callscore/recordings").statusCode());
    }

    @Test
    public void eachFilterFindsTheRecordingAndTheCallsTableLinksIt() throws Exception {
        ReportsWebIT.Web web = ReportsWebIT.Web.loggedIn(REPORTER);
        String row = "data-id=\"" + calls.recording.id() + "\"";
        String digits = calls.caller.substring(calls.caller.length() - 6); // the end of the number
        for (String query : List.of("caller=" + digits, "agent=" + calls.agent.replace(" ", "+"),
                "queue=" + calls.queue, "queue=" + calls.queue + "&min-duration=15&max-duration=25",
                "queue=" + calls.queue + "&min-score=1&max-score=2", "queue=" + calls.queue + "&complaint=yes",
                "queue=" + calls.queue + "&from=" + LocalDateTime.now(ZoneOffset.UTC).toLocalDate(),
                "call=" + calls.uniqueId)) {
            HttpResponse<String> page = web.get("/callscore/recordings?" + query);
            assertEquals(query, 200, page.statusCode());
            assertTrue(query + ": " + page.body(), page.body().contains(row));
        }
        for (String query : List.of("queue=" + calls.queue + "&complaint=no",
                "queue=" + calls.queue + "&min-score=3", "queue=" + calls.queue + "&max-duration=10",
                "queue=" + calls.queue + "&to=2020-01-01")) {
            HttpResponse<String> page = web.get("/callscore/recordings?" + query);
            assertEquals(query, 200, page.statusCode());
            assertFalse(query, page.body().contains(row));
        }
        HttpResponse<String> bad = web.get("/callscore/recordings?min-score=9");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body(), bad.body().contains("min-score"));

        Map<String, Object> json = MiniJson.object(web.get("/callscore/recordings/calls.json?call=" + calls.uniqueId
                + "&call=nosuchcall").body());
        assertEquals(Boolean.FALSE, json.get("listen"));
        Map<?, ?> found = (Map<?, ?>) json.get("calls");
        assertEquals(Set.of(calls.uniqueId), found.keySet());
        assertEquals(2, ((List<?>) found.get(calls.uniqueId)).size());
    }

    @Test
    public void inChromiumAListenerSearchesPlaysAndSeeksAndTheAdministratorSeesIt() throws Exception {
        long id = calls.recording.id();
        try (Chromium browser = Chromium.start()) {
            browser.call("Network.enable", Map.of()); // to see the player's requests and their answers
            loggedInAt(browser, LISTENER, "/callscore/recordings");
            browser.waitFor("the recordings page", "document.getElementById('filters') !== null",
                    Duration.ofSeconds(20));
            // the page before the search lists recent recordings too: wait for the page the search brings
            browser.evaluate("document.body.dataset.before = 'yes';"
                    + "document.getElementById('agent').value = '" + calls.agent + "';"
                    + "document.getElementById('search').click(); true");
            browser.waitFor("the call found", "document.body.dataset.before === undefined && "
                    + "document.readyState === 'complete' && document.querySelector(\"#recordings tr[data-id='" + id
                    + "'] a.open\") !== null", Duration.ofSeconds(20));
            browser.evaluate("document.querySelector(\"#recordings tr[data-id='" + id + "'] a.open\").click(); true");
            browser.waitFor("the player", "document.getElementById('player') !== null", Duration.ofSeconds(20));
            // nothing is fetched (nor logged as heard) before the user presses play
            assertTrue(accessesOf(service(RecordingIndex.class).orElseThrow(), LISTENER.name(), calls.comment.id())
                    .isEmpty());
            assertEquals(Boolean.TRUE, browser.evaluate("document.getElementById('comment-" + calls.comment.id()
                    + "') !== null")); // the voice comment beside the survey's answers

            played(browser, "document.getElementById('player').play().then(() => true)");
            browser.waitFor("playing", "document.getElementById('player').currentTime > 0", Duration.ofSeconds(20));
            browser.evaluate("document.getElementById('player').currentTime = " + (SECONDS - 5) + "; true");
            browser.waitFor("playing after the seek", "document.getElementById('player').currentTime > "
                    + (SECONDS - 5), Duration.ofSeconds(20));
            List<Object> statuses = browser.events("Network.responseReceived").stream()
                    .map(event -> (Map<?, ?>) event.get("response"))
                    .filter(response -> String.valueOf(response.get("url")).endsWith("/recordings/audio/" + id))
                    .map(response -> (Object) response.get("status")).toList();
            assertTrue(statuses.toString(), statuses.stream().anyMatch(status -> ((Number) status).intValue() == 206));

            // the dashboard's low-scored calls link the call to its recording and play the voice comment
            browser.navigate(ReportsWebIT.Web.BASE + "/callscore/?month="
                    + LocalDateTime.now(ZoneOffset.UTC).toString().substring(0, 7) + "&queue=" + calls.queue);
            browser.waitFor("the low-scored call linked to its recording", "document.querySelector(\"#low-table "
                    + "a.recording[href$='call=" + calls.uniqueId + "']\") !== null && document.querySelector("
                    + "\"#low-table audio.voice-comment[src$='/recordings/audio/" + calls.comment.id() + "']\") "
                    + "!== null", Duration.ofSeconds(30));
        }
        List<RecordingAccess> logged = accessesOf(service(RecordingIndex.class).orElseThrow(), LISTENER.name(), id);
        assertTrue(logged.toString(), logged.stream().anyMatch(a -> a.granted()
                && a.action() == RecordingAccess.Action.PLAY));

        // without the role, in the browser too: refused and logged
        try (Chromium browser = Chromium.start()) {
            loggedInAt(browser, REPORTER, "/callscore/recordings/" + id);
            browser.waitFor("the recording's page without a player", "document.getElementById('details') !== null"
                    + " && document.querySelector('.no-role') !== null && document.querySelector('audio') === null",
                    Duration.ofSeconds(20));
            browser.navigate(ReportsWebIT.Web.BASE + audio(id));
            browser.waitFor("refused", "document.body !== null && document.body.innerText.indexOf("
                    + "'Listening needs the role callscore-recordings') >= 0", Duration.ofSeconds(20));
        }

        // the administrator's log shows both
        try (Chromium browser = Chromium.start()) {
            loggedInAt(browser, ADMIN, "/callscore/recordings/access-log");
            browser.waitFor("the access log", "document.getElementById('access-log') !== null",
                    Duration.ofSeconds(20));
            String lines = (String) browser.evaluate("Array.from(document.querySelectorAll('#access-log tbody tr'))"
                    + ".map(tr => tr.className + ' ' + tr.innerText.replace(/\\s+/g, ' ')).join('\\n')");
            assertTrue(lines, lines.lines().anyMatch(line -> line.startsWith("granted")
                    && line.contains(LISTENER.name()) && line.contains(" " + id + " ") && line.contains("play")));
            assertTrue(lines, lines.lines().anyMatch(line -> line.startsWith("refused")
                    && line.contains(REPORTER.name()) && line.contains(" " + id + " ")
                    && line.contains("listening role")));
        }
    }

    /** Runs a script as if the user had clicked (a page may start playing only then). */
    private static void played(Chromium browser, String script) throws Exception {
        Map<String, Object> result = browser.call("Runtime.evaluate", Map.of("expression", script,
                "userGesture", true, "awaitPromise", true, "returnByValue", true));
        assertFalse(String.valueOf(result), result.containsKey("exceptionDetails"));
    }

    /** Opens the page, logs in on the login page it leads to, and opens the page again. */
    static void loggedInAt(Chromium browser, DashboardUser user, String path) throws Exception {
        browser.navigate(ReportsWebIT.Web.BASE + path);
        browser.logIn(user);
        // the login goes back to the page first asked for
        browser.waitFor("logged in, back at " + path, "location.pathname === '" + path + "'", Duration.ofSeconds(30));
    }
}
