package org.callscore.storage.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.callscore.support.text.TextVersion;

/** One versioned SQL file of a module, e.g. {@code V2__add_agent_index.sql}. */
record Migration(int version, String description, String sql) {

    private static final Pattern FILE_NAME = Pattern.compile("V([0-9]{1,9})__([A-Za-z0-9_]+)\\.sql");
    /** A statement ends with a semicolon at the end of a line, which is how migration files are written. */
    private static final Pattern STATEMENT_END = Pattern.compile(";[ \\t]*(\\r?\\n|$)");

    /**
     * @param files file name (without folder) to content
     * @return the migrations in version order
     * @throws IllegalArgumentException naming the file that is misnamed or repeats a version
     */
    static List<Migration> of(Map<String, String> files) {
        List<Migration> migrations = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Matcher name = FILE_NAME.matcher(file.getKey());
            if (!name.matches()) {
                throw new IllegalArgumentException("migration file " + file.getKey()
                        + " is not named V<version>__<description>.sql");
            }
            migrations.add(new Migration(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '),
                    file.getValue()));
        }
        migrations.sort(Comparator.comparingInt(Migration::version));
        for (int i = 1; i < migrations.size(); i++) {
            if (migrations.get(i).version() == migrations.get(i - 1).version()) {
                throw new IllegalArgumentException("two migration files have version " + migrations.get(i).version());
            }
        }
        return List.copyOf(migrations);
    }

    /** @return the SQL statements, without comment-only lines */
    List<String> statements() {
        StringBuilder text = new StringBuilder();
        for (String line : sql.split("\\r?\\n")) {
            if (!line.trim().startsWith("--")) {
                text.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : STATEMENT_END.split(text)) {
            if (!statement.isBlank()) {
                statements.add(statement.trim());
            }
        }
        return statements;
    }

    String checksum() {
        return TextVersion.of(sql);
    }
}
