package org.callscore.storage.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a module's pending migrations, each once, recording them in {@code callscore_schema_history}.
 * A named lock keeps two CallScore instances sharing one database from applying the same file together.
 */
final class MigrationRunner {

    static final String HISTORY_TABLE = "callscore_schema_history";
    private static final int TABLE_EXISTS = 1050;
    private static final int DUPLICATE_COLUMN = 1060;
    private static final int DUPLICATE_KEY_NAME = 1061;
    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);
    private static final int LOCK_WAIT_SECONDS = 60;

    private final Jdbi jdbi;

    MigrationRunner(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * @return the version the module's tables are at afterwards
     * @throws MigrationException when a file fails or an applied file was changed; earlier files stay applied
     */
    int migrate(String module, List<Migration> migrations) {
        return jdbi.withHandle(handle -> {
            createHistoryTable(handle);
            String lock = "callscore_schema_" + module;
            Integer locked = handle.createQuery("SELECT GET_LOCK(:lock, :wait)")
                    .bind("lock", lock).bind("wait", LOCK_WAIT_SECONDS).mapTo(Integer.class).one();
            if (locked == null || locked != 1) {
                throw new MigrationException("another CallScore instance has been migrating module " + module
                        + " for over " + LOCK_WAIT_SECONDS + " s");
            }
            try {
                return applyPending(handle, module, migrations);
            } finally {
                handle.createQuery("SELECT RELEASE_LOCK(:lock)").bind("lock", lock).mapTo(Integer.class).one();
            }
        });
    }

    private int applyPending(Handle handle, String module, List<Migration> migrations) {
        Map<Integer, String> applied = applied(handle, module);
        int version = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (Migration migration : migrations) {
            String checksum = applied.get(migration.version());
            if (checksum != null) {
                if (!checksum.equals(migration.checksum())) {
                    throw new MigrationException("migration V" + migration.version() + " of module " + module
                            + " was changed after it was applied; restore the original file and add a new version");
                }
                continue;
            }
            long started = System.nanoTime();
            int number = 0;
            for (String statement : migration.statements()) {
                number++;
                try {
                    handle.execute(statement);
                } catch (RuntimeException e) {
                    if (!alreadyDone(e)) {
                        throw new MigrationException("migration V" + migration.version() + " of module " + module
                                + " failed: " + rootMessage(e), e);
                    }
                    LOG.warn("Module {}: statement {} of schema migration V{} was applied by an earlier attempt that "
                            + "stopped midway ({}); going on with the next", module, number, migration.version(),
                            rootMessage(e));
                }
            }
            handle.createUpdate("INSERT INTO " + HISTORY_TABLE
                    + " (module, version, description, checksum, execution_ms) VALUES (:m, :v, :d, :c, :ms)")
                    .bind("m", module).bind("v", migration.version()).bind("d", migration.description())
                    .bind("c", migration.checksum()).bind("ms", (System.nanoTime() - started) / 1_000_000)
                    .execute();
            version = Math.max(version, migration.version());
            LOG.info("Module {}: applied schema migration V{} ({})", module, migration.version(),
                    migration.description());
        }
        return version;
    }

    /**
     * MariaDB commits each DDL statement at once, so a migration stopped midway (the database lost, Karaf killed)
     * leaves its first tables behind without a history row, and its next attempt meets them. A table, column or
     * index that already exists is taken as that earlier attempt's work; any other failure stops the module.
     */
    private static boolean alreadyDone(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                int code = sql.getErrorCode();
                return code == TABLE_EXISTS || code == DUPLICATE_COLUMN || code == DUPLICATE_KEY_NAME;
            }
        }
        return false;
    }

    private static Map<Integer, String> applied(Handle handle, String module) {
        return handle.createQuery("SELECT version, checksum FROM " + HISTORY_TABLE + " WHERE module = :m")
                .bind("m", module)
                .map((rs, ctx) -> Map.entry(rs.getInt("version"), rs.getString("checksum")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static void createHistoryTable(Handle handle) {
        handle.execute("CREATE TABLE IF NOT EXISTS " + HISTORY_TABLE + " ("
                + " module VARCHAR(64) NOT NULL,"
                + " version INT NOT NULL,"
                + " description VARCHAR(200) NOT NULL,"
                + " checksum CHAR(64) NOT NULL,"
                + " installed_on TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),"
                + " execution_ms BIGINT NOT NULL,"
                + " PRIMARY KEY (module, version)"
                + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
