package org.callscore.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callscore.survey.internal.ResponseJournalTest.answered;
import static org.callscore.survey.internal.ResponseJournalTest.offered;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.callscore.storage.Database;
import org.callscore.storage.DatabaseStatus;
import org.callscore.survey.ResponseStatus;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real MariaDB named by callscore.test.db.url; "down" is a pool pointed at a closed port. */
class ResponseRecorderTest {

    private static final Jdbi MARIADB = Jdbi.create(System.getProperty("callscore.test.db.url",
            "jdbc:mariadb://127.0.0.1:3306/callscore_unit"), System.getProperty("callscore.test.db.user", "root"),
            System.getProperty("callscore.test.db.password", ""));
    /** Nothing listens on port 1: every statement fails at once, as with MariaDB stopped. */
    private static final Jdbi NOWHERE = Jdbi.create("jdbc:mariadb://127.0.0.1:1/callscore_unit?connectTimeout=500",
            "nobody", "");

    @TempDir
    Path folder;

    private final AtomicBoolean up = new AtomicBoolean(true);
    /** What isReady() says; it lags behind reality, as the storage bundle's health check does. */
    private final AtomicBoolean readyReported = new AtomicBoolean(true);
    private ResponseJournal journal;
    private ResponseRecorder recorder;

    private final Database database = new Database() {
        @Override
        public Jdbi jdbi() {
            return up.get() ? MARIADB : NOWHERE;
        }

        @Override
        public DatabaseStatus status() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isReady(String module) {
            return readyReported.get();
        }

        @Override
        public void checkNow() {
            readyReported.set(up.get());
        }
    };

    @BeforeEach
    void freshTables() throws Exception {
        String schema = Files.readString(Path.of("src/main/resources/db/migration/V1__create_survey_tables.sql"),
                StandardCharsets.UTF_8);
        MARIADB.useHandle(h -> {
            h.execute("DROP TABLE IF EXISTS survey_answer, survey_response, survey_version");
            for (String statement : schema.split(";\\s*\\n")) {
                if (!statement.replaceAll("(?m)^--.*$", "").isBlank()) {
                    h.execute(statement);
                }
            }
        });
        journal = new ResponseJournal(folder.resolve("journal.log"));
        recorder = new ResponseRecorder(journal, () -> database);
    }

    private void goDown() {
        up.set(false);
        readyReported.set(false);
    }

    private void comeBack() {
        up.set(true);
        readyReported.set(true);
    }

    private static int count(String sql, Object... args) {
        return MARIADB.withHandle(h -> h.select(sql, args).mapTo(Integer.class).one());
    }

    private static Map<String, Object> response(String id) {
        return MARIADB.withHandle(h -> h.select("SELECT status, queue, agent, linkedid, questions, started_at "
                + "FROM survey_response WHERE id = ?", id).mapToMap().one());
    }

    @Test
    void writesStraightToMariaDbWhenItAnswers() {
        recorder.record(offered("r1", "sales"));
        recorder.record(answered("r1", "q1", 4));
        recorder.record(new ResponseEvent.Ended("r1", ResponseStatus.PARTIAL, Instant.now(), "/tmp/c.wav"));

        assertThat(response("r1")).containsEntry("status", "partial").containsEntry("queue", "sales")
                .containsEntry("agent", "Agent One").containsEntry("questions", 3);
        assertThat(count("SELECT score FROM survey_answer WHERE response_id = 'r1'")).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM survey_version WHERE survey = 'after-call'")).isEqualTo(1);
        assertThat(recorder.pending()).isZero();
    }

    @Test
    void answersGivenWhileMariaDbIsDownAreWrittenOnceWhenItIsBack() {
        recorder.record(offered("r1", "sales"));
        goDown();
        recorder.record(answered("r1", "q1", 5));
        recorder.record(answered("r1", "q2", 1));
        recorder.record(new ResponseEvent.Ended("r1", ResponseStatus.COMPLETED, Instant.now(), null));
        recorder.replay(); // still down: nothing leaves the journal

        assertThat(recorder.pending()).isEqualTo(3);
        comeBack();
        // a new call while the journal still holds the old one's events goes straight to the database
        recorder.record(offered("r2", "support"));
        assertThat(count("SELECT COUNT(*) FROM survey_response WHERE id = 'r2'")).isEqualTo(1);
        recorder.replay();
        recorder.replay();

        assertThat(recorder.pending()).isZero();
        assertThat(count("SELECT COUNT(*) FROM survey_answer WHERE response_id = 'r1'")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM survey_answer WHERE response_id = 'r1' AND complaint")).isEqualTo(1);
        assertThat(response("r1")).containsEntry("status", "completed");
    }

    @Test
    void aWriteThatFailsBeforeTheHealthCheckNoticesGoesToTheJournalAndLaterEventsFollowIt() {
        recorder.record(offered("r1", "sales"));
        up.set(false); // down, but isReady() still says yes
        recorder.record(answered("r1", "q1", 3));
        assertThat(readyReported).isFalse(); // the failed write asked for a check
        up.set(true);
        readyReported.set(true);
        recorder.record(answered("r1", "q2", 2)); // must not overtake q1

        assertThat(journal.events()).containsExactly(answered("r1", "q1", 3), answered("r1", "q2", 2));
        recorder.replay();
        assertThat(count("SELECT COUNT(*) FROM survey_answer WHERE response_id = 'r1'")).isEqualTo(2);
    }

    @Test
    void anEventWrittenButStillJournalledIsNotDoubled() {
        ResponseEvent.Offered offer = offered("r1", "sales");
        ResponseEvent.Answered answer = answered("r1", "q1", 4);
        // as after a crash between the database write and the journal's truncation
        ResponseWriter.write(MARIADB, offer);
        ResponseWriter.write(MARIADB, answer);
        journal.append(offer);
        journal.append(answer);

        recorder.replay();

        assertThat(count("SELECT COUNT(*) FROM survey_response WHERE id = 'r1'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM survey_answer WHERE response_id = 'r1'")).isEqualTo(1);
        assertThat(recorder.pending()).isZero();
    }

    @Test
    void anEventMariaDbRefusesForGoodIsSetAsideAndDoesNotBlockTheOthers() throws Exception {
        recorder.record(offered("r1", "sales"));
        goDown();
        ResponseEvent.Answered tooLong = answered("r1", "q".repeat(100), 4); // question_id is VARCHAR(64)
        recorder.record(tooLong);
        recorder.record(answered("r1", "q2", 5));
        comeBack();

        recorder.replay();

        assertThat(recorder.pending()).isZero();
        assertThat(count("SELECT COUNT(*) FROM survey_answer WHERE response_id = 'r1'")).isEqualTo(1);
        assertThat(Files.readString(journal.rejectedFile())).isEqualTo(tooLong.toLine() + "\n");
    }
}
