package org.callscore.testing.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.callscore.storage.internal.MigrationFiles;
import org.jdbi.v3.core.Jdbi;

/**
 * The real MariaDB the unit tests use: the database named by the system property {@code callscore.test.db.url}
 * ({@code callscore_unit}, made by {@code ./callscore test}), where tests create and drop tables as they please.
 */
public final class UnitDatabase {

    private UnitDatabase() {
    }

    public static Jdbi jdbi() {
        return Jdbi.create(System.getProperty("callscore.test.db.url", "jdbc:mariadb://127.0.0.1:3306/callscore_unit"),
                System.getProperty("callscore.test.db.user", "root"), System.getProperty("callscore.test.db.password", ""));
    }

    /**
     * Drops the tables, then runs a module's migration files in version order, split into statements by the
     * storage bundle's own migration code (statements end with a semicolon at the end of a line; lines starting
     * with {@code --} are comments).
     *
     * @param migrations the module's {@code db/migration} folder, e.g. {@code ../survey/src/main/resources/db/migration}
     * @param tables     the tables to drop first, children before parents
     */
    public static void recreate(Jdbi jdbi, Path migrations, String... tables) {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> listing = Files.list(migrations)) {
            listing.filter(f -> f.getFileName().toString().endsWith(".sql"))
                    .forEach(f -> files.put(f.getFileName().toString(), read(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbi.useHandle(h -> {
            for (String table : tables) {
                h.execute("DROP TABLE IF EXISTS " + table);
            }
        });
        MigrationFiles.statements(files).forEach(statements -> execute(jdbi, statements));
    }

    /** Runs a SQL file that is not a migration (e.g. the shipped Asterisk tables), split as migrations are. */
    public static void run(Jdbi jdbi, Path sqlFile) {
        MigrationFiles.statements(Map.of("V1__script.sql", read(sqlFile))).forEach(statements -> execute(jdbi, statements));
    }

    private static void execute(Jdbi jdbi, List<String> statements) {
        jdbi.useHandle(h -> statements.forEach(h::execute));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
