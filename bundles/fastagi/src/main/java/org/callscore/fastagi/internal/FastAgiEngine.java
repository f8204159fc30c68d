package org.callscore.fastagi.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.util.ServerSocketFacade;
import org.callscore.agi.FastAgiServer.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * asterisk-java's FastAGI server with CallScore's limits instead of the library's defaults.
 * <p>
 * Sessions run on a {@link SessionPool}, which grows up to {@code threads.max} and queues beyond it (the
 * library's pool closes the socket of any session it has no thread for, which drops the caller's survey). The port is
 * bound here, retried while it is taken, so the library's accept loop only starts on a bound socket.
 */
final class FastAgiEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FastAgiEngine.class);
    private static final long BIND_RETRY_MILLIS = 5_000;
    private static final long THREAD_STACK_BYTES = 512 * 1024;

    private final ServerSettings settings;
    private final ApplicationRegistry applications;
    private final SessionCounters counters = new SessionCounters();
    private final SessionPool sessions;
    private final Thread acceptor;

    private volatile boolean closed;
    private volatile ServerSocket bound;
    private volatile Server server;
    private volatile String problem;
    private volatile boolean saturationReported;

    FastAgiEngine(ServerSettings settings, ApplicationRegistry applications) {
        this.settings = settings;
        this.applications = applications;
        this.sessions = new SessionPool(settings.maxThreads(), threads("callscore-agi-" + settings.port() + "-"));
        this.acceptor = threads("callscore-fastagi-acceptor-").newThread(this::serve);
    }

    void start() {
        acceptor.start();
    }

    Optional<InetSocketAddress> listeningOn() {
        ServerSocket socket = bound;
        return socket == null || socket.isClosed() ? Optional.empty()
                : Optional.of((InetSocketAddress) socket.getLocalSocketAddress());
    }

    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    Map<Counter, Long> counters() {
        return counters.snapshot(sessions.waiting());
    }

    /**
     * Stops accepting. Sessions in flight run on to their end, so a call in a survey is not cut off by a
     * configuration change or an update of this bundle.
     */
    @Override
    public void close() {
        closed = true;
        Server running = server;
        if (running != null) {
            running.shutdown();
        }
        closeQuietly(bound);
        acceptor.interrupt();
        sessions.shutdown();
        long inFlight = counters.active() + sessions.waiting();
        if (inFlight > 0) {
            LOG.info("FastAGI server on port {} stopped accepting; {} session(s) in flight run on to their end",
                    settings.port(), inFlight);
        }
    }

    private void serve() {
        ServerSocket socket = bindWhenPossible();
        if (socket == null) {
            return;
        }
        Listener listener = new Listener(socket, settings, counters);
        Server running = new Server(new Dispatcher(applications, listener, settings, counters), listener);
        server = running;
        if (closed) {
            closeQuietly(socket);
            return;
        }
        LOG.info("FastAGI server listening on {}; allowed peers: {}", socket.getLocalSocketAddress(),
                settings.allowedPeers());
        try {
            running.startup();
        } catch (IOException e) {
            LOG.error("FastAGI server stopped: {}", e.getMessage());
            problem = "stopped: " + e.getMessage();
        }
    }

    private ServerSocket bindWhenPossible() {
        while (!closed) {
            ServerSocket socket = null;
            try {
                socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(settings.bindAddress(), settings.port()), settings.backlog());
                if (problem != null) {
                    LOG.info("FastAGI server can listen on {} now", socket.getLocalSocketAddress());
                }
                problem = null;
                bound = socket;
                return socket;
            } catch (IOException e) {
                closeQuietly(socket);
                String reason = "cannot listen on " + settings.bindAddress().getHostAddress() + ":" + settings.port()
                        + ": " + e.getMessage();
                if (!reason.equals(problem)) {
                    LOG.error("FastAGI server {}; retrying every {} s", reason, BIND_RETRY_MILLIS / 1000);
                }
                problem = reason;
                try {
                    Thread.sleep(BIND_RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    return null;
                }
            }
        }
        return null;
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("closing the FastAGI listener: {}", e.getMessage());
            }
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

    /** The library's server on our bound socket and our pool (its own pool is never made). */
    private final class Server extends DefaultAgiServer {

        private final Listener listener;

        Server(Dispatcher dispatcher, Listener listener) {
            super(dispatcher);
            this.listener = listener;
            setAddress(settings.bindAddress()); // only for the library's own "Listening on" line
            setPort(settings.port());
        }

        @Override
        protected ServerSocketFacade createServerSocket() {
            return listener;
        }

        @Override
        protected void execute(Runnable session) {
            if (isDie()) {
                listener.closeLastAccepted(); // Asterisk gets a closed socket and goes on in the dialplan
                return;
            }
            // the pool says when a session waits: asking it for its busy threads would cost every connection
            if (sessions.execute(session) && !saturationReported) {
                saturationReported = true;
                LOG.warn("All {} FastAGI threads are busy; new sessions wait for a free one (raise threads.max if "
                        + "this happens at normal load)", settings.maxThreads());
            }
        }
    }
}
