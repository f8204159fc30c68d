package org.callscore.storage.internal;

import java.util.List;
import java.util.Map;

/**
 * The storage bundle's own reading of migration files ({@link Migration}: names, version order, statements),
 * for the unit tests' database, so that tests split files exactly as the migration runner does. It sits in the
 * storage bundle's private package (on the unit tests' class path only) so that the splitter stays private to
 * storage until it moves to the support library.
 */
public final class MigrationFiles {

    private MigrationFiles() {
    }

    /**
     * @param files file name (without folder) to content, named {@code V<version>__<description>.sql}
     * @return each file's statements, in version order
     */
    public static List<List<String>> statements(Map<String, String> files) {
        return Migration.of(files).stream().map(Migration::statements).toList();
    }
}
