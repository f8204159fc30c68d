package org.callscore.ami;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One AMI event as Asterisk sent it.
 *
 * @param server   the Asterisk server it came from
 * @param name     the event's name, e.g. {@code Hangup}, {@code OriginateResponse}, {@code DialEnd}
 * @param fields   its headers, names as Asterisk spells them (e.g. {@code Uniqueid}, {@code Linkedid})
 * @param received when CallScore received it
 */
public record AmiEvent(String server, String name, Map<String, String> fields, Instant received) {

    public AmiEvent {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(name, "name");
        fields = Map.copyOf(fields);
        Objects.requireNonNull(received, "received");
    }

    /** @return the header of that name, if the event has it */
    public Optional<String> field(String header) {
        return Optional.ofNullable(fields.get(header));
    }
}
