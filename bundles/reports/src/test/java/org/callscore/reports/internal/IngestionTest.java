package org.callscore.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.callscore.reports.ReportGroup;
import org.callscore.reports.ReportQuery;
import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against the real MariaDB named by callscore.test.db.url (callscore_unit): the reports tables from the module's
 * migration, and a queue_log table of its own filled with {@link QueueLogFixture}.
 */
class IngestionTest {

    private static final String TABLE = "reports_test_queue_log";
    private final Jdbi jdbi = UnitDatabase.jdbi();
    private final List<QueueLogRow> rows = QueueLogFixture.rows();

    @BeforeEach
    void createTables() {
        ReportsSchema.recreate(jdbi, TABLE);
    }

    private void insert(List<QueueLogRow> part) {
        jdbi.useHandle(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO " + TABLE + " (id, time, callid, queuename, agent, event, "
                    + "data1, data2, data3, data4, data5) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            for (QueueLogRow r : part) {
                batch.add(r.id(), LocalDateTime.ofInstant(r.time(), ZoneOffset.UTC), r.callid(), r.queue(), r.agent(),
                        r.event(), r.data1(), r.data2(), r.data3(), r.data4(), r.data5());
            }
            batch.execute();
        });
    }

    /** The hourly totals and their row count; the daily sums must hold the same totals. */
    private String sums() {
        String hourly = totals("reports_hourly");
        assertThat(totals("reports_daily")).as("daily sums = hourly sums").isEqualTo(hourly);
        int rows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reports_hourly").mapTo(Integer.class).one());
        return hourly + " " + rows;
    }

    private String totals(String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT SUM(offered), SUM(answered), SUM(answered_in_sl), "
                + "SUM(abandoned), SUM(short_abandoned), SUM(wait_sum), SUM(talk_sum), SUM(ring_no_answer), "
                + "SUM(fcr_eligible), SUM(repeated), MAX(wait_max) FROM " + table).map((rs, ctx) -> {
                    StringBuilder s = new StringBuilder();
                    for (int i = 1; i <= 11; i++) {
                        s.append(rs.getLong(i)).append(' ');
                    }
                    return s.toString().trim();
                }).one());
    }

    @Test
    void incrementalIdempotentAndRebuilt() {
        // small batches, so that calls span batches too
        Ingestion ingestion = new Ingestion(jdbi, TABLE, QueueLogFixture.SETTINGS, 7);
        insert(rows.subList(0, 30)); // up to C8's ENTERQUEUE and CONNECT
        assertThat(ingestion.run()).isEqualTo(30);
        // C1..C7 ended: 7 offered, 3 answered (C1, C2, C7), 2 in SL (C1, C7), 1 abandoned, 1 short
        assertThat(sums()).startsWith("7 3 2 1 1 ");
        assertThat(ingestion.run()).isZero();
        insert(rows.subList(30, rows.size()));
        assertThat(ingestion.run()).isEqualTo(rows.size() - 30);
        // as MetricsTest: 11 offered, 6 answered, 4 in SL, waits 209, talk 520, RNA 2, 5 eligible, 1 repeated
        String complete = sums();
        assertThat(complete).startsWith("11 6 4 1 1 209 520 2 5 1 ");
        // a new instance (Karaf restarted) goes on from the stored id and open calls: nothing counted twice
        Ingestion restarted = new Ingestion(jdbi, TABLE, QueueLogFixture.SETTINGS, 7);
        assertThat(restarted.run()).isZero();
        assertThat(restarted.openCalls()).isEqualTo(1); // C12
        assertThat(sums()).isEqualTo(complete);
        double[] progress = {0};
        assertThat(restarted.rebuild(share -> progress[0] = share)).isEqualTo(rows.size());
        assertThat(progress[0]).isEqualTo(1.0);
        assertThat(sums()).isEqualTo(complete);
        int repeated = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reports_call WHERE repeated")
                .mapTo(Integer.class).one());
        assertThat(repeated).isEqualTo(1);
        assertThat(restarted.storedSettings()).isEqualTo(QueueLogFixture.SETTINGS.aggregationKey());

        // the same days read from the daily sums (site zone) and from the hourly ones (by hour): as MetricsTest
        ReportReader reader = new ReportReader(jdbi, QueueLogFixture.SETTINGS, java.util.Optional.empty(), false);
        java.util.function.Function<ReportGroup, java.util.List<Long>> offered = by -> reader.report(new ReportQuery(
                java.time.LocalDate.parse("2026-03-28"), java.time.LocalDate.parse("2026-03-30"), QueueLogFixture.BERLIN,
                java.util.Optional.empty(), java.util.Optional.empty(), by)).stream()
                .map(row -> row.summary().offered()).toList();
        assertThat(offered.apply(ReportGroup.DAY)).containsExactly(8L, 3L);
        assertThat(offered.apply(ReportGroup.HOUR).stream().mapToLong(Long::longValue).sum()).isEqualTo(11);
    }

    @Test
    void aQueueLogFileIsCopiedAsItGrows(@org.junit.jupiter.api.io.TempDir Path folder) throws IOException {
        Path file = folder.resolve("queue_log");
        Files.writeString(file, "1774688400|c1|sales|NONE|ENTERQUEUE||0611|1\n1774688410|c1|sales|Alice|CONNECT|10|a1|2\n"
                + "1774688510|c1|sales|Alice|COMPL");
        QueueLogFile log = new QueueLogFile(jdbi, file, ZoneOffset.UTC);
        assertThat(log.follow()).isEqualTo(2); // the incomplete last line waits
        Files.writeString(file, "ETECALLER|10|100|1\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(log.follow()).isEqualTo(1);
        assertThat(log.follow()).isZero();
        Ingestion ingestion = new Ingestion(jdbi, QueueLogFile.TABLE, QueueLogFixture.SETTINGS, 100);
        assertThat(ingestion.run()).isEqualTo(3);
        assertThat(sums()).startsWith("1 1 1 0 0 10 100 ");
    }
}
