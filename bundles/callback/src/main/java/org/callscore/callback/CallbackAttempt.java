package org.callscore.callback;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt to place a callback.
 *
 * @param callbackId       the callback
 * @param number           1 for the first attempt
 * @param channelId        the channel id given to Asterisk for this attempt (Asterisk refuses to create it twice)
 * @param node             the CallScore node that claimed it
 * @param claimedAt        when it was claimed
 * @param dialledAt        when the Originate was sent, if it was
 * @param endedAt          when its outcome was known, if it is
 * @param outcome          how it ended, once it has
 * @param agentUniqueId    the uniqueid of the agent's leg (CDR), if there was one
 * @param customerUniqueId the uniqueid of the customer's leg (CDR), if there was one
 */
public record CallbackAttempt(String callbackId, int number, String channelId, String node, Instant claimedAt,
        Optional<Instant> dialledAt, Optional<Instant> endedAt, Optional<AttemptOutcome> outcome,
        Optional<String> agentUniqueId, Optional<String> customerUniqueId) {

    public CallbackAttempt {
        Objects.requireNonNull(callbackId, "callbackId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(claimedAt, "claimedAt");
        Objects.requireNonNull(dialledAt, "dialledAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(agentUniqueId, "agentUniqueId");
        Objects.requireNonNull(customerUniqueId, "customerUniqueId");
    }
}
