package org.callscore.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.callscore.storage.BackgroundTask;
import org.callscore.testing.components.ComponentConfig;
import org.callscore.testing.components.Eventually;
import org.callscore.testing.components.TestBundleContext;
import org.callscore.testing.database.BrokenDatabase;
import org.callscore.testing.database.SwitchableDatabase;
import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The reports-ingestion task, driven as Declarative Services drives the component, against the unit tests'
 * MariaDB: an Error out of the Database service fails an ingestion, and the next one reads the queue_log rows
 * written meanwhile once the cause is gone.
 */
class ServiceReportsComponentRecoveryTest {

    private static final String TABLE = "reports_recovery_queue_log";
    private final Jdbi jdbi = UnitDatabase.jdbi();

    private void insert(List<QueueLogRow> rows) {
        ReportsSchema.insert(jdbi, TABLE, rows);
    }

    @Test
    void anErrorOutOfTheDatabaseDoesNotStopTheIngestion() {
        ReportsSchema.recreate(jdbi, TABLE);
        BrokenDatabase database = new BrokenDatabase(new SwitchableDatabase(jdbi));
        TestBundleContext bundle = new TestBundleContext();
        ServiceReportsComponent reports = new ServiceReportsComponent(database, () -> ZoneId.of("Europe/Berlin"),
                ComponentConfig.of(ServiceReportsComponent.Config.class, Map.of("queue__log_table", TABLE,
                        "ingest_interval_seconds", 1, "pbx_zone", "UTC")), bundle.context());
        try {
            database.breakWith(new NoClassDefFoundError("injected: storage bundle updated"));
            BackgroundTask task = bundle.task("reports-ingestion");
            List<QueueLogRow> rows = QueueLogFixture.rows();
            insert(rows);
            Eventually.until("a failed ingestion", () -> task.status().failures() > 0);
            assertThat(task.status().lastCause()).get().asString().contains("injected: storage bundle updated");

            database.repair();
            long last = rows.get(rows.size() - 1).id();
            Eventually.until("queue_log ingested", () -> reports.status().lastId() == last);
            int calls = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reports_call").mapTo(Integer.class)
                    .one());
            assertThat(calls).as("the fixture's calls, in reports_call").isGreaterThanOrEqualTo(11);
        } finally {
            reports.deactivate();
        }
        assertThat(bundle.hasServices()).isFalse();
    }

    @Test
    void aRebuildStoppedWhileItEmptiedTheTablesIsDoneAgain() {
        ReportsSchema.recreate(jdbi, TABLE);
        List<QueueLogRow> rows = QueueLogFixture.rows();
        insert(rows);
        TestBundleContext bundle = new TestBundleContext();
        ServiceReportsComponent reports = new ServiceReportsComponent(new SwitchableDatabase(jdbi),
                () -> ZoneId.of("Europe/Berlin"), ComponentConfig.of(ServiceReportsComponent.Config.class, Map.of(
                        "queue__log_table", TABLE, "ingest_interval_seconds", 1, "pbx_zone", "UTC")),
                bundle.context());
        try {
            long last = rows.get(rows.size() - 1).id();
            Eventually.until("queue_log ingested", () -> reports.status().lastId() == last);
            String daily = dailySums();
            assertThat(daily).as("the fixture's daily sums").doesNotStartWith("0 ");
            // the tables as a rebuild stopped after emptying the daily sums leaves them (in an order that makes no
            // difference to the ingestion running meanwhile)
            jdbi.useHandle(h -> {
                h.execute("TRUNCATE TABLE reports_daily");
                h.execute("UPDATE reports_state SET settings = ?", Ingestion.REBUILDING);
            });
            Eventually.until("the sums rebuilt", () -> daily.equals(dailySums()));
            String settings = jdbi.withHandle(h -> h.createQuery("SELECT settings FROM reports_state")
                    .mapTo(String.class).one());
            assertThat(settings).isNotEqualTo(Ingestion.REBUILDING);
        } finally {
            reports.deactivate();
        }
    }

    private String dailySums() {
        return jdbi.withHandle(h -> h.createQuery("SELECT CONCAT(COUNT(*), ' ', COALESCE(SUM(offered), 0), ' ', "
                + "COALESCE(SUM(answered), 0), ' ', COALESCE(SUM(talk_sum), 0)) FROM reports_daily")
                .mapTo(String.class).one());
    }
}
