package org.callscore.support.rules;

import java.util.regex.Pattern;

/**
 * The format Asterisk records a call in ({@code wav}, {@code gsm}, {@code ulaw}...): MixMonitor's file extension,
 * and the last part of a recording's file name.
 */
public final class RecordingFormat {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9]{1,8}");

    private RecordingFormat() {
    }

    /** @return whether {@code format} is such a name (lower case) */
    public static boolean isValid(String format) {
        return format != null && FORMAT.matcher(format).matches();
    }
}
