package org.callscore.support.definition;

import java.util.regex.Pattern;

/**
 * The sound names CallScore's definition files may give to Asterisk: relative to Asterisk's sounds folder, no
 * extension, nothing that could leave the folder or break an AGI command line.
 */
public final class SoundNames {

    /** The longest name allowed: Asterisk's own limit on a file name. */
    public static final int MAX_LENGTH = 255;

    /** What a valid name looks like, for error messages. */
    public static final String RULE = "letters, digits, '-', '_', folders separated by '/', no extension, at most "
            + MAX_LENGTH + " characters";

    /**
     * The names allowed, for parsers that match several patterns in turn. Written without a repeated group:
     * Java matches {@code (/x+)*} by recursion, so a long name of many folders overflowed the stack.
     */
    public static final Pattern PATTERN = Pattern.compile("(?!/)(?!.*//)[A-Za-z0-9_/-]{1," + MAX_LENGTH + "}(?<!/)");

    private SoundNames() {
    }

    /** @return whether Asterisk may be asked to play {@code name} */
    public static boolean isValid(String name) {
        return name != null && PATTERN.matcher(name).matches();
    }
}
