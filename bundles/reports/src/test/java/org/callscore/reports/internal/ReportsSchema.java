package org.callscore.reports.internal;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The reports module's tables, made anew from its migrations, and a queue_log table of the test's own. */
final class ReportsSchema {

    private ReportsSchema() {
    }

    /** The module's migration files as built (target/classes), wherever the test or the benchmark runs from. */
    private static Path migrations() {
        try {
            return Path.of(ReportsSchema.class.getResource("/db/migration").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void recreate(Jdbi jdbi, String queueLogTable) {
        UnitDatabase.recreate(jdbi, migrations(), "reports_state", "reports_gap", "reports_set_aside",
                "reports_file_log", "reports_call", "reports_hourly", "reports_daily", queueLogTable);
        createQueueLog(jdbi, queueLogTable);
    }

    /** Writes rows into a queue_log table as Asterisk does (times in UTC, as {@link QueueLogFixture#SETTINGS}). */
    static void insert(Jdbi jdbi, String queueLogTable, List<QueueLogRow> rows) {
        jdbi.useTransaction(h -> { // one commit: with autocommit each of 20,000 rows waited for its own log flush
            PreparedBatch batch = h.prepareBatch("INSERT INTO " + queueLogTable + " (id, time, callid, queuename, agent, "
                    + "event, data1, data2, data3, data4, data5) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            for (QueueLogRow r : rows) {
                batch.add(r.id(), LocalDateTime.ofInstant(r.time(), ZoneOffset.UTC), r.callid(), r.queue(), r.agent(),
                        r.event(), r.data1(), r.data2(), r.data3(), r.data4(), r.data5());
            }
            batch.execute();
        });
    }

    /** Asterisk's queue_log table as docs/asterisk.md creates it. */
    static void createQueueLog(Jdbi jdbi, String queueLogTable) {
        jdbi.useHandle(h -> h.execute("CREATE TABLE " + queueLogTable + " (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT "
                + "PRIMARY KEY, time DATETIME(6) NULL, callid VARCHAR(80) NULL, queuename VARCHAR(256) NULL, agent "
                + "VARCHAR(80) NULL, event VARCHAR(32) NULL, data1 VARCHAR(100) NULL, data2 VARCHAR(100) NULL, data3 "
                + "VARCHAR(100) NULL, data4 VARCHAR(100) NULL, data5 VARCHAR(100) NULL, KEY (callid), KEY (time))"));
    }
}
