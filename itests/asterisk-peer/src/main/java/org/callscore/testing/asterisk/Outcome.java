package org.callscore.testing.asterisk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a simulated call went, as far as Asterisk could tell.
 *
 * @param uniqueId  the call's agi_uniqueid
 * @param agiStatus the AGISTATUS dialplan variable Asterisk would set: {@code "SUCCESS"},
 *                  {@code "FAILURE"} or {@code "HANGUP"}; only final once the session has ended
 * @param variables the channel variables: those preset plus those set by the server
 * @param commands  every command line received, in order (a FAILURE line is not a command)
 * @param replies   every reply written, in order; a multi-line reply (520, GOSUB) is one entry
 */
public record Outcome(String uniqueId, String agiStatus, Map<String, String> variables,
        List<String> commands, List<String> replies) {

    public Outcome {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        commands = List.copyOf(commands);
        replies = List.copyOf(replies);
    }

    /** The value of one channel variable, or null when it is not set. */
    public String variable(String name) {
        return variables.get(name);
    }
}
