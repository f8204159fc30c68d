package org.callscore.ami.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.callscore.ami.ManagerUnavailableException;
import org.callscore.support.text.LogText;

/**
 * One logged-in TCP connection to Asterisk's manager port: a reader thread that hands responses to the actions
 * waiting for them (by ActionID) and everything else to the {@link Handler}. Once closed it stays closed; the
 * {@link AmiServer} opens a new one.
 */
final class ManagerSession implements AutoCloseable {

    /** What the session hands on, on its reader thread. */
    interface Handler {
        /** An event (a message with an {@code Event} header). */
        void onEvent(ManagerSession session, Map<String, String> event);

        /** The session ended, for {@code reason}, and will send nothing more. */
        void onClosed(ManagerSession session, String reason);
    }

    /** Asterisk answered the login with an error: wrong user or secret, or a host not permitted for that user. */
    static final class LoginRefused extends IOException {
        private static final long serialVersionUID = 1L;

        LoginRefused(String message) {
            super(message);
        }
    }

    static final String GREETING = "Asterisk Call Manager/";
    private static final AtomicLong SESSIONS = new AtomicLong();

    private final String server;
    private final Socket socket;
    private final OutputStream out;
    private final AmiMessage.Reader reader;
    private final String version;
    private final String actionPrefix;
    private final AtomicLong actions = new AtomicLong();
    private final Map<String, CompletableFuture<Map<String, String>>> responses = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private Handler handler;

    private ManagerSession(String server, Socket socket, AmiMessage.Reader reader, String version) throws IOException {
        this.server = server;
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = reader; // the one that read the greeting: it may hold bytes read past it
        this.version = version;
        // ActionIDs unique across the sessions of this Karaf, so that a late answer can never match a new action
        this.actionPrefix = "callscore-" + SESSIONS.incrementAndGet() + "-";
    }

    /**
     * Connects, reads the greeting and logs in, each step within {@code timeout}, then starts reading.
     *
     * @throws LoginRefused when Asterisk refuses the user or secret
     * @throws IOException  when Asterisk cannot be reached, is not an Asterisk manager port or does not answer
     */
    static ManagerSession open(String server, InetSocketAddress address, Duration timeout, String username,
            String secret, Handler handler) throws IOException {
        Socket socket = new Socket();
        try {
            int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
            socket.connect(address, millis);
            socket.setSoTimeout(millis);
            socket.setTcpNoDelay(true);
            AmiMessage.Reader reader = new AmiMessage.Reader(socket.getInputStream());
            String greeting = reader.line();
            if (!greeting.startsWith(GREETING)) {
                throw new IOException("not an Asterisk manager port: it greeted with \""
                        + LogText.of(greeting) + "\"");
            }
            ManagerSession session = new ManagerSession(server, socket, reader, greeting.substring(GREETING.length()));
            session.login(username, secret);
            socket.setSoTimeout(0); // from here a silent connection is found by the pings
            session.handler = handler;
            Thread thread = new Thread(session::read, "callscore-ami-" + server + "-reader");
            thread.setDaemon(true);
            thread.start();
            return session;
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new IOException("Asterisk's manager port did not greet, or answer the login, within "
                    + timeout.toMillis() + " ms", e);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private void login(String username, String secret) throws IOException {
        String id = nextActionId();
        write(AmiMessage.action("Login", List.of(Map.entry("ActionID", id), Map.entry("Username", username),
                Map.entry("Secret", secret), Map.entry("Events", "on"))));
        while (true) {
            Map<String, String> message = reader.message();
            if (id.equals(message.get("ActionID")) && message.containsKey("Response")) {
                if (!"Success".equalsIgnoreCase(message.get("Response"))) {
                    throw new LoginRefused("Asterisk refused the login of manager user " + username + ": "
                            + LogText.of(message.getOrDefault("Message", "(no message)")));
                }
                return;
            }
        }
    }

    /** @return the AMI version from Asterisk's greeting, e.g. {@code 11.0.0} */
    String version() {
        return version;
    }

    /** @return an ActionID not used before */
    String nextActionId() {
        return actionPrefix + actions.incrementAndGet();
    }

    boolean isClosed() {
        return closed.get();
    }

    /**
     * Sends an action already carrying {@code actionId} and returns its response; completes exceptionally with
     * {@link ManagerUnavailableException} when the session is or goes closed first.
     */
    CompletableFuture<Map<String, String>> send(String actionId, byte[] action) {
        CompletableFuture<Map<String, String>> response = new CompletableFuture<>();
        responses.put(actionId, response);
        if (closed.get()) {
            responses.remove(actionId);
            response.completeExceptionally(new ManagerUnavailableException("the connection to " + server + " is closed"));
            return response;
        }
        try {
            write(action);
        } catch (IOException e) {
            close("writing to Asterisk failed: " + e);
        }
        return response;
    }

    private void write(byte[] bytes) throws IOException {
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    private void read() {
        String reason;
        try {
            while (true) {
                Map<String, String> message = reader.message();
                if (message.containsKey("Event")) { // first: an OriginateResponse event has a Response header too
                    handler.onEvent(this, message);
                } else if (message.containsKey("Response")) {
                    CompletableFuture<Map<String, String>> waiting = responses.remove(message.getOrDefault("ActionID", ""));
                    if (waiting != null) {
                        waiting.complete(message);
                    }
                }
            }
        } catch (IOException e) {
            reason = closed.get() ? "closed by CallScore" : e.getMessage() == null ? e.toString() : e.getMessage();
        } catch (RuntimeException e) { // NOPMD: whatever broke the reading, the session must end cleanly
            reason = "reading from Asterisk failed: " + e;
        }
        close(reason);
    }

    /** Closes for good: every action waiting for its response fails, and the handler hears of it once. */
    void close(String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) { // NOPMD: closing a socket that is gone anyway
        }
        ManagerUnavailableException lost = new ManagerUnavailableException(
                "the connection to Asterisk server " + server + " was lost: " + reason);
        responses.values().forEach(waiting -> waiting.completeExceptionally(lost));
        responses.clear();
        if (handler != null) {
            handler.onClosed(this, reason);
        }
    }

    /** Logs off politely, then closes. */
    @Override
    public void close() {
        if (!closed.get()) {
            try {
                socket.setSoTimeout(1000);
                write(AmiMessage.action("Logoff", List.of(Map.entry("ActionID", nextActionId()))));
            } catch (IOException | RuntimeException gone) { // NOPMD: it is being closed anyway
            }
        }
        close("closed by CallScore");
    }
}
