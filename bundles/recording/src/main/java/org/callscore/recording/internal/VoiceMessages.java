package org.callscore.recording.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether a voicemail file holds a message: a caller who hangs up before speaking leaves a file of silence (Record()
 * keeps what it had), and a callback for it would send an agent to listen to nothing.
 */
final class VoiceMessages {

    /** Asterisk's own silence threshold (dsp.conf): a 20 ms frame whose mean amplitude is above it holds sound. */
    static final int SILENCE_THRESHOLD = 256;

    private final Duration minimum;

    /** @param minimum the least sound (in WAV files) or length (other formats) a message has */
    VoiceMessages(Duration minimum) {
        this.minimum = minimum;
    }

    /** @return whether the file holds a message; false for a missing file */
    boolean holdsMessage(Path file, String format, long size) throws IOException {
        if (!AudioFiles.holdsSound(format, size)) {
            return false;
        }
        Optional<Duration> heard = sound(file, format);
        if (heard.isPresent()) {
            return heard.get().compareTo(minimum) >= 0 && !heard.get().isZero();
        }
        return AudioFiles.duration(file, format, size).map(d -> d.compareTo(minimum) >= 0).orElse(true);
    }

    /**
     * @return how long the file holds sound (20 ms frames above the silence threshold), for the signed linear WAV
     *         files Asterisk writes as {@code wav} and {@code wav16}; empty for other formats
     */
    static Optional<Duration> sound(Path file, String format) throws IOException {
        if (!format.equals("wav") && !format.equals("wav16")) {
            return Optional.empty();
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            byte[] header = in.readNBytes(AudioFiles.WAV_HEADER);
            if (header.length < AudioFiles.WAV_HEADER) {
                return Optional.of(Duration.ZERO);
            }
            ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            int bitsPerSample = h.getShort(34);
            long byteRate = Integer.toUnsignedLong(h.getInt(28));
            if (bitsPerSample != 16 || byteRate <= 0) {
                return Optional.empty(); // not the signed linear Asterisk writes: judged by its length
            }
            int frameBytes = (int) Math.max(2, byteRate / 50 / 2 * 2);
            byte[] frame = new byte[frameBytes];
            long loudFrames = 0;
            for (int n; (n = in.readNBytes(frame, 0, frameBytes)) >= 2;) {
                ByteBuffer samples = ByteBuffer.wrap(frame, 0, n - n % 2).order(ByteOrder.LITTLE_ENDIAN);
                long sum = 0;
                int count = 0;
                while (samples.remaining() >= 2) {
                    sum += Math.abs(samples.getShort());
                    count++;
                }
                if (sum / count > SILENCE_THRESHOLD) {
                    loudFrames++;
                }
                if (n < frameBytes) {
                    break;
                }
            }
            return Optional.of(Duration.ofMillis(loudFrames * 20));
        }
    }
}
