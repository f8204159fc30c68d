package org.callscore.support.rules;

import java.util.regex.Pattern;

/**
 * The name of one of Asterisk's tables (queue_log, cdr) an administrator sets: written into SQL, where a name
 * cannot be a bound parameter, so only what MariaDB reads as a plain unquoted name is taken.
 */
public final class TableName {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private TableName() {
    }

    /**
     * @param setting the setting it came from, for the error
     * @return {@code name} without surrounding white space
     * @throws IllegalArgumentException when it is not a plain table name
     */
    public static String of(String setting, String name) {
        String stripped = name == null ? "" : name.strip();
        // MariaDB reads a name of digits alone as a number
        if (!NAME.matcher(stripped).matches() || DIGITS.matcher(stripped).matches()) {
            throw new IllegalArgumentException(setting + ": '" + name
                    + "' is not a table name (up to 64 letters, digits and _, not digits alone)");
        }
        return stripped;
    }
}
