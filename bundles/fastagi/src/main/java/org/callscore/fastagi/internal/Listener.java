package org.callscore.fastagi.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening socket as asterisk-java's server sees it. Peers outside {@code allowed.peers} are closed here,
 * before the library sees them, and every live connection is known by its remote address so the dispatcher
 * can find the {@link AgiSocket} behind a request.
 */
final class Listener implements ServerSocketFacade {

    private static final Logger LOG = LoggerFactory.getLogger(Listener.class);
    private static final int MAX_REMEMBERED_REJECTED_PEERS = 1024;

    private final ServerSocket serverSocket;
    private final ServerSettings settings;
    private final SessionCounters counters;
    private final Map<InetSocketAddress, AgiSocket> live = new ConcurrentHashMap<>();
    private final Set<InetAddress> reportedPeers = ConcurrentHashMap.newKeySet();
    /** Handed to the library but not yet to a session; only the acceptor thread touches it. */
    private AgiSocket lastAccepted;

    Listener(ServerSocket serverSocket, ServerSettings settings, SessionCounters counters) {
        this.serverSocket = serverSocket;
        this.settings = settings;
        this.counters = counters;
    }

    @Override
    public SocketConnectionFacade accept() throws IOException {
        while (true) {
            Socket connection = serverSocket.accept();
            InetAddress peer = connection.getInetAddress();
            if (!settings.allowedPeers().allows(peer)) {
                refuse(connection, peer);
                continue;
            }
            try {
                AgiSocket socket = new AgiSocket(connection, settings.requestTimeout(), s -> live.remove(s.remote()));
                live.put(socket.remote(), socket);
                lastAccepted = socket;
                return socket;
            } catch (IOException e) {
                LOG.info("FastAGI connection from {} lost before its session started: {}", peer.getHostAddress(),
                        e.getMessage());
                connection.close();
            }
        }
    }

    /**
     * Closes the connection just accepted: the library drops, without closing it, a connection accepted
     * while it shuts down, which would leave that Asterisk channel waiting forever.
     */
    void closeLastAccepted() {
        if (lastAccepted != null) {
            try {
                lastAccepted.close();
            } catch (IOException e) {
                LOG.debug("closing a connection accepted during shut-down: {}", e.getMessage());
            }
        }
    }

    Optional<AgiSocket> socketOf(InetAddress address, int port) {
        return Optional.ofNullable(live.get(new InetSocketAddress(address, port)));
    }

    private void refuse(Socket connection, InetAddress peer) throws IOException {
        counters.rejected();
        if (reportedPeers.size() < MAX_REMEMBERED_REJECTED_PEERS && reportedPeers.add(peer)) {
            LOG.warn("Refused a FastAGI connection from {}: not in allowed.peers ({}); further connections from it "
                    + "are refused without a log line", peer.getHostAddress(), settings.allowedPeers());
        }
        connection.close();
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }

    @Override
    public void setSocketReadTimeout(int socketReadTimeout) {
        // sessions are never timed out for being idle: see AgiSocket
    }
}
