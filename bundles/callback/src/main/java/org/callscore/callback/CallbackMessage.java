package org.callscore.callback;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A voice message the customer left (a voicemail when nobody answered), attached to the callback it became: the
 * agent hears it before the customer is dialled. Since 1.1.
 *
 * @param file      the message's file as Asterisk plays it (absolute, with its extension, a name CallScore chose)
 * @param recording its id in the recording index, when it was indexed at once (the player's address has it)
 * @param length    how long it lasts
 */
public record CallbackMessage(String file, Optional<Long> recording, Duration length) {

    public CallbackMessage {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(length, "length");
    }
}
