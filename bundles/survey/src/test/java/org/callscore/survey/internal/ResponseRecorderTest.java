package org.callscore.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.callscore.survey.internal.ResponseJournalTest.answered;
import static org.callscore.survey.internal.ResponseJournalTest.offered;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import org.callscore.support.database.BoundedWriter;
import org.callscore.survey.ResponseStatus;
import org.callscore.testing.database.FrozenMariaDb;
import org.callscore.testing.database.SwitchableDatabase;
import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real MariaDB of the unit tests; "down" is a pool pointed at a closed port. */
class ResponseRecorderTest {

    private static final Jdbi MARIADB = UnitDatabase.jdbi();

    @TempDir
    Path folder;

    private final SwitchableDatabase database = new SwitchableDatabase(MARIADB);
    private ResponseJournal journal;
    private ResponseRecorder recorder;
    /**
     * A bound no write reaches on a loaded test machine (200 ms was passed once: the offer went to the journal and
     * the writes after it were not tried): only {@link #aFrozenMariaDbCostsOneBoundAndLosesNothing} is about the
     * bound, with its own.
     */
    private BoundedWriter writer = new BoundedWriter("survey", Duration.ofSeconds(10), 2, 100);

    @BeforeEach
    void freshTables() {
        UnitDatabase.recreate(MARIADB, Path.of("src/main/resources/db/migration"), "survey_answer", "survey_response",
                "survey_version");
        journal = new ResponseJournal(folder.resolve("journal.log"));
        recorder = new ResponseRecorder(journal, () -> database, writer);
    }

    @AfterEach
    void stopWriters() {
        writer.close();
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
        database.goDown();
        recorder.record(answered("r1", "q1", 5));
        recorder.record(answered("r1", "q2", 1));
        recorder.record(new ResponseEvent.Ended("r1", ResponseStatus.COMPLETED, Instant.now(), null));
        recorder.replay(); // still down: nothing leaves the journal

        assertThat(recorder.pending()).isEqualTo(3);
        database.comeBack();
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
        database.cut(); // down, but isReady() still says yes
        recorder.record(answered("r1", "q1", 3));
        assertThat(database.readyReported()).isFalse(); // the failed write asked for a check
        database.comeBack();
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
        database.goDown();
        ResponseEvent.Answered tooLong = answered("r1", "q".repeat(100), 4); // question_id is VARCHAR(64)
        recorder.record(tooLong);
        recorder.record(answered("r1", "q2", 5));
        database.comeBack();

        recorder.replay();

        assertThat(recorder.pending()).isZero();
        assertThat(count("SELECT COUNT(*) FROM survey_answer WHERE response_id = 'r1'")).isEqualTo(1);
        assertThat(Files.readString(journal.rejectedFile())).isEqualTo(tooLong.toLine() + "\n");
    }

    /**
     * Calls answering at the same moment share transactions; one answer MariaDB refuses for its data is set aside
     * alone, and every other call's answer is written.
     */
    @Test
    void answersGivenAtTheSameMomentAreAllWrittenAndARefusedOneIsSetAsideAlone() throws Exception {
        // a bound no write reaches here (each statement opens a connection of its own): nothing goes to the journal
        try (BoundedWriter patient = new BoundedWriter("survey", Duration.ofMinutes(1), 2, 100)) {
            answeredTogether(new ResponseRecorder(journal, () -> database, patient));
        }
    }

