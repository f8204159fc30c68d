package org.callscore.notify;

import java.util.Objects;

/**
 * What the {@code notify} AGI application plays on an answered attempt.
 *
 * @param attemptId  the attempt
 * @param campaignId its campaign
 * @param message    what to play
 * @param keys       which keys work
 * @param machine    what to do on an answering machine
 */
public record AnsweredCall(String attemptId, String campaignId, NotificationMessage message, CampaignKeys keys,
        MachineHandling machine) {

    public AnsweredCall {
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(machine, "machine");
    }
}
