package org.callscore.ivr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.callscore.ivr.Action;
import org.callscore.ivr.IvrVisit;
import org.callscore.support.database.BoundedWriter;
import org.callscore.testing.database.FrozenMariaDb;
import org.callscore.testing.database.SwitchableDatabase;
import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real MariaDB named by callscore.test.db.url; "down" is a pool pointed at a closed port. */
class VisitRecorderTest {

    private static final Jdbi MARIADB = UnitDatabase.jdbi();

    @TempDir
    Path folder;

    private final SwitchableDatabase database = new SwitchableDatabase(MARIADB);
    private VisitSpool spool;
    private VisitRecorder recorder;
    /**
     * A bound no write reaches on a loaded test machine (the survey's recorder test with 200 ms failed once so):
     * only {@link #aFrozenMariaDbCostsOneBoundAndVisitsWaitInTheSpool} is about the bound, with its own.
     */
    private BoundedWriter writer = new BoundedWriter("ivr", Duration.ofSeconds(10), 2, 100);

    @BeforeEach
    void freshTable() {
        UnitDatabase.recreate(MARIADB, Path.of("src/main/resources/db/migration"), "ivr_visit");
        spool = new VisitSpool(folder.resolve("visits"));
        recorder = new VisitRecorder(spool, () -> database, writer);
    }

    @AfterEach
    void stopWriters() {
        writer.close();
    }

    static IvrVisit visit(String uniqueId, Optional<Action> exit) {
        Instant start = Instant.parse("2026-11-24T10:00:00.123Z");
        return new IvrVisit(UUID.randomUUID().toString(), "main", "a".repeat(64), uniqueId,
                Optional.of(uniqueId + "0"), "main", "sales", "main:1 sales:t sales:0", 2, exit,
                exit.isPresent() ? "agent" : "caller-hangup", exit.isPresent(), Optional.of(true), start,
                start.plusMillis(12_345));
    }

    private static Map<String, Object> row(String uniqueId) {
        return MARIADB.withHandle(h -> h.createQuery("SELECT * FROM ivr_visit WHERE uniqueid = :u").bind("u", uniqueId)
                .mapToMap().one());
    }

    private static int rows() {
        return MARIADB.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ivr_visit").mapTo(Integer.class).one());
    }

    @Test
    void aVisitIsWrittenOnceEvenWhenWrittenTwice() {
        IvrVisit visit = visit("1700000000.1", Optional.of(new Action(Action.Type.AGENT, "support")));

        recorder.record(visit);
        recorder.record(visit);

        assertThat(rows()).isEqualTo(1);
        Map<String, Object> row = row("1700000000.1");
        assertThat(row.get("exit_type")).isEqualTo("agent");
        assertThat(row.get("exit_target")).isEqualTo("support");
        assertThat(row.get("path")).isEqualTo("main:1 sales:t sales:0");
        assertThat(row.get("duration_ms")).isEqualTo(12_345L);
        assertThat(row.get("agent_requested")).isEqualTo(true);
        assertThat(row.get("caller_hung_up")).isEqualTo(false);
        assertThat(row.get("linkedid")).isEqualTo("1700000000.10");
    }

    @Test
    void visitsWaitInTheSpoolWhileMariaDbIsDownAndAreWrittenWhenItIsBack() {
        database.cut();
        recorder.record(visit("1700000000.2", Optional.empty()));
        recorder.record(visit("1700000000.3", Optional.of(new Action(Action.Type.QUEUE, "sales"))));
        assertThat(recorder.pending()).isEqualTo(2);
        recorder.replay();
        assertThat(recorder.pending()).isEqualTo(2);

        database.comeBack();
        recorder.replay();

        assertThat(recorder.pending()).isZero();
        assertThat(rows()).isEqualTo(2);
        assertThat(row("1700000000.2").get("caller_hung_up")).isEqualTo(true);
        assertThat(row("1700000000.2").get("exit_type")).isNull();
        assertThat(row("1700000000.3").get("exit_target")).isEqualTo("sales");
    }

    @Test
    void anUnreadableSpoolFileIsSetAsideNotLost() throws Exception {
        database.cut();
        recorder.record(visit("1700000000.4", Optional.empty()));
        Files.writeString(spool.folder().resolve("00000000-0000-0000-0000-000000000000.visit"), "id = x\n");
        database.comeBack();

        recorder.replay();

        assertThat(rows()).isEqualTo(1);
        assertThat(Files.exists(spool.folder().resolve("00000000-0000-0000-0000-000000000000.visit.rejected"))).isTrue();
    }

    /** MariaDB stops answering: one visit waits the bound, the next ones go to the spool untried. */
    @Test
    void aFrozenMariaDbCostsOneBoundAndVisitsWaitInTheSpool() {
        writer.close();
        writer = new BoundedWriter("ivr", Duration.ofMillis(200), 2, 100);
        recorder = new VisitRecorder(spool, () -> database, writer);
        FrozenMariaDb frozen = database.freeze();
        // a guard against hanging, not a speed figure: without a bound each write waits for the driver
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 5; i++) {
                recorder.record(visit("1700000001." + i, Optional.of(new Action(Action.Type.QUEUE, "sales"))));
            }
        });

        assertThat(frozen.connections()).as("writes tried on the frozen MariaDB").isEqualTo(1);
        assertThat(recorder.pending()).isEqualTo(5);
        database.comeBack();
        recorder.replay();

        assertThat(rows()).isEqualTo(5);
        assertThat(recorder.pending()).isZero();
        recorder.record(visit("1700000001.9", Optional.empty())); // MariaDB took the replay: straight to it again
        assertThat(recorder.pending()).isZero();
        assertThat(rows()).isEqualTo(6);
    }

    /** A spool that cannot be written (here: a file where its folder should be) is logged; nothing throws. */
    @Test
    void aSpoolThatCannotBeWrittenDoesNotThrow() throws Exception {
        Path notAFolder = folder.resolve("not-a-folder");
        Files.writeString(notAFolder, "x");
        VisitRecorder broken = new VisitRecorder(new VisitSpool(notAFolder), () -> database, writer);
        database.goDown();

        broken.record(visit("1700000002.1", Optional.empty()));

        assertThat(broken.pending()).isZero();
    }

    /** A hand-edited file (Latin-1), and one that cannot even be moved aside: the others are still written. */
    @Test
    void spoolFilesThatCannotBeReadOrSetAsideDoNotStopTheReplay() throws Exception {
        database.cut();
        recorder.record(visit("1700000003.1", Optional.empty()));
        Path latin1 = spool.folder().resolve("00000000-0000-0000-0000-000000000001.visit");
        Files.write(latin1, "id = 00000000-0000-0000-0000-000000000001\ntree = m\u00e9nu\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Path stuck = spool.folder().resolve("00000000-0000-0000-0000-000000000002.visit");
        Files.writeString(stuck, "garbage");
        // its .rejected name is taken by a folder with something in it: moving the file there fails
        Files.createDirectories(spool.folder().resolve(stuck.getFileName() + ".rejected"));
        Files.writeString(spool.folder().resolve(stuck.getFileName() + ".rejected").resolve("x"), "x");
        recorder.record(visit("1700000003.2", Optional.empty()));
        database.comeBack();

        recorder.replay();
        recorder.replay();

        assertThat(rows()).isEqualTo(2);
        assertThat(Files.exists(spool.folder().resolve(latin1.getFileName() + ".rejected"))).isTrue();
        assertThat(stuck).exists(); // kept where it is, for an administrator
    }
}
