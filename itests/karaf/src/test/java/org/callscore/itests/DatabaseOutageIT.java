package org.callscore.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.callscore.storage.DatabaseStatus;
import org.callscore.testing.asterisk.Outcome;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * MariaDB unreachable when Karaf starts, then back, then gone and back again, through a proxy the test
 * controls: CallScore says so, keeps answering calls, migrates when it can, and recovers without a restart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DatabaseOutageIT extends DatabaseOutageTestSupport {

    private String pingDatabaseVariable(String uniqueId) {
        Outcome outcome = call("ping").uniqueId(uniqueId).connect().runToEnd(CALL);
        assertEquals("a database outage never fails the call", "SUCCESS", outcome.agiStatus());
        return outcome.variable("CALLSCORE_DATABASE");
    }

    @Test
    public void unreachableAtStartThenBackThenGoneThenBack() throws Exception {
        dropPingSchemaBehindTheProxy();
        eventually("ping registered", () -> server().applications().contains("ping"));
        eventually("the first health check ran", () -> !database().status().checkedAt().equals(java.time.Instant.EPOCH));

        DatabaseStatus down = database().status();
        assertFalse(down.reachable());
        assertTrue(down.problem(), !down.problem().isEmpty());
        assertEquals(-1, down.schema("ping").orElseThrow().appliedVersion());
        assertTrue(console("callscore:status").contains("Database           UNREACHABLE"));
        assertEquals("DOWN", pingDatabaseVariable("outage.1"));

        proxy.start();
        eventually("database back and ping's schema migrated", () -> database().isReady("ping"));
        assertEquals("UP", pingDatabaseVariable("outage.2"));

        proxy.stop();
        eventually("the outage is seen", () -> !database().status().reachable());
        assertEquals("DOWN", pingDatabaseVariable("outage.3"));
        assertTrue(console("callscore:status").contains("Database           UNREACHABLE"));

        proxy.start();
        eventually("recovered without a restart", () -> database().isReady("ping"));
        assertEquals("UP", pingDatabaseVariable("outage.4"));
        int recorded = database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM ping_log WHERE uniqueid IN ('outage.1','outage.2','outage.3','outage.4')")
                .mapTo(Integer.class).one());
        assertEquals("only the pings made while the database was up are recorded", 2, recorded);
    }

    /** So this test sees the migration happen when the database comes back, not find it done already. */
    private static void dropPingSchemaBehindTheProxy() {
        mariaDbDirect().useHandle(h -> {
            h.execute("DROP TABLE IF EXISTS ping_log");
            h.execute("CREATE TABLE IF NOT EXISTS callscore_schema_history (module VARCHAR(64) NOT NULL, "
                    + "version INT NOT NULL, description VARCHAR(200) NOT NULL, checksum CHAR(64) NOT NULL, "
                    + "installed_on TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), execution_ms BIGINT NOT NULL, "
                    + "PRIMARY KEY (module, version))");
            h.execute("DELETE FROM callscore_schema_history WHERE module = 'ping'");
        });
    }
}
