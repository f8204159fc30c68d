package org.callscore.support.rules;

import java.util.regex.Pattern;

/**
 * The format Asterisk records a call in ({@code wav}, {@code gsm}, {@code ulaw}...): MixMonitor's file extension,
 * and the last part of a recording's file name.
 */
public final class RecordingFormat {

    /** The rule as a regular expression, for a file name that ends with a format. */
    public static final String REGEX = "[a-z0-9]{1,8}";

    private static final Pattern FORMAT = Pattern.compile(REGEX);

    private RecordingFormat() {
    }

    /** @return whether {@code format} is such a name (lower case) */
    public static boolean isValid(String format) {
        return format != null && FORMAT.matcher(format).matches();
    }
}
