package org.callscore.support.rules;

import java.util.regex.Pattern;

/**
 * The ids CallScore makes for what it keeps (a survey response, a callback, a notification attempt, a spooled
 * record): {@code java.util.UUID}'s lower-case text form. Checked wherever one comes back from a channel variable,
 * an AMI event, a file name or a form, before it reaches SQL or a path.
 */
public final class Uuid {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Uuid() {
    }

    /** @return whether {@code id} is one CallScore makes */
    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
