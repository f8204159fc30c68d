package org.callscore.recording;

import java.util.Objects;

/**
 * Who asks to hear a recording, for the access log.
 *
 * @param user    the login name
 * @param address where from (the client's IP address, or {@code console})
 */
public record Listener(String user, String address) {

    public Listener {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(address, "address");
    }
}
