package org.callscore.callback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.callscore.callback.CallbackRequest;
import org.callscore.callback.CallbackSource;
import org.callscore.callback.CallbackState;
import org.callscore.storage.BackgroundTask;
import org.callscore.testing.components.ComponentConfig;
import org.callscore.testing.components.Eventually;
import org.callscore.testing.components.ScriptedManager;
import org.callscore.testing.components.References;
import org.callscore.testing.components.TestBundleContext;
import org.callscore.testing.database.BrokenDatabase;
import org.callscore.testing.database.SwitchableDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The callback module's background tasks, driven as Declarative Services drives the components, against the unit
 * tests' MariaDB: an Error out of the Database service fails a run, and a later run does the work once it is gone.
 */
class ComponentsRecoveryTest {

    @TempDir
    Path data;

    private static CallbackRequest request() {
        return new CallbackRequest("sales", "0612345678", Optional.empty(), Optional.empty(), "", CallbackSource.PHONE,
                Optional.empty(), Optional.empty(), Optional.empty(), "phone");
    }

    @Test
    void anErrorOutOfTheDatabaseDoesNotStopTheRequestReplay() {
        Fixtures.freshTables();
        SwitchableDatabase mariadb = new SwitchableDatabase(Fixtures.MARIADB);
        BrokenDatabase database = new BrokenDatabase(mariadb);
        TestBundleContext bundle = new TestBundleContext();
        CallbacksComponent callbacks = References.set(new CallbacksComponent(), "database", database);
        mariadb.goDown();

        callbacks.activate(bundle.context(), ComponentConfig.of(CallbackConfig.class,
                Map.of("spool_folder", data.resolve("requests").toString(), "replay_interval_seconds", 1)), Map.of());
        try {
            BackgroundTask task = bundle.task("callback-request-replay");
            String id = callbacks.request(request());
            assertThat(callbacks.pending()).as("spooled while MariaDB is down").isEqualTo(1);

            database.replayFailsThenRecovers(task, mariadb, callbacks::pending);

            assertThat(callbacks.byId(id)).isPresent();
            assertThat(Fixtures.count("SELECT COUNT(*) FROM callback")).isEqualTo(1);
        } finally {
            callbacks.deactivate();
        }
        assertThat(bundle.hasServices()).isFalse();
    }

    @Test
    void anErrorOutOfTheDatabaseDoesNotStopTheDialler() {
        Fixtures.freshTables();
        BrokenDatabase database = new BrokenDatabase(new SwitchableDatabase(Fixtures.MARIADB));
        ScriptedManager pbx = new ScriptedManager("pbx1");
        pbx.members("sales", ScriptedManager.free("sales", "PJSIP/agent1", "Agent One"));
        TestBundleContext bundle = new TestBundleContext();
        DialerComponent dialler = References.set(new DialerComponent(), "database", database);
        dialler.bindManager(pbx);
        CallbacksComponent callbacks = References.set(new CallbacksComponent(), "database", database);
        callbacks.activate(bundle.context(), ComponentConfig.of(CallbackConfig.class,
                Map.of("spool_folder", data.resolve("requests").toString())), Map.of());

        dialler.activate(bundle.context(), ComponentConfig.of(CallbackConfig.class, Map.of("dial_interval_seconds", 1)),
                Map.of());
        try {
            BackgroundTask task = bundle.task("callback-dialler");
            database.breakUntilARunFails(task, () -> { });
            database.repair();
            String id = callbacks.request(request());

            Eventually.until("the callback is dialled", () -> !pbx.originates.isEmpty());
            assertThat(pbx.originates).singleElement().satisfies(o -> assertThat(o.variables())
                    .containsEntry("CALLSCORE_CALLBACK_ID", id));
            assertThat(callbacks.byId(id).orElseThrow().state()).isEqualTo(CallbackState.DIALLING);
        } finally {
            dialler.deactivate();
            callbacks.deactivate();
        }
        assertThat(bundle.hasServices()).isFalse();
    }
}
