package org.callscore.testing.asterisk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A minimal FastAGI server on java.net.ServerSocket, one thread per connection, running a script
 * per session. Errors in scripts are collected and rethrown by {@link #awaitSessions}.
 */
final class TinyFastAgiServer implements AutoCloseable {

    interface Script {
        void run(Session session) throws Exception;
    }

    /** What a test does with its call once connected: answer, hang up, run it to its end... */
    interface Drive {
        void run(FastAgiCall call) throws Exception;
    }

    /** How long {@link #oneCall} waits for the call and the server's session. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private final ServerSocket serverSocket;
    private final Script script;
    private final List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    private final Semaphore finished = new Semaphore(0);

    private TinyFastAgiServer(Script script) throws IOException {
        this.serverSocket = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread acceptor = new Thread(this::acceptLoop, "tiny-fastagi-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static TinyFastAgiServer start(Script script) throws IOException {
        return new TinyFastAgiServer(script);
    }

    /**
     * One call to a server whose session reads the environment and then runs {@code afterEnvironment}: the call, set
     * up by {@code setUp}, connected and run to its end by the simulated channel; the server's session waited for.
     *
     * @return the call, ended
     * @throws AssertionError when the session does not finish within {@link #WAIT}, or its script failed
     */
    static FastAgiCall oneCall(UnaryOperator<FastAgiCall.Builder> setUp, Script afterEnvironment) throws Exception {
        return oneCall(setUp, afterEnvironment, call -> call.runToEnd(WAIT));
    }

    /** As {@link #oneCall(UnaryOperator, Script)}, the connected call driven by {@code drive}. */
    static FastAgiCall oneCall(UnaryOperator<FastAgiCall.Builder> setUp, Script afterEnvironment, Drive drive)
            throws Exception {
        try (TinyFastAgiServer server = start(session -> {
            session.readEnvironment();
            afterEnvironment.run(session);
        })) {
            FastAgiCall call = setUp.apply(server.call()).connect();
            drive.run(call);
            server.awaitSessions(1, WAIT);
            return call;
        }
    }

    String host() {
        return serverSocket.getInetAddress().getHostAddress();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    FastAgiCall.Builder call() {
        return FastAgiCall.to(host(), port());
    }

    /** Waits until {@code count} sessions have finished their script, then fails on any script error. */
    void awaitSessions(int count, Duration timeout) throws InterruptedException {
        if (!finished.tryAcquire(count, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("fewer than " + count + " server sessions finished within " + timeout
                    + "; errors: " + errors);
        }
        synchronized (errors) {
            if (!errors.isEmpty()) {
                AssertionError error = new AssertionError("server script failed: " + errors.get(0), errors.get(0));
                errors.stream().skip(1).forEach(error::addSuppressed);
                throw error;
            }
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return;
            }
            Thread handler = new Thread(() -> serve(socket), "tiny-fastagi-session");
            handler.setDaemon(true);
            handler.start();
        }
    }

    private void serve(Socket socket) {
        try (Session session = new Session(socket)) {
            script.run(session);
        } catch (Throwable t) {
            errors.add(t);
        } finally {
            finished.release();
        }
    }

    /** The server's end of one connection. Reads time out after 10 s. */
    static final class Session implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Session(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(10_000);
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** The environment block exactly as received, through the empty line. */
        byte[] readRawEnvironment() throws IOException {
            ByteArrayOutputStream block = new ByteArrayOutputStream();
            int previous = -1;
            int b;
            while ((b = in.read()) >= 0) {
                block.write(b);
                if (b == '\n' && (previous == '\n' || block.size() == 1)) {
                    break;
                }
                previous = b;
            }
            return block.toByteArray();
        }

        /** The environment lines, without the empty line that ends them. */
        List<String> readEnvironment() throws IOException {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = readLine()) != null && !line.isEmpty()) {
                lines.add(line);
            }
            return lines;
        }

        /** Writes one command line and returns the first line of the reply. */
        String send(String command) throws IOException {
            write(command + "\n");
            return readLine();
        }

        void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** One line without its {@code \n}, or null at end of stream. */
        String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            try {
                while ((b = in.read()) >= 0 && b != '\n') {
                    line.write(b);
                }
            } catch (SocketException reset) {
                return null;
            }
            return b < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
        }

        /** Everything until the peer closes its side. */
        List<String> readUntilClosed() throws IOException {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = readLine()) != null) {
                lines.add(line);
            }
            return lines;
        }

        /** Closes only the writing side: the peer sees end of stream, this side can still read. */
        void shutdownOutput() throws IOException {
            socket.shutdownOutput();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
