package org.callscore.ivr;

import java.time.Instant;
import java.util.Optional;

/**
 * One caller's passage through a menu tree, as stored in {@code ivr_visit}. The caller's number is not part
 * of it: the CDR of the same uniqueid has it.
 *
 * @param id             chosen when the visit starts (a UUID): writing it twice stores it once
 * @param tree           the menu file's name
 * @param version        SHA-256 of the menu file's text
 * @param uniqueId       the caller channel's uniqueid
 * @param linkedId       {@code CHANNEL(linkedid)}
 * @param entryMenu      the menu the caller entered first
 * @param exitMenu       the menu the caller was in when leaving (or hanging up)
 * @param path           the keys pressed, as {@code menu:key} steps separated by spaces ({@code t} for
 *                       silence), e.g. {@code main:1 sales:t sales:2}
 * @param keys           how many keys were pressed
 * @param exit           where the caller went; empty when the caller hung up in the IVR
 * @param status         how the visit ended: {@code selected}, {@code agent}, {@code retries-exhausted},
 *                       {@code closed}, {@code caller-hangup}
 * @param agentRequested whether the caller pressed the agent key
 * @param open           what the business hours said at the first menu with hours; empty when none was met
 * @param startedAt      when the call entered the IVR
 * @param endedAt        when it left
 */
public record IvrVisit(String id, String tree, String version, String uniqueId, Optional<String> linkedId,
        String entryMenu, String exitMenu, String path, int keys, Optional<Action> exit, String status,
        boolean agentRequested, Optional<Boolean> open, Instant startedAt, Instant endedAt) {

    /** The longest path stored; a longer one keeps its end, where the caller gave up or chose. */
    public static final int MAX_PATH = 2000;

    public IvrVisit {
        if (path.length() > MAX_PATH) {
            path = "..." + path.substring(path.length() - MAX_PATH + 3);
        }
    }

    public boolean callerHungUp() {
        return exit.isEmpty();
    }
}
