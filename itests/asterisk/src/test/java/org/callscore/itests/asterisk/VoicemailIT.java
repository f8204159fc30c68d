package org.callscore.itests.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Voicemail that reaches an agent, through the real Asterisk 22: a sipp caller to a closed queue (the IVR's closed
 * destination, [callscore-voicemail]) speaks after the beep (sipp's g711a.pcap) and hangs up; the message is indexed
 * as a VOICEMAIL recording of the call and becomes a callback for the queue; CallScore's dialler calls a sipp agent
 * phone, which hears the message (the RTP it receives, counted on the port its SDP names), then the customer. A caller
 * who hangs up without speaking after a queue timeout ([callscore-voicemail-queue]) leaves nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VoicemailIT {

    private static final int AMI_PORT = 5038;
    private static final int AGENT_PORT_BASE = 5080;
    private static final int CUSTOMER_PORT = 5090;
    private static final int MEDIA_PORT_BASE = 6500;
    private static final int RTP_PORT_BASE = 6400;
    /**
     * The caller's number: two digits, so that the agent's SayDigits of it (about 1 s of sound) cannot pass for the
     * message (sipp's g711a.pcap, several seconds of speech). Rows of earlier runs are told apart by the call.
     */
    private static final String CALLER = "07";
    /** 20 ms packets with sound the agent must receive: 3 s, three times what the number's digits make. */
    private static final int MESSAGE_PACKETS = 150;

    private TestSite site;
    private Path folder;
    private final List<AutoCloseable> phones = new ArrayList<>();

    @BeforeAll
    void startTheCallCentre() throws IOException {
        site = TestSite.start(CallbackIT.SURVEY);
        folder = RecordingEndToEndIT.recordIntoThePbxFolder(site);
        CallbackIT.configure(site.node(), AMI_PORT, "silence/1");
        TestSite.eventually("the callback tables migrated", Duration.ofSeconds(60),
                () -> !site.query("SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() "
                        + "AND table_name = 'callback' AND column_name = 'message_file'").isEmpty());
        // callbacks an earlier, interrupted run left open would be dialled in this one and take its agents
        site.update("UPDATE callback SET state = 'CANCELLED' WHERE state IN ('SCHEDULED', 'DIALLING')");
        // closed at every hour: open only one hour in 2001
        Path ivr = site.runtime().resolve("etc/callscore/ivr");
        Files.createDirectories(ivr);
        Files.writeString(ivr.resolve("never-open.ics"), String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
                "PRODID:-//CallScore//VoicemailIT//EN", "BEGIN:VEVENT", "UID:never-open@callscore.test",
                "DTSTAMP:20010101T000000Z", "DTSTART:20010101T090000Z", "DTEND:20010101T100000Z", "SUMMARY:open once",
                "END:VEVENT", "END:VCALENDAR", ""));
        site.writeMenuFile("voicemail", "agent = sales", "menu.main.prompt = beep", "menu.main.key.1 = queue:sales",
                "menu.main.hours = never-open", "menu.main.closed = goto:callscore-voicemail,sales,1");
    }

    @AfterEach
    void hangUpPhones() {
        for (AutoCloseable phone : phones) {
            try {
                phone.close();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        phones.clear();
    }

    @AfterAll
    void stopTheCallCentre() {
        hangUpPhones();
        if (site != null) {
            site.close();
        }
    }

    private <T extends AutoCloseable> T keep(T phone) {
        phones.add(site.keep(phone)); // closed with the site too, should the test JVM be stopped
        return phone;
    }

    private void call(String extension, boolean speaks, String line) {
        List<String> command = new ArrayList<>(List.of("itests/asterisk/call", "-s", extension, "-t", "90"));
        if (speaks) {
            command.add("-m");
        }
        command.add(line);
        Shell.Result result = site.shell().run(Duration.ofMinutes(3), command);
        assertThat(result.exitCode()).as("sipp followed its scenario:\n%s", Shell.tail(result.output())).isZero();
    }

    /** @return the uniqueid of the caller's channel in the newest call since {@code after} (to {@code extension}) */
    private String uniqueIdOf(String extension, Instant after) {
        String sql = "SELECT uniqueid FROM cdr WHERE src = ? AND channel LIKE 'PJSIP/caller-%' AND start >= ? "
                + "ORDER BY start DESC LIMIT 1";
        TestSite.eventually("the CDR of the call to " + extension, Duration.ofSeconds(30),
                () -> !site.query(sql, CALLER, Timestamp.from(after)).isEmpty());
        return (String) site.query(sql, CALLER, Timestamp.from(after)).get(0).get("uniqueid");
    }

    @Test
    @Order(1)
    void aCallerToAClosedQueueLeavesAMessageThatAnAgentHearsBeforeTheCustomerIsCalledBack() {
        Map<Integer, RtpListener> heard = new java.util.LinkedHashMap<>();
        List<SippPhone> agents = new ArrayList<>();
        for (int n : new int[] {1, 2}) {
            heard.put(n, keep(new RtpListener(RTP_PORT_BASE + n)));
            agents.add(keep(SippPhone.start(site.repository(), site.work().resolve("phones"), "agent" + n,
                    AGENT_PORT_BASE + n, MEDIA_PORT_BASE + 10 * n, RTP_PORT_BASE + n, 500, 40_000, 0)));
        }
        SippPhone customer = keep(SippPhone.start(site.repository(), site.work().resolve("phones"), "customer",
                CUSTOMER_PORT, MEDIA_PORT_BASE + 90, 300, 2_000, 0));
        Instant before = Instant.now().minusSeconds(2);

        // the IVR sends the caller straight to voicemail (closed); a 1 s greeting and the beep, then the caller
        // speaks from 3 s after the answer and hangs up 9 s later, while Record() runs
        call("108", true, CALLER + ";3000;;;;0;9000");
        String uniqueId = uniqueIdOf("108", before);

        TestSite.eventually("the message of " + uniqueId + " indexed", Duration.ofSeconds(60), () -> !site.query(
                "SELECT id FROM recording WHERE uniqueid = ? AND kind = 'VOICEMAIL' AND state = 'READY'", uniqueId)
                .isEmpty());
        Map<String, Object> recording = site.query("SELECT id, file, duration_ms, size_bytes FROM recording "
                + "WHERE uniqueid = ? AND kind = 'VOICEMAIL'", uniqueId).get(0);
        long recordingId = ((Number) recording.get("id")).longValue();
        String file = (String) recording.get("file");
        assertThat(file).as("named after the call, never the caller").contains("voicemail-" + uniqueId + ".wav")
                .doesNotContain("caller");
        assertThat(Files.isRegularFile(folder.resolve(file))).isTrue();
        assertThat(((Number) recording.get("duration_ms")).longValue()).as("the caller spoke about 6 s, then hung up")
                .isBetween(3000L, 12_000L);

        TestSite.eventually("the callback of " + uniqueId, Duration.ofSeconds(20), () -> !site.query(
                "SELECT id FROM callback WHERE call_uniqueid = ?", uniqueId).isEmpty());
        Map<String, Object> callback = site.query("SELECT * FROM callback WHERE call_uniqueid = ?", uniqueId).get(0);
        String id = (String) callback.get("id");
        assertThat(callback.get("source")).isEqualTo("VOICEMAIL");
        assertThat(callback.get("queue")).isEqualTo("sales");
        assertThat(callback.get("customer_number")).isEqualTo(CALLER);
        assertThat(((Number) callback.get("message_recording")).longValue()).isEqualTo(recordingId);
        assertThat((String) callback.get("message_file")).endsWith("/" + file);

        assertThat(site.console("callback:history " + id)).as("the Callbacks API shows the message")
                .contains("Message:    ").contains("recording " + recordingId);
        assertThat(site.console("callback:list --all --queue sales --limit 1000").lines()
                .filter(line -> line.startsWith(id))).singleElement().asString().contains("[voice message ");

        TestSite.eventually("callback " + id + " done", Duration.ofSeconds(120), () -> "DONE".equals(site.query(
                "SELECT state FROM callback WHERE id = ?", id).get(0).get("state")), () -> "agents heard " + heard
                + ", attempts " + site.query("SELECT * FROM callback_attempt WHERE callback_id = ?", id));
        assertThat(customer.dialsOf(CALLER)).as("the customer was called back once").isEqualTo(1);
        assertThat(agents.stream().mapToInt(SippPhone::dialCount).sum()).as("one agent was rung").isEqualTo(1);
        int withSound = heard.values().stream().mapToInt(RtpListener::packetsWithSound).sum();
        assertThat(withSound).as("the agent heard the message (%s)", heard).isGreaterThanOrEqualTo(MESSAGE_PACKETS);

        String page = callbackPage(id);
        assertThat(page).as("the callback page shows the message and where to hear it")
                .containsPattern("<span class=\"message\">voice message, [0-9]+ s</span>")
                .contains("/callscore/recordings/" + recordingId + "\">Listen</a>");
    }

    /**
     * The callback page of the dashboard (the agents' page: a manager may open any callback by its id), as a quality
     * manager who may listen sees it: logged in through the login form with the session's token, as a browser does.
     */
    private String callbackPage(String callbackId) {
        String user = "vmmanager";
        String password = "Voicemail-" + Long.toHexString(System.nanoTime());
        site.node().configure("users.properties", Map.of(user, password + ",callscore-reports,callscore-recordings"));
        Path users = site.runtime().resolve("etc/users.properties");
        try {
            Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
            HttpClient web = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:8181/callscore";
            String login = web.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(login);
            assertThat(token.find()).as("the login form carries a token: %s", login).isTrue();
            String form = "csrf=" + token.group(1) + "&user=" + user + "&password=" + password;
            int loggedIn = web.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            assertThat(loggedIn).as("logged in (a redirect to the dashboard)").isEqualTo(303);
            HttpResponse<String> page = web.send(HttpRequest.newBuilder(
                    URI.create(base + "/callbacks?id=" + callbackId)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            return page.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(2)
    void aCallerWhoHangsUpWithoutSpeakingAfterAQueueTimeoutLeavesNothing() {
        long logStart = site.pbxLog().length();
        Instant before = Instant.now().minusSeconds(2);
        // nobody answers support (no phone on its members' ports): 4 s in the queue, the greeting and the beep, then
        // the caller, who sends no sound at all, hangs up 9 s after the answer, during Record()
        call("109", false, CALLER + ";0;;;;0;9000");
        String uniqueId = uniqueIdOf("109", before);
        TestSite.eventually("the voicemail step of " + uniqueId + " told CallScore", Duration.ofSeconds(30),
                () -> site.pbxLog().substring((int) Math.min(logStart, site.pbxLog().length()))
                        .contains("CallScore voicemail for support: AGISTATUS="));
        String told = site.pbxLog().substring((int) logStart);
        assertThat(told).contains("caller not served (QUEUESTATUS=TIMEOUT): voicemail")
                .contains("voicemail-" + uniqueId + ".wav").contains("AGISTATUS=SUCCESS EMPTY");
        assertThat(site.query("SELECT id FROM recording WHERE uniqueid = ? OR channel_uniqueid = ?", uniqueId,
                uniqueId)).as("no recording").isEmpty();
        assertThat(site.query("SELECT id FROM callback WHERE call_uniqueid = ?", uniqueId)).as("no callback").isEmpty();
        // Record() leaves at most a bare WAV header; CallScore deletes it where it may write (here Asterisk, as root,
        // made the day's folder 0755)
        try (var files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().contains(uniqueId)).toList()) {
                assertThat(Files.size(file)).as("%s holds no sound", file).isLessThanOrEqualTo(44);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
