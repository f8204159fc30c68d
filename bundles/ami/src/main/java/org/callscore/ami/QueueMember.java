package org.callscore.ami;

import java.util.Objects;

/**
 * A queue member as Asterisk's QueueStatus reports it.
 *
 * @param queue     the queue
 * @param location  the member's interface, e.g. {@code PJSIP/agent1}
 * @param name      the member's name (queue_log's agent column)
 * @param available whether Asterisk would offer it a call now: logged in, not paused, device not in use,
 *                  ringing or unavailable
 * @param paused    whether the member is paused
 * @param inCall    whether the member is on a call now
 */
public record QueueMember(String queue, String location, String name, boolean available, boolean paused,
        boolean inCall) {

    public QueueMember {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(name, "name");
    }
}
