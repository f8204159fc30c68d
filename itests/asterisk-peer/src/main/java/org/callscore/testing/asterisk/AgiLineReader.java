package org.callscore.testing.asterisk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Reads command lines the way run_agi() does with fgets() into a 2048-byte buffer: a line ends
 * at {@code \n} (removed; a {@code \r} before it stays) or after 2047 bytes, the rest then being
 * read as the next command; bytes left at end of stream still make a command. Keeps a partial
 * line across timeouts. Only the thread driving the call uses it.
 */
final class AgiLineReader {

    /** AGI_BUF_LEN - 1. */
    static final int MAX_LINE_BYTES = 2047;

    private final Socket socket;
    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int position;
    private int limit;

    AgiLineReader(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /**
     * Returns the next line, or null at end of stream with nothing pending.
     *
     * @throws SocketTimeoutException when {@code deadlineNanos} (System.nanoTime()) passes first
     */
    String readLine(long deadlineNanos) throws IOException {
        while (true) {
            while (position < limit) {
                byte b = buffer[position++];
                if (b == '\n') {
                    return take();
                }
                line.write(b);
                if (line.size() == MAX_LINE_BYTES) {
                    return take();
                }
            }
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (remainingMillis <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
            int read = in.read(buffer);
            if (read < 0) {
                return line.size() > 0 ? take() : null;
            }
            position = 0;
            limit = read;
        }
    }

    /** What arrived of a line that has no end yet, for timeout messages. */
    String partialLine() {
        return line.toString(StandardCharsets.UTF_8);
    }

    private String take() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        return text;
    }
}
