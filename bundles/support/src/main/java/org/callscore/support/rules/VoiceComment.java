package org.callscore.support.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file a caller's voice comment is recorded into, {@code callscore-comment-RESPONSE.FORMAT}: named by the
 * survey application, named again by the recording application and recognised by the recording index
 * (docs/dialplan-contract.md).
 */
public final class VoiceComment {

    private static final String PREFIX = "callscore-comment-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "([^/]+)\\.([^./]+)");

    private VoiceComment() {
    }

    /** @return the name without its format, as Asterisk's {@code RECORD FILE} takes it */
    public static String baseName(String responseId) {
        return PREFIX + responseId;
    }

    public static String fileName(String responseId, String format) {
        return baseName(responseId) + "." + format;
    }

    /** @return whether {@code name} (no folder) is a voice comment's: a response id and a recording format */
    public static boolean isFileName(String name) {
        Matcher m = NAME.matcher(name);
        return m.matches() && Uuid.isValid(m.group(1)) && RecordingFormat.isValid(m.group(2));
    }
}
