package org.callscore.ami;

import java.util.Objects;
import java.util.Optional;

/**
 * Asterisk's OriginateResponse for one {@link OriginateRequest}.
 *
 * @param channelId the request's channel id
 * @param answered  whether the called channel answered (Response: Success)
 * @param reason    the last control frame Asterisk saw on the channel
 * @param uniqueId  the uniqueid of the channel Asterisk created, when it created one
 * @param channel   its name, when it created one
 */
public record OriginateResult(String channelId, boolean answered, OriginateReason reason, Optional<String> uniqueId,
        Optional<String> channel) {

    public OriginateResult {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(channel, "channel");
    }
}
