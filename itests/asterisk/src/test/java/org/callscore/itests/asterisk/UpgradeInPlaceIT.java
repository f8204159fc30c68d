package org.callscore.itests.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.callscore.testing.asterisk.FastAgiCall;
import org.callscore.testing.asterisk.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./callscore upgrade} (what {@code ./callscore run} does after its build) over a runtime that has been
 * serving: a survey answered while MariaDB was out of reach waits in the journal, and the site has edited etc/.
 * A newer distribution (the built one with changed defaults and program files) then goes in place of the old one:
 * the journal is kept and written to MariaDB, the edits are kept, the database password is the same, and Karaf
 * comes up again as the unprivileged user and answers {@code ping} over FastAGI. Needs no Asterisk.
 */
class UpgradeInPlaceIT {

    private static final Duration SCRIPT = Duration.ofMinutes(4);
    private static final Duration CALL = Duration.ofSeconds(30);
    private static final String DATABASE = "callscore_upgrade";
    private static final String SURVEY = String.join("\n",
            "intro = beep",
            "invalid.key = beep",
            "thanks = beep",
            "question.1.id = attitude",
            "question.1.prompt = beep",
            "question.2.id = solved",
            "question.2.prompt = beep",
            "question.2.scale = yes-no",
            "question.3.id = recommend",
            "question.3.prompt = beep",
            "question.3.scale = 0-10",
            "");

    private final Path repository = Path.of(System.getProperty("callscore.repository")).toAbsolutePath().normalize();
    private final Path work = Path.of(System.getProperty("callscore.e2e.work")).toAbsolutePath().resolveSibling("upgrade");
    private final Path runtime = work.resolve("runtime");
    private final int agiPort = TestRuntime.freePort();
    private Shell shell;

    @BeforeEach
    void clean() throws IOException {
        Files.createDirectories(work);
        shell = new Shell(repository, work.resolve("upgrade.log"), TestRuntime.environment(runtime, DATABASE, agiPort));
        shell.ok(SCRIPT, "./callscore", "stop"); // a runtime left by an earlier run that was killed
        shell.ok(SCRIPT, "rm", "-rf", runtime.toString(), work.resolve("newer").toString());
    }

    @AfterEach
    void stop() {
        shell.run(SCRIPT, List.of("./callscore", "stop"));
    }

    @Test
    void aSecondInstallKeepsTheJournalTheSitesEditsAndThePasswordAndRunsAsTheServiceUser() throws Exception {
        String installed = shell.ok(SCRIPT, "./callscore", "upgrade");
        assertThat(installed).contains("Unpacking the Karaf distribution into " + runtime);
        assertThat(karafUser()).isEqualTo(serviceUser());
        Path dataSource = TestRuntime.dataSource(runtime);
        String password = TestRuntime.properties(dataSource).getProperty("password");
        assertThat(password).isNotBlank();

        write(runtime.resolve("etc/callscore/surveys/upgrade.survey"), SURVEY);
        TestSite.eventually("survey 'upgrade' loaded", Duration.ofSeconds(60),
                () -> karafLog().contains("Survey upgrade loaded"));
        // MariaDB out of reach for this runtime only: its DataSource pointed at a port nothing listens on
        String url = TestRuntime.properties(dataSource).getProperty("url");
        replaceLine(dataSource, "url = ", "url = jdbc:mariadb://127.0.0.1:" + TestRuntime.freePort() + "/" + DATABASE);
        TestSite.eventually("CallScore sees the database down", Duration.ofSeconds(60),
                () -> "DOWN".equals(ping().variable("CALLSCORE_DATABASE")));
        String uniqueId = "upgrade." + System.currentTimeMillis();
        Outcome survey = FastAgiCall.to("127.0.0.1", agiPort).script("survey?survey=upgrade&queue=upgrade-q")
                .uniqueId(uniqueId).digits("4", "1", "9").connect().runToEnd(CALL);
        assertThat(survey.variable("SURVEY_STATUS")).isEqualTo("completed");
        Path journal = runtime.resolve("data/callscore/survey-journal.log");
        // by the response id, which every answer's line holds: the offer itself may still reach MariaDB through a
        // connection of the DataSource being replaced (seen once: the offer in MariaDB, the answers journalled)
        String responseId = survey.variable("SURVEY_RESPONSE_ID");
        assertThat(responseId).isNotBlank();
        assertThat(Files.readString(journal)).as("the answers wait in the journal")
                .contains("answered " + responseId + " attitude", "answered " + responseId + " recommend");
        shell.ok(SCRIPT, "./callscore", "stop");

        // the site's edits while it is stopped: MariaDB back, and a setting of its own
        replaceLine(dataSource, "url = ", "url = " + url);
        Path fastAgi = runtime.resolve("etc/org.callscore.fastagi.cfg");
        replaceLine(fastAgi, "idle.warning.seconds", "idle.warning.seconds = 1800");
        Files.writeString(fastAgi, "# the site's note\n", java.nio.file.StandardOpenOption.APPEND);

        Path newer = newerDistribution();
        String upgraded = shell.ok(SCRIPT, "./callscore", "upgrade", newer.toString());

        assertThat(upgraded).contains("Upgrading " + runtime + " in place")
                .contains("MERGE BY HAND: etc/org.callscore.fastagi.cfg")
                .contains("kept the password in " + dataSource);
        assertThat(Files.readString(fastAgi)).as("the site's edit")
                .contains("idle.warning.seconds = 1800", "# the site's note").doesNotContain("next.version");
        assertThat(runtime.resolve("etc/org.callscore.fastagi.cfg.new")).as("the new default, beside")
                .content().contains("next.version.setting = 1").doesNotContain("the site's note");
        assertThat(runtime.resolve("etc/org.callscore.storage.cfg")).as("a default never edited here follows the new version")
                .content().contains("health.interval.seconds = 5");
        assertThat(runtime.resolve("etc/next-version.txt")).as("a new default file").exists();
        assertThat(runtime.resolve("lib/README")).as("program files replaced").content().contains("next version");
        assertThat(runtime.resolve("etc/callscore/surveys/upgrade.survey")).as("the site's survey").exists();
        assertThat(TestRuntime.properties(dataSource).getProperty("password")).as("the database password")
                .isEqualTo(password);
        assertThat(karafUser()).isEqualTo(serviceUser());

        TestSite.eventually("the journalled answers written to MariaDB", Duration.ofSeconds(60),
                () -> answers(password, uniqueId).size() == 3);
        assertThat(answers(password, uniqueId)).containsExactly("attitude=4", "solved=1", "recommend=9");
        TestSite.eventually("the journal emptied", Duration.ofSeconds(30), () -> !read(journal).contains(responseId));
        Outcome ping = ping();
        assertThat(ping.agiStatus()).isEqualTo("SUCCESS");
        assertThat(ping.variable("CALLSCORE_DATABASE")).isEqualTo("UP");
    }

