package org.callscore.itests.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The RTP a test phone receives: a UDP port its SDP names instead of sipp's own, so the test counts the packets
 * Asterisk sends it, and how many of them carry sound (G.711 A-law or mu-law, a packet's mean amplitude above
 * Asterisk's silence threshold), not silence or comfort noise.
 */
final class RtpListener implements AutoCloseable {

    /** Asterisk's silence threshold (dsp.conf), on the 16-bit scale. */
    private static final int SILENCE_THRESHOLD = 256;

    private final DatagramSocket socket;
    private final Thread reader;
    private final AtomicInteger packets = new AtomicInteger();
    private final AtomicInteger withSound = new AtomicInteger();

    RtpListener(int port) {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            socket.setSoTimeout(200);
        } catch (SocketException e) {
            throw new UncheckedIOException("RTP port 127.0.0.1:" + port + " cannot be bound", e);
        }
        reader = new Thread(this::read, "rtp-" + port);
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return; // closed
            }
            int length = packet.getLength();
            if (length < 12 || (buffer[0] & 0xc0) != 0x80) {
                continue; // not RTP version 2
            }
            packets.incrementAndGet();
            int payloadType = buffer[1] & 0x7f;
            int start = 12 + 4 * (buffer[0] & 0x0f);
            if ((payloadType == 0 || payloadType == 8) && start < length) {
                long sum = 0;
                for (int i = start; i < length; i++) {
                    sum += Math.abs(payloadType == 8 ? alaw(buffer[i] & 0xff) : ulaw(buffer[i] & 0xff));
                }
                if (sum / (length - start) > SILENCE_THRESHOLD) {
                    withSound.incrementAndGet();
                }
            }
        }
    }

    /** G.711 A-law to 16-bit linear. */
    static int alaw(int code) {
        int a = code ^ 0x55;
        int magnitude = (a & 0x0f) << 4;
        int segment = (a & 0x70) >> 4;
        magnitude += segment == 0 ? 8 : 0x108;
        if (segment > 1) {
            magnitude <<= segment - 1;
        }
        return (a & 0x80) != 0 ? magnitude : -magnitude;
    }

    /** G.711 mu-law to 16-bit linear. */
    static int ulaw(int code) {
        int u = ~code & 0xff;
        int magnitude = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4);
        return (u & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84;
    }

    /** @return the RTP packets received so far */
    int packets() {
        return packets.get();
    }

    /** @return those of them that carry sound (20 ms each, as Asterisk sends G.711) */
    int packetsWithSound() {
        return withSound.get();
    }

    @Override
    public void close() {
        socket.close();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return packets() + " RTP packets, " + packetsWithSound() + " with sound";
    }
}
