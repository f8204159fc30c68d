package org.callscore.ami;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A caller waiting in a queue, as Asterisk's QueueStatus reports it (a QueueEntry).
 *
 * @param queue        the queue
 * @param position     its place, 1 first
 * @param channel      its channel
 * @param uniqueId     its channel's uniqueid, when Asterisk gave it
 * @param waitingSince when it entered the queue (now minus its Wait)
 */
public record QueueCaller(String queue, int position, String channel, Optional<String> uniqueId,
        Instant waitingSince) {

    public QueueCaller {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(waitingSince, "waitingSince");
    }
}
