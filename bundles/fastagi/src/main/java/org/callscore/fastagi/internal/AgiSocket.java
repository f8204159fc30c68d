package org.callscore.fastagi.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

import org.asteriskjava.util.SocketConnectionFacade;

/**
 * One FastAGI connection as asterisk-java's reader and writer see it, with the limits CallScore needs
 * instead of the library's: no read timeout that ends a session (a caller may stay in a survey or a menu
 * for as long as the call lasts), a bounded wait for the request itself, and bounded sizes.
 * <p>
 * A request that breaks a limit reads as the end of the stream, with {@link #malformed()} saying why, so
 * the library hands it on quietly and the dispatcher reports it in one clear line.
 */
final class AgiSocket implements SocketConnectionFacade {

    static final int MAX_LINE_BYTES = 64 * 1024;
    static final int MAX_REQUEST_BYTES = 256 * 1024;
    /** An environment block (about 600 bytes) or a reply fits in one read. */
    private static final int READ_BUFFER_BYTES = 4096;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final InetSocketAddress remote;
    /** What was read from the socket and not yet returned: {@code buffer[position..limit)}. */
    private final byte[] buffer = new byte[READ_BUFFER_BYTES];
    private int position;
    private int limit;
    private final Consumer<AgiSocket> onClose;
    /** Bytes of the line being read; kept across socket timeouts so nothing is lost. */
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);

    private volatile boolean requestPhase = true;
    private final long requestDeadline;
    private int requestBytes;
    private boolean blankLineSeen;
    private String malformed;
    private Consumer<Duration> idleListener = waited -> { };

    AgiSocket(Socket socket, Duration requestTimeout, Consumer<AgiSocket> onClose) throws IOException {
        this.socket = socket;
        this.onClose = onClose;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream(); // unbuffered: the library writes each command whole, then flushes
        this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        socket.setTcpNoDelay(true);
        socket.setKeepAlive(true); // a vanished Asterisk host is found by TCP, not by a session age limit
        requestDeadline = System.nanoTime() + requestTimeout.toNanos();
        socket.setSoTimeout((int) Math.max(1, requestTimeout.toMillis()));
    }

    InetSocketAddress remote() {
        return remote;
    }

    /**
     * The request has been read: from now on waits are the call's own business.
     *
     * @param idleWarning after this long without a word from Asterisk, tell the listener once (0: never)
     */
    void commandPhase(Duration idleWarning, Consumer<Duration> listener) throws IOException {
        requestPhase = false;
        idleListener = listener;
        socket.setSoTimeout(idleWarning.isZero() ? 0 : (int) Math.min(Integer.MAX_VALUE, idleWarning.toMillis()));
    }

    /** @return why the request was not well formed, or null */
    String malformed() {
        if (malformed == null && !blankLineSeen) {
            return "connection closed before the end of the request's environment block";
        }
        return malformed;
    }

    @Override
    public String readLine() throws IOException {
        long waitStarted = 0;
        while (true) {
            if (position < limit) {
                int end = position;
                while (end < limit && buffer[end] != '\n') {
                    end++;
                }
                int length = end - position;
                if (requestPhase) {
                    requestBytes += end < limit ? length + 1 : length;
                    if (requestBytes > MAX_REQUEST_BYTES) {
                        return endRequest("request larger than " + MAX_REQUEST_BYTES + " bytes");
                    }
                }
                if (line.size() + length > MAX_LINE_BYTES) {
                    if (requestPhase) {
                        return endRequest("line longer than " + MAX_LINE_BYTES + " bytes");
                    }
                    throw new IOException("line from Asterisk longer than " + MAX_LINE_BYTES + " bytes");
                }
                if (end < limit) {
                    String text;
                    if (line.size() == 0) {
                        text = new String(buffer, position, length, StandardCharsets.UTF_8);
                    } else {
                        line.write(buffer, position, length);
                        text = takeLine();
                    }
                    position = end + 1;
                    if (requestPhase && text.isEmpty()) {
                        blankLineSeen = true;
                    }
                    return text;
                }
                line.write(buffer, position, length); // the rest of the line comes with the next read
                position = limit;
            }
            // the clock is read once per read from the socket, not per byte
            if (requestPhase && System.nanoTime() > requestDeadline) {
                return endRequest("no complete FastAGI request within the request timeout");
            }
            int read;
            try {
                if (waitStarted == 0 && !requestPhase) {
                    waitStarted = System.nanoTime();
                }
                read = in.read(buffer, 0, buffer.length);
            } catch (SocketTimeoutException timeout) {
                if (requestPhase) {
                    return endRequest("no complete FastAGI request within the request timeout");
                }
                idleListener.accept(Duration.ofNanos(System.nanoTime() - waitStarted));
                socket.setSoTimeout(0); // warned once; now wait as long as the call lasts
                continue;
            }
            if (read < 0) {
                return line.size() == 0 ? null : takeLine();
            }
            position = 0;
            limit = read;
        }
    }

    private String endRequest(String why) {
        malformed = why;
        line.reset();
        return null;
    }

    private String takeLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        return text;
    }

    @Override
    public void write(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            socket.close();
        } finally {
            onClose.accept(this);
        }
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected() && !socket.isClosed();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getInetAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getPort();
    }
}