    /** The built distribution with what a next version would change: defaults in etc/, a program file. */
    private Path newerDistribution() throws IOException {
        Path unpacked = work.resolve("newer");
        Files.createDirectories(unpacked);
        Path[] built;
        try (var files = Files.list(repository.resolve("feature-repo/distribution/target"))) {
            built = files.filter(f -> f.getFileName().toString().matches("org\\.callscore\\.distribution-.*\\.tar\\.gz"))
                    .toArray(Path[]::new);
        }
        assertThat(built).hasSize(1);
        shell.ok(SCRIPT, "tar", "-xzf", built[0].toString(), "-C", unpacked.toString());
        Path top;
        try (var entries = Files.list(unpacked)) {
            top = entries.findFirst().orElseThrow();
        }
        Files.writeString(top.resolve("etc/org.callscore.fastagi.cfg"), "next.version.setting = 1\n",
                java.nio.file.StandardOpenOption.APPEND);
        replaceLine(top.resolve("etc/org.callscore.storage.cfg"), "health.interval.seconds",
                "health.interval.seconds = 5");
        Files.writeString(top.resolve("etc/next-version.txt"), "new in the next version\n");
        Files.writeString(top.resolve("lib/README"), "next version\n", java.nio.file.StandardOpenOption.APPEND);
        Path tarball = work.resolve("newer/org.callscore.distribution-next.tar.gz");
        shell.ok(SCRIPT, "tar", "-czf", tarball.toString(), "-C", unpacked.toString(), top.getFileName().toString());
        return tarball;
    }

    private Outcome ping() {
        return FastAgiCall.to("127.0.0.1", agiPort).script("ping").connect().runToEnd(CALL);
    }

    /** The user the running Karaf's process belongs to. */
    private String karafUser() throws IOException {
        String pid = Files.readString(runtime.resolve("karaf.pid")).trim();
        return Files.getOwner(Path.of("/proc", pid)).getName();
    }

    private static String serviceUser() {
        String me = System.getProperty("user.name");
        return me.equals("root") ? "callscore" : me;
    }

    /** MariaDB's error 1146, "Table ... doesn't exist" */
    private static final int ER_NO_SUCH_TABLE = 1146;

    private List<String> answers(String password, String uniqueId) {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + DATABASE, DATABASE,
                password); PreparedStatement statement = connection.prepareStatement("SELECT CONCAT(a.question_id, "
                        + "'=', a.score) FROM survey_answer a JOIN survey_response r ON r.id = a.response_id "
                        + "WHERE r.uniqueid = ? ORDER BY a.position")) {
            statement.setString(1, uniqueId);
            List<String> answers = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    answers.add(result.getString(1));
                }
            }
            return answers;
        } catch (SQLException e) {
            if (e.getErrorCode() == ER_NO_SUCH_TABLE) {
                return List.of(); // not yet: the survey's migration runs at the upgraded Karaf's first health check
            }
            throw new AssertionError("cannot read the survey answers: " + e.getMessage(), e);
        }
    }

    private String karafLog() {
        return read(runtime.resolve("data/log/karaf.log"));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file as an editor saves it: a temporary file renamed over the old one. */
    private static void write(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Replaces the line starting with {@code start} in place (owner and mode stay). */
    private static void replaceLine(Path file, String start, String line) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                at = i;
            }
        }
        assertThat(at).as(start + " in " + file).isNotNegative();
        lines.set(at, line);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
