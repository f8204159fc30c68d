package org.callscore.fastagi.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/** The FastAGI server's configuration, checked once so that a bad value is reported by name. */
record ServerSettings(InetAddress bindAddress, int port, PeerFilter allowedPeers, int maxThreads, int backlog,
        Duration requestTimeout, Duration idleWarning, Duration applicationReturn, Duration applicationWait) {

    ServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
        if (maxThreads < 1) {
            throw new IllegalArgumentException("threads.max must be at least 1, not " + maxThreads);
        }
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1, not " + backlog);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("request.timeout.seconds must be positive");
        }
        if (idleWarning.isNegative()) {
            throw new IllegalArgumentException("idle.warning.seconds must be 0 (never) or positive");
        }
        if (applicationReturn.isNegative()) {
            throw new IllegalArgumentException("application.return.seconds must be 0 (fail at once) or positive");
        }
        if (applicationWait.isNegative()) {
            throw new IllegalArgumentException("application.wait.seconds must be 0 (fail at once) or positive");
        }
    }

    static ServerSettings of(String bindAddress, int port, String allowedPeers, int maxThreads, int backlog,
            int requestTimeoutSeconds, int idleWarningSeconds, int applicationReturnSeconds,
            int applicationWaitSeconds) {
        InetAddress address;
        try {
            // literal addresses only: a host name here would tie start-up to DNS
            if (!bindAddress.matches("[0-9A-Fa-f:.]+")) {
                throw new UnknownHostException(bindAddress);
            }
            address = InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bind.address '" + bindAddress + "' is not an IP address", e);
        }
        return new ServerSettings(address, port, PeerFilter.parse(allowedPeers), maxThreads, backlog,
                Duration.ofSeconds(requestTimeoutSeconds), Duration.ofSeconds(idleWarningSeconds),
                Duration.ofSeconds(applicationReturnSeconds), Duration.ofSeconds(applicationWaitSeconds));
    }
}
