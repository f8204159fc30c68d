package org.callscore.agi.server;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import org.osgi.annotation.versioning.ProviderType;

/** What the running FastAGI server can tell an administrator about itself. */
@ProviderType
public interface FastAgiServer {

    /** @return where the server accepts connections, or empty while it is not listening */
    Optional<InetSocketAddress> listeningOn();

    /** @return why the server is not listening (for example the port is taken), or empty */
    Optional<String> problem();

    /** @return the names of the AGI applications currently registered */
    SortedSet<String> applications();

    /** @return counters: see {@link Counter} */
    Map<Counter, Long> counters();

    /** The server's counters since it started. */
    enum Counter {
        /** AGI sessions running now. */
        ACTIVE_SESSIONS,
        /** Sessions accepted but waiting for a free thread (only when threads.max is reached). */
        QUEUED_SESSIONS,
        /** Application sessions that ended, whatever their outcome. */
        COMPLETED_SESSIONS,
        /** Requests answered with FAILURE: unknown or stopped application, or an application error. */
        FAILED_SESSIONS,
        /** Connections refused because the peer is not in allowed.peers. */
        REJECTED_PEERS,
        /** Connections that did not send a well-formed FastAGI request. */
        MALFORMED_REQUESTS
    }
}
