package org.callscore.reports.internal;

import java.nio.file.Path;

import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Jdbi;

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

    /** Asterisk's queue_log table as docs/asterisk.md creates it. */
    static void createQueueLog(Jdbi jdbi, String queueLogTable) {
        jdbi.useHandle(h -> h.execute("CREATE TABLE " + queueLogTable + " (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT "
                + "PRIMARY KEY, time DATETIME(6) NULL, callid VARCHAR(80) NULL, queuename VARCHAR(256) NULL, agent "
                + "VARCHAR(80) NULL, event VARCHAR(32) NULL, data1 VARCHAR(100) NULL, data2 VARCHAR(100) NULL, data3 "
                + "VARCHAR(100) NULL, data4 VARCHAR(100) NULL, data5 VARCHAR(100) NULL, KEY (callid), KEY (time))"));
    }
}
