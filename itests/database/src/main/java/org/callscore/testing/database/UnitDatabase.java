package org.callscore.testing.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jdbi.v3.core.Jdbi;

/**
 * The real MariaDB the unit tests use: the database named by the system property {@code callscore.test.db.url}
 * ({@code callscore_unit}, made by {@code ./callscore test}), where tests create and drop tables as they please.
 */
public final class UnitDatabase {

    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    private UnitDatabase() {
    }

    public static Jdbi jdbi() {
        return Jdbi.create(System.getProperty("callscore.test.db.url", "jdbc:mariadb://127.0.0.1:3306/callscore_unit"),
                System.getProperty("callscore.test.db.user", "root"), System.getProperty("callscore.test.db.password", ""));
    }

    /**
     * Drops the tables, then runs a module's migration files in version order, as the storage bundle does
     * (statements end with a semicolon at the end of a line; lines starting with {@code --} are comments).
     *
     * @param migrations the module's {@code db/migration} folder, e.g. {@code ../survey/src/main/resources/db/migration}
     * @param tables     the tables to drop first, children before parents
     */
    public static void recreate(Jdbi jdbi, Path migrations, String... tables) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(migrations)) {
            files = listing.filter(f -> VERSION.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(UnitDatabase::version)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbi.useHandle(h -> {
            for (String table : tables) {
                h.execute("DROP TABLE IF EXISTS " + table);
            }
            for (Path file : files) {
                for (String statement : read(file).split(";\\s*\\n")) {
                    if (!statement.replaceAll("(?m)^--.*$", "").isBlank()) {
                        h.execute(statement);
                    }
                }
            }
        });
    }

    private static int version(Path file) {
        Matcher matcher = VERSION.matcher(file.getFileName().toString());
        matcher.matches();
        return Integer.parseInt(matcher.group(1));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
