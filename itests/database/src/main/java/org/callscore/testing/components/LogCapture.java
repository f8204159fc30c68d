package org.callscore.testing.components;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the tests' slf4j-simple logger wrote to its file ({@code org.slf4j.simpleLogger.logFile}, set in the module's
 * pom) since {@link #mark()}.
 */
public final class LogCapture {

    private static final Path FILE = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));
    private final long start;

    private LogCapture(long start) {
        this.start = start;
    }

    public static LogCapture mark() throws IOException {
        return new LogCapture(Files.exists(FILE) ? Files.size(FILE) : 0);
    }

    public String since() throws IOException {
        if (!Files.exists(FILE)) {
            return "";
        }
        try (RandomAccessFile file = new RandomAccessFile(FILE.toFile(), "r")) {
            file.seek(start);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
