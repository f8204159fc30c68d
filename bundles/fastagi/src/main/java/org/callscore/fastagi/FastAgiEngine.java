package org.callscore.fastagi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.callscore.agi.FastAgiServer.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts FastAGI connections and runs each session on its own thread.
 * <p>
 * Threads grow up to {@code threads.max}; beyond that sessions wait in an unbounded queue. asterisk-java's
 * own pool closes the socket of any session it has no thread for, which drops the call's survey or menu:
 * a session here is never refused for load.
 */
final class FastAgiEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FastAgiEngine.class);
    private static final long BIND_RETRY_MILLIS = 5_000;
    private static final long THREAD_STACK_BYTES = 512 * 1024;
    private static final int MAX_REMEMBERED_REJECTED_PEERS = 1024;

    private final ServerSettings settings;
    private final ApplicationRegistry applications;
    private final SessionCounters counters = new SessionCounters();
    private final ThreadPoolExecutor sessions;
    private final Set<InetAddress> reportedPeers = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private volatile boolean closed;
    private volatile ServerSocket listener;
    private volatile String problem;
    private volatile boolean saturationReported;

    FastAgiEngine(ServerSettings settings, ApplicationRegistry applications) {
        this.settings = settings;
        this.applications = applications;
        this.sessions = new ThreadPoolExecutor(settings.maxThreads(), settings.maxThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads("callscore-agi-" + settings.port() + "-"));
        this.sessions.allowCoreThreadTimeOut(true); // idle threads go; "core" here only means "grow to"
        this.acceptor = threads("callscore-fastagi-acceptor-").newThread(this::acceptLoop);
    }

    void start() {
        acceptor.start();
    }

    Optional<InetSocketAddress> listeningOn() {
        ServerSocket socket = listener;
        return socket == null ? Optional.empty() : Optional.of((InetSocketAddress) socket.getLocalSocketAddress());
    }

    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    Map<Counter, Long> counters() {
        return counters.snapshot(sessions.getQueue().size());
    }

    /**
     * Stops accepting. Sessions in flight run on to their end, so a call in a survey is not cut off by a
     * configuration change or an update of this bundle.
     */
    @Override
    public void close() {
        closed = true;
        closeListener();
        acceptor.interrupt();
        sessions.shutdown();
        long inFlight = counters.active() + sessions.getQueue().size();
        if (inFlight > 0) {
            LOG.info("FastAGI server on port {} stopped accepting; {} session(s) in flight run on to their end",
                    settings.port(), inFlight);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(settings.bindAddress(), settings.port()), settings.backlog());
                listener = socket;
                if (problem != null) {
                    LOG.info("FastAGI server now listening on {}", socket.getLocalSocketAddress());
                } else {
                    LOG.info("FastAGI server listening on {}; allowed peers: {}", socket.getLocalSocketAddress(),
                            settings.allowedPeers());
                }
                problem = null;
                if (closed) {
                    return; // closed while binding: the listener above was never visible to close()
                }
                while (!closed) {
                    accept(socket.accept());
                }
            } catch (IOException e) {
                listener = null;
                if (closed) {
                    return;
                }
                String reason = "cannot listen on " + settings.bindAddress().getHostAddress() + ":"
                        + settings.port() + ": " + e.getMessage();
                if (!reason.equals(problem)) {
                    LOG.error("FastAGI server {}; retrying every {} s", reason, BIND_RETRY_MILLIS / 1000);
                }
                problem = reason;
                try {
                    Thread.sleep(BIND_RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void accept(Socket connection) {
        InetAddress peer = connection.getInetAddress();
        if (!settings.allowedPeers().allows(peer)) {
            counters.rejected();
            if (reportedPeers.size() < MAX_REMEMBERED_REJECTED_PEERS && reportedPeers.add(peer)) {
                LOG.warn("Refused a FastAGI connection from {}: not in allowed.peers ({}); further connections "
                        + "from it are refused silently", peer.getHostAddress(), settings.allowedPeers());
            }
            closeQuietly(connection);
            return;
        }
        try {
            AgiSocket socket = new AgiSocket(connection, settings.requestTimeout());
            if (sessions.getActiveCount() >= settings.maxThreads() && !saturationReported) {
                saturationReported = true;
                LOG.warn("All {} FastAGI threads are busy; new sessions wait in a queue until one is free "
                        + "(raise threads.max if this happens at normal load)", settings.maxThreads());
            }
            sessions.execute(new AgiSession(socket, applications, settings.idleWarning(), counters));
        } catch (IOException e) {
            LOG.info("FastAGI connection from {} lost before its session started: {}", peer.getHostAddress(),
                    e.getMessage());
            closeQuietly(connection);
        } catch (RejectedExecutionException e) {
            closeQuietly(connection); // accepted just as the server closed
        }
    }

    private void closeListener() {
        ServerSocket socket = listener;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("closing the FastAGI listener: {}", e.getMessage());
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing a refused connection: {}", e.getMessage());
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(null, runnable, prefix + number.incrementAndGet(), THREAD_STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        };
    }
}
