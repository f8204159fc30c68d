package org.callscore.agi;

import java.util.regex.Pattern;

/**
 * The sound names CallScore's definition files may give to Asterisk: relative to Asterisk's sounds folder, no
 * extension, nothing that could leave the folder or break an AGI command line.
 */
public final class SoundNames {

    /** What a valid name looks like, for error messages. */
    public static final String RULE = "letters, digits, '-', '_', folders separated by '/', no extension";

    /** The names allowed, for parsers that match several patterns in turn. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");

    private SoundNames() {
    }

    /** @return whether Asterisk may be asked to play {@code name} */
    public static boolean isValid(String name) {
        return name != null && PATTERN.matcher(name).matches();
    }
}
