package org.callscore.reports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jdbi.v3.core.Jdbi;

/** The reports module's tables, made anew from its migrations, and a queue_log table of the test's own. */
final class ReportsSchema {

    static final List<String> MIGRATIONS = List.of("V1__create_reports_tables.sql", "V2__create_reports_daily.sql");
    private static final List<String> TABLES = List.of("reports_state", "reports_file_log", "reports_call",
            "reports_hourly", "reports_daily");

    private ReportsSchema() {
    }

    static void recreate(Jdbi jdbi, String queueLogTable) {
        jdbi.useHandle(h -> {
            for (String table : TABLES) {
                h.execute("DROP TABLE IF EXISTS " + table);
            }
            h.execute("DROP TABLE IF EXISTS " + queueLogTable);
            for (String migration : MIGRATIONS) {
                for (String statement : read(migration).split(";\\s*\\n")) {
                    if (!statement.replaceAll("(?m)^--.*$", "").isBlank()) {
                        h.execute(statement);
                    }
                }
            }
            h.execute("CREATE TABLE " + queueLogTable + " (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                    + "time DATETIME(6) NULL, callid VARCHAR(80) NULL, queuename VARCHAR(256) NULL, agent VARCHAR(80) "
                    + "NULL, event VARCHAR(32) NULL, data1 VARCHAR(100) NULL, data2 VARCHAR(100) NULL, data3 "
                    + "VARCHAR(100) NULL, data4 VARCHAR(100) NULL, data5 VARCHAR(100) NULL, KEY (callid), KEY (time))");
        });
    }

    private static String read(String migration) {
        try (InputStream in = ReportsSchema.class.getResourceAsStream("/db/migration/" + migration)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
