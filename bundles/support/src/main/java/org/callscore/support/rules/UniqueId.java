package org.callscore.support.rules;

import java.util.regex.Pattern;

/**
 * A channel's uniqueid or linkedid as Asterisk makes them: {@code 1700000000.42}, or with the {@code systemname}
 * of asterisk.conf before it ({@code pbx1-1700000000.42}). At most 64 characters, the width of the columns.
 */
public final class UniqueId {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private UniqueId() {
    }

    /** @return whether {@code id} is one Asterisk makes */
    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
