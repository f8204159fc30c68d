package org.callscore.support.rules;

import java.util.regex.Pattern;

/**
 * The name of something an administrator defines in a file: a survey or menu file (its file name), a menu of a
 * menu file, a question's id. Safe as a file name, in a URL parameter and in a log line.
 */
public final class DefinitionName {

    /** How the rule reads in an error message. */
    public static final String RULE = "lower-case letters, digits, '-' and '_'";
    public static final int MAX_LENGTH = 64;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0," + (MAX_LENGTH - 1) + "}");

    private DefinitionName() {
    }

    /** @return whether {@code name} is a valid name */
    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
