package org.callscore.callback;

import java.util.Objects;

/**
 * Whose callbacks a calendar feed shows: one agent's, or every callback of one queue.
 *
 * @param kind whether {@code name} is an agent or a queue
 * @param name the agent's name (queue_log's agent column) or the queue's
 */
public record FeedOwner(Kind kind, String name) {

    public enum Kind { AGENT, QUEUE }

    public FeedOwner {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
