package org.callscore.ivr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.callscore.ivr.Action;
import org.callscore.storage.BackgroundTask;
import org.callscore.testing.components.ComponentConfig;
import org.callscore.testing.components.References;
import org.callscore.testing.components.TestBundleContext;
import org.callscore.testing.database.BrokenDatabase;
import org.callscore.testing.database.SwitchableDatabase;
import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ivr-visit-replay task, driven as Declarative Services drives the component, against the unit tests'
 * MariaDB: an Error out of the Database service fails a replay, and the next replay writes the spooled visit
 * once the cause is gone.
 */
class IvrVisitsComponentRecoveryTest {

    private static final Jdbi MARIADB = UnitDatabase.jdbi();

    @TempDir
    Path data;

    @Test
    void anErrorOutOfTheDatabaseDoesNotStopTheReplay() throws Exception {
        UnitDatabase.recreate(MARIADB, Path.of("src/main/resources/db/migration"), "ivr_visit");
        SwitchableDatabase mariadb = new SwitchableDatabase(MARIADB);
        BrokenDatabase database = new BrokenDatabase(mariadb);
        TestBundleContext bundle = new TestBundleContext();
        IvrVisitsComponent visits = References.set(new IvrVisitsComponent(), "database", database);
        mariadb.goDown();

        visits.activate(bundle.context(), ComponentConfig.of(IvrVisitsComponent.Config.class,
                Map.of("spool_folder", data.resolve("ivr-visits").toString(), "replay_interval_seconds", 1)));
        try {
            BackgroundTask task = bundle.task("ivr-visit-replay");
            visits.record(VisitRecorderTest.visit("1700000000.7", Optional.of(new Action(Action.Type.AGENT, "support"))));
            assertThat(visits.pending()).as("spooled while MariaDB is down").isEqualTo(1);

            database.replayFailsThenRecovers(task, mariadb, visits::pending);
            int rows = MARIADB.withHandle(h -> h.select("SELECT COUNT(*) FROM ivr_visit WHERE uniqueid = '1700000000.7'")
                    .mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(1);
        } finally {
            visits.deactivate();
        }
        assertThat(bundle.hasServices()).isFalse();
    }
}
