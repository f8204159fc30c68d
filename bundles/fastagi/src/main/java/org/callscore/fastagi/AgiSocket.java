package org.callscore.fastagi;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.asteriskjava.util.SocketConnectionFacade;

/**
 * One FastAGI connection as asterisk-java's reader and writer see it, with the limits CallScore needs
 * instead of the library's: no read timeout that ends a session (a caller may stay on a survey or in a menu
 * for as long as the call lasts), a bounded wait for the request itself, and bounded line sizes.
 */
final class AgiSocket implements SocketConnectionFacade {

    static final int MAX_LINE_BYTES = 64 * 1024;
    static final int MAX_REQUEST_BYTES = 256 * 1024;

    /** Told once when a session has waited longer than the configured idle warning for Asterisk. */
    interface IdleListener {
        void idleFor(Duration waited);
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** Bytes of the line being read; kept across socket timeouts so nothing is lost. */
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);

    private boolean requestPhase = true;
    private long requestDeadline;
    private int requestBytes;
    private boolean endOfStream;
    private IdleListener idleListener;

    AgiSocket(Socket socket, Duration requestTimeout) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
        socket.setTcpNoDelay(true);
        socket.setKeepAlive(true); // a vanished Asterisk host is found by TCP, not by a session age limit
        requestDeadline = System.nanoTime() + requestTimeout.toNanos();
        socket.setSoTimeout((int) Math.max(1, requestTimeout.toMillis()));
    }

    /** The request has been read: from now on waits are the call's own business. */
    void commandPhase(Duration idleWarning, IdleListener listener) throws IOException {
        requestPhase = false;
        this.idleListener = listener;
        socket.setSoTimeout(idleWarning.isZero() ? 0 : (int) Math.min(Integer.MAX_VALUE, idleWarning.toMillis()));
    }

    /** @return whether the peer closed the connection (before the end of the request, if still reading it) */
    boolean endOfStream() {
        return endOfStream;
    }

    @Override
    public String readLine() throws IOException {
        long waitStarted = System.nanoTime();
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException timeout) {
                if (requestPhase) {
                    throw new IOException("no complete FastAGI request within the request timeout");
                }
                idleListener.idleFor(Duration.ofNanos(System.nanoTime() - waitStarted));
                socket.setSoTimeout(0); // warned once; now wait as long as the call lasts
                continue;
            }
            if (b < 0) {
                endOfStream = true;
                if (line.size() == 0) {
                    return null;
                }
                return takeLine();
            }
            if (requestPhase && ++requestBytes > MAX_REQUEST_BYTES) {
                throw new IOException("FastAGI request larger than " + MAX_REQUEST_BYTES + " bytes");
            }
            if (b == '\n') {
                return takeLine();
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new IOException("line longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
            if (requestPhase && System.nanoTime() > requestDeadline) {
                throw new IOException("no complete FastAGI request within the request timeout");
            }
        }
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
        socket.close();
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
