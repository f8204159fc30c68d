package org.callscore.support.rules;

import java.nio.charset.StandardCharsets;

/**
 * A call queue's name, wherever CallScore meets one: a survey file's {@code queues}, a menu file's {@code agent}
 * and {@code queue:} actions, the {@code queue} of an AGI URL and Asterisk's QUEUENAME. It is what queues.conf
 * accepts as a section name, less what would break on the way: documented in docs/surveys.md.
 */
public final class QueueName {

    /** Asterisk keeps 79 bytes of a configuration section name (its name buffer is 80 bytes). */
    public static final int MAX_BYTES = 79;
    /**
     * {@code [ ]} delimit a section, {@code ;} starts a comment in queues.conf, {@code ,} separates the arguments
     * of Queue() and the names in a survey's list, {@code |} the fields of a queue_log file; quotes and backslash
     * would be read as quoting in the dialplan.
     */
    private static final String FORBIDDEN = "[],;|\"'`\\";

    private QueueName() {
    }

    /** @return whether {@code name} can be a queue's name */
    public static boolean isValid(String name) {
        if (name == null || name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES
                || name.equalsIgnoreCase("general")) { // [general] of queues.conf holds settings, not a queue
            return false;
        }
        // no spaces: Asterisk's CLI (queue show, queue add member) splits its arguments on them
        return name.codePoints().allMatch(c -> FORBIDDEN.indexOf(c) < 0 && !Character.isWhitespace(c)
                && !Character.isSpaceChar(c) && !Character.isISOControl(c)
                && Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.SURROGATE);
    }
}
