package org.callscore.fastagi.internal;

import java.net.InetAddress;
import java.time.Duration;

import org.callscore.support.rules.IpLiteral;

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
        InetAddress address = IpLiteral.parse(bindAddress).orElseThrow(() -> new IllegalArgumentException(
                "bind.address '" + bindAddress + "' is not an IP address"));
        return new ServerSettings(address, port, PeerFilter.parse(allowedPeers), maxThreads, backlog,
                Duration.ofSeconds(requestTimeoutSeconds), Duration.ofSeconds(idleWarningSeconds),
                Duration.ofSeconds(applicationReturnSeconds), Duration.ofSeconds(applicationWaitSeconds));
    }
}
