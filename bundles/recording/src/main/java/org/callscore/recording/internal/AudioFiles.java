package org.callscore.recording.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/** What CallScore knows of the formats MixMonitor and RECORD FILE write: header size, bytes per second, MIME type. */
final class AudioFiles {

    /** A WAV file's RIFF header as Asterisk writes it: a file this size or smaller holds no sound. */
    static final int WAV_HEADER = 44;
    /** WAV49 (GSM in WAV) header. */
    static final int WAV49_HEADER = 60;

    private AudioFiles() {
    }

    /** @return how many bytes a file of this format has before any sound */
    static int header(String format) {
        return switch (format) {
            case "wav", "wav16" -> WAV_HEADER;
            case "wav49" -> WAV49_HEADER;
            default -> 0;
        };
    }

    /** @return whether a file of this size holds more than a bare header */
    static boolean holdsSound(String format, long size) {
        return size > header(format);
    }

    /** @return how long the sound lasts, when the format says (the WAV header's byte rate, or a fixed rate) */
    static Optional<Duration> duration(Path file, String format, long size) throws IOException {
        long perSecond = switch (format) {
            case "wav", "wav16" -> wavByteRate(file);
            case "wav49" -> 1625; // GSM in WAV: 65 bytes per 40 ms
            case "gsm" -> 1650; // 33 bytes per 20 ms
            case "sln", "raw" -> 16_000; // signed linear, 8 kHz, 16 bits
            case "sln16" -> 32_000;
            case "ulaw", "alaw", "pcm", "al", "ul", "mu" -> 8_000;
            default -> 0;
        };
        if (perSecond <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((size - header(format)) * 1000 / perSecond));
    }

    private static long wavByteRate(Path file) throws IOException {
        byte[] header = new byte[WAV_HEADER];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(header, 0, WAV_HEADER) < WAV_HEADER) {
                return 0;
            }
        }
        return Integer.toUnsignedLong(ByteBuffer.wrap(header, 28, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
    }

    static String contentType(String format) {
        return switch (format) {
            case "wav", "wav16", "wav49" -> "audio/wav";
            case "gsm" -> "audio/x-gsm";
            case "mp3" -> "audio/mpeg";
            case "ogg" -> "audio/ogg";
            default -> "application/octet-stream";
        };
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java has it
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