    private void answeredTogether(ResponseRecorder recorder) throws InterruptedException, java.io.IOException {
        int calls = 40;
        for (int i = 0; i < calls; i++) {
            recorder.record(offered("r" + i, "sales"));
        }
        ResponseEvent.Answered tooLong = answered("r7", "q".repeat(100), 4); // question_id is VARCHAR(64)
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            ResponseEvent answer = i == 7 ? tooLong : answered("r" + i, "q1", 4);
            Thread caller = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                recorder.record(answer);
            });
            caller.start();
            callers.add(caller);
        }
        start.countDown();
        for (Thread caller : callers) {
            caller.join();
        }

        assertThat(count("SELECT COUNT(*) FROM survey_answer")).isEqualTo(calls - 1);
        assertThat(count("SELECT COUNT(*) FROM survey_answer WHERE response_id = 'r7'")).isZero();
        assertThat(Files.readString(journal.rejectedFile())).isEqualTo(tooLong.toLine() + "\n");
        assertThat(recorder.pending()).isZero();
    }

    /** MariaDB stops answering mid-call: one write waits the bound, the others go to the journal untried. */
    @Test
    void aFrozenMariaDbCostsOneBoundAndLosesNothing() {
        writer.close();
        writer = new BoundedWriter("survey", Duration.ofMillis(200), 2, 100);
        recorder = new ResponseRecorder(journal, () -> database, writer);
        recorder.record(offered("r1", "sales"));
        FrozenMariaDb frozen = database.freeze();
        // a guard against hanging, not a speed figure: without a bound each write waits for the driver
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            recorder.record(answered("r1", "q1", 4));
            recorder.record(answered("r1", "q2", 5));
            recorder.record(new ResponseEvent.Ended("r1", ResponseStatus.COMPLETED, Instant.now(), null));
            recorder.record(offered("r2", "support"));
        });

        assertThat(frozen.connections()).as("writes tried on the frozen MariaDB").isEqualTo(1);
        assertThat(recorder.pending()).isEqualTo(4);
        database.comeBack();
        recorder.replay();

        assertThat(recorder.pending()).isZero();
        assertThat(count("SELECT COUNT(*) FROM survey_answer WHERE response_id = 'r1'")).isEqualTo(2);
        assertThat(response("r1")).containsEntry("status", "completed");
        assertThat(count("SELECT COUNT(*) FROM survey_response WHERE id = 'r2'")).isEqualTo(1);
        recorder.record(offered("r3", "sales")); // MariaDB took the replay: straight to it again
        assertThat(recorder.pending()).isZero();
        assertThat(count("SELECT COUNT(*) FROM survey_response WHERE id = 'r3'")).isEqualTo(1);
    }

    /**
     * A long outage: the replay writes many events to a transaction; one that MariaDB refuses, in the third of
     * them, is set aside alone, and everything before and after it is written once, in order.
     */
    @Test
    void aLongOutageIsReplayedWholeButForTheOneEventMariaDbRefuses() throws Exception {
        database.goDown();
        ResponseEvent.Answered tooLong = answered("r30", "q".repeat(100), 4); // question_id is VARCHAR(64)
        for (int call = 0; call < 40; call++) {
            recorder.record(offered("r" + call, "sales"));
            recorder.record(call == 30 ? tooLong : answered("r" + call, "q1", 1 + call % 5));
            recorder.record(answered("r" + call, "q2", 3));
            recorder.record(new ResponseEvent.Ended("r" + call, ResponseStatus.COMPLETED, Instant.now(), null));
        }
        assertThat(recorder.pending()).isEqualTo(160);
        database.comeBack();

        recorder.replay();

        assertThat(recorder.pending()).isZero();
        assertThat(count("SELECT COUNT(*) FROM survey_response WHERE status = 'completed'")).isEqualTo(40);
        assertThat(count("SELECT COUNT(*) FROM survey_answer")).isEqualTo(79);
        assertThat(count("SELECT COUNT(*) FROM survey_answer WHERE response_id = 'r30'")).isEqualTo(1);
        assertThat(count("SELECT SUM(score) FROM survey_answer WHERE question_id = 'q1'"))
                .isEqualTo(IntStream.range(0, 40).filter(c -> c != 30).map(c -> 1 + c % 5).sum());
        assertThat(Files.readString(journal.rejectedFile())).isEqualTo(tooLong.toLine() + "\n");
    }

    /** A journal that cannot be written (here: a folder in its place) is logged, and the call goes on. */
    @Test
    void aJournalThatCannotBeWrittenNeverFailsTheCall() throws Exception {
        Path broken = folder.resolve("broken.log");
        Files.createDirectories(broken);
        ResponseRecorder brokenJournal = new ResponseRecorder(new ResponseJournal(broken), () -> database, writer);
        database.goDown();

        brokenJournal.record(offered("r1", "sales"));
        brokenJournal.record(answered("r1", "q1", 4));

        assertThat(brokenJournal.pending()).isZero();
    }
}
