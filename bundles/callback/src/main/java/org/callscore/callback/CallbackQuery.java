package org.callscore.callback;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which callbacks to list.
 *
 * @param queue   only this queue's
 * @param agent   only those assigned to this agent
 * @param states  only in these states; empty: every state
 * @param dueFrom only those due at or after this
 * @param dueTo   only those due before this
 * @param limit   at most this many, the soonest due first
 */
public record CallbackQuery(Optional<String> queue, Optional<String> agent, Set<CallbackState> states,
        Optional<Instant> dueFrom, Optional<Instant> dueTo, int limit) {

    public CallbackQuery {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(agent, "agent");
        states = Set.copyOf(states);
        Objects.requireNonNull(dueFrom, "dueFrom");
        Objects.requireNonNull(dueTo, "dueTo");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
    }
}
