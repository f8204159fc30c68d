package org.callscore.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs against the real MariaDB named by callscore.test.db.url (the test script creates it). */
class MigrationRunnerTest {

    private static final String MODULE = "migration_test";

    private final Jdbi jdbi = Jdbi.create(System.getProperty("callscore.test.db.url",
            "jdbc:mariadb://127.0.0.1:3306/callscore_test"), System.getProperty("callscore.test.db.user", "root"),
            System.getProperty("callscore.test.db.password", ""));
    private final MigrationRunner runner = new MigrationRunner(jdbi);

    @BeforeEach
    void clean() {
        jdbi.useHandle(h -> {
            h.execute("DROP TABLE IF EXISTS migration_test_call");
            h.execute("CREATE TABLE IF NOT EXISTS callscore_schema_history (module VARCHAR(64) NOT NULL, "
                    + "version INT NOT NULL, description VARCHAR(200) NOT NULL, checksum CHAR(64) NOT NULL, "
                    + "installed_on TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), execution_ms BIGINT NOT NULL, "
                    + "PRIMARY KEY (module, version))");
            h.execute("DELETE FROM callscore_schema_history WHERE module = ?", MODULE);
        });
    }

    /** The highest version the history table records for the module, 0 when none. */
    private int appliedVersion() {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT COALESCE(MAX(version), 0) FROM callscore_schema_history WHERE module = :m")
                .bind("m", MODULE).mapTo(Integer.class).one());
    }

    private static List<Migration> v1AndV2() {
        return Migration.of(Map.of(
                "V1__create_call.sql", "CREATE TABLE migration_test_call (id BIGINT PRIMARY KEY);",
                "V2__add_queue.sql", "ALTER TABLE migration_test_call ADD COLUMN queue VARCHAR(80);\n"
                        + "INSERT INTO migration_test_call (id, queue) VALUES (1, 'sales');"));
    }

    @Test
    void appliesEachFileOnceAndRecordsIt() {
        assertThat(runner.migrate(MODULE, v1AndV2())).isEqualTo(2);
        assertThat(runner.migrate(MODULE, v1AndV2())).isEqualTo(2); // second run applies nothing

        int rows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM migration_test_call")
                .mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(1);
        assertThat(appliedVersion()).isEqualTo(2);
    }

    @Test
    void appliesOnlyWhatIsNew() {
        runner.migrate(MODULE, v1AndV2().subList(0, 1));
        assertThat(appliedVersion()).isEqualTo(1);

        runner.migrate(MODULE, v1AndV2());

        String queue = jdbi.withHandle(h -> h.createQuery("SELECT queue FROM migration_test_call WHERE id = 1")
                .mapTo(String.class).one());
        assertThat(queue).isEqualTo("sales");
    }

    @Test
    void aMigrationStoppedMidwayIsFinishedByTheNextAttempt() {
        runner.migrate(MODULE, v1AndV2().subList(0, 1));
        // V2's first statement went through, then the database went away before its second and its history row
        jdbi.useHandle(h -> h.execute("ALTER TABLE migration_test_call ADD COLUMN queue VARCHAR(80)"));

        assertThat(runner.migrate(MODULE, v1AndV2())).isEqualTo(2);

        assertThat(appliedVersion()).isEqualTo(2);
        String queue = jdbi.withHandle(h -> h.createQuery("SELECT queue FROM migration_test_call WHERE id = 1")
                .mapTo(String.class).one());
        assertThat(queue).isEqualTo("sales");
    }

    @Test
    void aStatementThatFailsForAnyOtherReasonStopsTheModule() {
        var broken = Migration.of(Map.of("V1__create_call.sql", "CREATE TABLE migration_test_call (id BIGINT PRIMARY "
                + "KEY);\nINSERT INTO migration_test_call (id, nosuchcolumn) VALUES (1, 2);"));

        assertThatThrownBy(() -> runner.migrate(MODULE, broken)).isInstanceOf(MigrationException.class)
                .hasMessageContaining("migration V1 of module " + MODULE + " failed");
        assertThat(appliedVersion()).isZero();
    }

    @Test
    void refusesAnAppliedFileThatChanged() {
        runner.migrate(MODULE, v1AndV2().subList(0, 1));
        var changed = Migration.of(Map.of("V1__create_call.sql",
                "CREATE TABLE migration_test_call (id BIGINT PRIMARY KEY, extra INT);"));

        assertThatThrownBy(() -> runner.migrate(MODULE, changed))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V1 of module " + MODULE + " was changed");
    }

    @Test
    void aFailingFileIsNamedAndNotRecorded() {
        var broken = Migration.of(Map.of(
                "V1__create_call.sql", "CREATE TABLE migration_test_call (id BIGINT PRIMARY KEY);",
                "V2__broken.sql", "ALTER TABLE no_such_table ADD COLUMN x INT;"));

        assertThatThrownBy(() -> runner.migrate(MODULE, broken))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V2 of module " + MODULE + " failed")
                .hasMessageContaining("no_such_table");
        assertThat(appliedVersion()).isEqualTo(1);
    }
}
