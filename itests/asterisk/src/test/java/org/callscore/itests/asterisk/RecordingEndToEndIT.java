package org.callscore.itests.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callscore.itests.asterisk.TestSite.newCaller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Recorded queue calls through the real Asterisk 22: the caller dials 107, the shipped
 * {@code [callscore-recorded-queue]} asks CallScore's recording application for the file and records the agent's
 * leg with MixMonitor while a sipp agent talks (real A-law audio), then the caller takes the survey. Checked in the
 * recording index, through the console's {@code recording:search}: the file indexed with the agent, queue, caller
 * and duration of the queue_log and CDR rows Asterisk wrote, tied to the call's survey, found by each filter; and a
 * caller who hangs up before an agent answers leaves no entry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingEndToEndIT {

    /**
     * The recordings folder as Asterisk (in its root) writes it; CallScore reads it through the root. Not under
     * Debian's /var/spool/asterisk, which is 0750 for Asterisk's own user: CallScore's user could not read it.
     */
    private static final String ASTERISK_FOLDER = "/var/lib/callscore-e2e/recordings";
    private static final int TALK_MS = 8000;

    private TestSite site;
    private Path folder;

    @BeforeAll
    void startTheCallCentre() throws IOException {
        site = TestSite.start(EndToEndIT.SURVEY); // a 1-5 question (complaint on 1), a yes-no one, a 1-5 one
        folder = recordIntoThePbxFolder(site);
    }

    /**
     * Points the recording index at the PBX's recordings folder (quick scans, 2 s to settle), and the survey's voice
     * comments into it (VoicemailIT's site too).
     *
     * @return the folder as CallScore reads it
     */
    static Path recordIntoThePbxFolder(TestSite site) throws IOException {
        Path folder = TestSite.pbxRoot().resolve(ASTERISK_FOLDER.substring(1));
        Files.createDirectories(folder);
        // Asterisk writes as root; CallScore's user reads, and deletes the bare files of calls nobody answered
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        for (String[] setting : new String[][] {{"folder", folder.toString()}, {"asterisk.folder", ASTERISK_FOLDER},
                {"scan.interval.seconds", "1"}, {"settle.seconds", "2"}, {"free.space.min.mb", "1"}}) {
            site.console("config:property-set -p org.callscore.recording " + setting[0] + " " + setting[1]);
        }
        site.console("config:property-set -p org.callscore.agi.survey comment.folder " + ASTERISK_FOLDER);
        // the index restarts once per property set, and its module may still be migrating its tables
        StringBuilder lastSeen = new StringBuilder();
        TestSite.eventually("the recording index on the PBX's folder", Duration.ofSeconds(90), () -> {
            lastSeen.setLength(0);
            lastSeen.append(site.console("config:property-list -p org.callscore.recording"));
            lastSeen.append(site.console("recording:search --limit 1"));
            return lastSeen.indexOf(ASTERISK_FOLDER) >= 0 && lastSeen.indexOf(" shown") >= 0;
        }, () -> "the console last said:\n" + lastSeen + "\nKaraf logged:\n" + site.karafLog(0).lines()
                .filter(line -> line.contains("ERROR") || line.contains("WARN") || line.contains("ecording"))
                .collect(Collectors.joining("\n")));
        return folder;
    }

    @AfterAll
    void stopTheCallCentre() {
        if (site != null) {
            site.close();
        }
    }

    /** @return the ids {@code recording:search} lists with these options (its lines: id, start, caller, ...) */
    private List<Long> search(String options) {
        String out = site.console("recording:search " + options);
        return out.lines().filter(line -> line.matches("^\\d+ +\\d{4}-.*"))
                .map(line -> Long.parseLong(line.split(" ")[0])).toList();
    }

    @Test
    void aRecordedQueueCallIsIndexedWithItsAgentQueueCallerDurationAndSurvey() {
        String caller = newCaller();
        Instant before = Instant.now().minusSeconds(5);
        // agent 1 or 2 answers after 2 s and talks 8 s (6 s of audio); 12 s after the answer the caller rates
        // 1 (a complaint), yes, and 2
        site.call("-s", "107", "-a", "1:talks:2000:" + TALK_MS, "-a", "2:talks:2000:" + TALK_MS,
                caller + ";12500;1;1;2;1500;0");
        String uniqueId = site.callerUniqueId(caller);
        String agent = (String) site.query("SELECT agent FROM queue_log WHERE callid = ? AND event = 'CONNECT'",
                uniqueId).get(0).get("agent");
        TestSite.eventually("the survey of " + uniqueId + " ended", Duration.ofSeconds(30), () -> !site.query(
                "SELECT id FROM survey_response WHERE uniqueid = ? AND ended_at IS NOT NULL", uniqueId).isEmpty());
        String response = (String) site.query("SELECT id FROM survey_response WHERE uniqueid = ?", uniqueId).get(0)
                .get("id");

        TestSite.eventually("the recording of " + uniqueId + " ready and matched", Duration.ofSeconds(60),
                () -> !site.query("SELECT id FROM recording WHERE uniqueid = ? AND kind = 'QUEUE_CALL' AND state = "
                        + "'READY' AND matched AND survey_response IS NOT NULL", uniqueId).isEmpty());
        Map<String, Object> row = site.query("SELECT id, caller, agent, queue, duration_ms, size_bytes, file, "
                + "survey_response, mean_score, complaint FROM recording WHERE uniqueid = ? AND kind = 'QUEUE_CALL'",
                uniqueId).get(0);
        long id = ((Number) row.get("id")).longValue();
        assertThat(row.get("agent")).isEqualTo(agent);
        assertThat(row.get("queue")).isEqualTo("sales");
        assertThat(row.get("caller")).isEqualTo(caller);
        assertThat(((Number) row.get("duration_ms")).longValue()).as("the agent's talk, about %d ms", TALK_MS)
                .isBetween(3000L, TALK_MS + 3000L);
        assertThat(((Number) row.get("size_bytes")).longValue()).isGreaterThan(8000);
        assertThat(row.get("survey_response")).isEqualTo(response);
        assertThat(((Number) row.get("mean_score")).doubleValue()).as("the survey's mean of 1 and 2")
                .isBetween(1.0, 2.0);
        assertThat(row.get("complaint")).isIn(true, 1, 1L);
        // the file is named after the call, never the caller, and lies in the folder
        assertThat((String) row.get("file")).contains(uniqueId).doesNotContain(caller);
        assertThat(Files.isRegularFile(folder.resolve((String) row.get("file")))).isTrue();

        String day = "--from " + before + " --to " + Instant.now().plusSeconds(60);
        for (String filter : List.of("--caller " + caller.substring(caller.length() - 6), "--agent " + agent,
                "--queue sales " + day, "--queue sales --min-seconds 3 --max-seconds 11",
                "--queue sales --min-score 1 --max-score 2", "--queue sales --complaint true")) {
            assertThat(search(filter + " --limit 1000")).as(filter).contains(id);
        }
        for (String filter : List.of("--caller " + caller.substring(caller.length() - 6) + " --min-score 3",
                "--caller " + caller.substring(caller.length() - 6) + " --max-seconds 2", "--queue support " + day)) {
            assertThat(search(filter + " --limit 1000")).as(filter).doesNotContain(id);
        }
    }

    @Test
    void aCallerWhoHangsUpBeforeAnAgentAnswersLeavesNoEntry() {
        String caller = newCaller();
        long logStart = site.pbxLog().length();
        // the agents only ring; the caller hangs up after 6 s in the queue
        site.call("-s", "107", "-a", "1:never", "-a", "2:never", caller + ";0;;;;0;6000");
        String uniqueId = site.callerUniqueId(caller);
        // the dialplan did ask for a file for this call, and told CallScore the caller hung up
        TestSite.eventually("the recording asked for", Duration.ofSeconds(20), () -> site.pbxLog()
                .substring((int) Math.min(logStart, site.pbxLog().length())).contains("queue-" + uniqueId + ".wav"));
        assertThat(site.pbxLog().substring((int) logStart)).contains("AGISTATUS=SUCCESS record=YES");
        TestSite.eventually("no entry for " + uniqueId, Duration.ofSeconds(60),
                () -> site.query("SELECT id FROM recording WHERE uniqueid = ? OR channel_uniqueid = ?", uniqueId,
                        uniqueId).isEmpty());
        assertThat(search("--caller " + caller.substring(caller.length() - 6) + " --limit 1000")).isEmpty();
        // MixMonitor leaves at most a bare WAV header; CallScore deletes it where it may write (here Asterisk, as
        // root, made the day's folder 0755)
        try (var files = Files.walk(folder)) {
            for (Path file : files.filter(file -> file.getFileName().toString().contains(uniqueId)).toList()) {
                assertThat(Files.size(file)).as("%s holds no sound", file).isLessThanOrEqualTo(44);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
