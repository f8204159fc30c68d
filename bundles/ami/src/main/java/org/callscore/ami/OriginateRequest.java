package org.callscore.ami;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One asynchronous Originate: Asterisk calls {@code channel} and, once it answers, sends it to
 * {@code context,exten,priority}.
 *
 * @param channel        what to call, e.g. {@code PJSIP/agent1} or {@code Local/0123456@callscore-callback-dial}
 * @param context        where the answered channel goes
 * @param exten          its extension
 * @param priority       its priority
 * @param timeout        how long the channel may ring before the attempt ends as not answered
 * @param callerId       the caller id shown to the called party, if any
 * @param variables      channel variables set on the new channel
 * @param channelId      the uniqueid Asterisk must give the new channel: one per attempt, so that Asterisk itself
 *                       refuses a second dial of the same attempt ("Channel Unique ID already in use"); at most
 *                       149 characters
 * @param otherChannelId for a Local channel, the uniqueid of its second half
 * @param account        the CDR account code, if any
 */
public record OriginateRequest(String channel, String context, String exten, int priority, Duration timeout,
        Optional<String> callerId, Map<String, String> variables, String channelId, Optional<String> otherChannelId,
        Optional<String> account) {

    public OriginateRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(exten, "exten");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(callerId, "callerId");
        variables = Map.copyOf(variables);
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(otherChannelId, "otherChannelId");
        Objects.requireNonNull(account, "account");
        if (channelId.isEmpty() || channelId.length() > 149) {
            throw new IllegalArgumentException("channelId must be 1 to 149 characters: " + channelId.length());
        }
    }
}
