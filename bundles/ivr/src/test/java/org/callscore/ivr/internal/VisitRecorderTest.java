package org.callscore.ivr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.callscore.ivr.Action;
import org.callscore.ivr.IvrVisit;
import org.callscore.storage.Database;
import org.callscore.storage.DatabaseStatus;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real MariaDB named by callscore.test.db.url; "down" is a pool pointed at a closed port. */
class VisitRecorderTest {

    private static final Jdbi MARIADB = Jdbi.create(System.getProperty("callscore.test.db.url",
            "jdbc:mariadb://127.0.0.1:3306/callscore_unit"), System.getProperty("callscore.test.db.user", "root"),
            System.getProperty("callscore.test.db.password", ""));
    private static final Jdbi NOWHERE = Jdbi.create("jdbc:mariadb://127.0.0.1:1/callscore_unit?connectTimeout=500",
            "nobody", "");

    @TempDir
    Path folder;

    private final AtomicBoolean up = new AtomicBoolean(true);
    private final AtomicBoolean readyReported = new AtomicBoolean(true);
    private VisitSpool spool;
    private VisitRecorder recorder;

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
    void freshTable() throws Exception {
        String schema = Files.readString(Path.of("src/main/resources/db/migration/V1__create_ivr_visit.sql"),
                StandardCharsets.UTF_8);
        MARIADB.useHandle(h -> {
            h.execute("DROP TABLE IF EXISTS ivr_visit");
            h.execute(schema.replaceAll("(?m)^--.*$", "").replaceAll(";\\s*$", ""));
        });
        spool = new VisitSpool(folder.resolve("visits"));
        recorder = new VisitRecorder(spool, () -> database);
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
        up.set(false);
        recorder.record(visit("1700000000.2", Optional.empty()));
        recorder.record(visit("1700000000.3", Optional.of(new Action(Action.Type.QUEUE, "sales"))));
        assertThat(recorder.pending()).isEqualTo(2);
        recorder.replay();
        assertThat(recorder.pending()).isEqualTo(2);

        up.set(true);
        readyReported.set(true);
        recorder.replay();

        assertThat(recorder.pending()).isZero();
        assertThat(rows()).isEqualTo(2);
        assertThat(row("1700000000.2").get("caller_hung_up")).isEqualTo(true);
        assertThat(row("1700000000.2").get("exit_type")).isNull();
        assertThat(row("1700000000.3").get("exit_target")).isEqualTo("sales");
    }

    @Test
    void anUnreadableSpoolFileIsSetAsideNotLost() throws Exception {
        up.set(false);
        recorder.record(visit("1700000000.4", Optional.empty()));
        Files.writeString(spool.folder().resolve("00000000-0000-0000-0000-000000000000.visit"), "id = x\n");
        up.set(true);
        readyReported.set(true);

        recorder.replay();

        assertThat(rows()).isEqualTo(1);
        assertThat(Files.exists(spool.folder().resolve("00000000-0000-0000-0000-000000000000.visit.rejected"))).isTrue();
    }
}
