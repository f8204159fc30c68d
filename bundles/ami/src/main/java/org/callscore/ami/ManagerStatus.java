package org.callscore.ami;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * @param server     the Asterisk server's name
 * @param address    host:port as configured
 * @param connected  logged in and answering pings now
 * @param since      when it last connected or lost the connection
 * @param reconnects how many times the connection was lost and made again since the service started
 * @param lastError  what went wrong last (never a secret), if anything has
 * @param version    Asterisk's version as it announced itself, once connected
 */
public record ManagerStatus(String server, String address, boolean connected, Instant since, long reconnects,
        Optional<String> lastError, Optional<String> version) {

    public ManagerStatus {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(version, "version");
    }
}
