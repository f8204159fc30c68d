package org.callscore.reports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows Asterisk's queue_log file ({@code /var/log/asterisk/queue_log}): lines
 * {@code epoch|callid|queuename|agent|event|data1|data2|...} (data fields separated by '|' as well) are copied
 * into reports_file_log as they are written, with the byte offset reached, in one transaction; ingestion then
 * reads that table as it reads Asterisk's. Only complete lines (ending in a newline) are taken. A file shorter
 * than the offset reached was rotated: it is read from its start.
 */
final class QueueLogFile {

    private static final Logger LOG = LoggerFactory.getLogger(QueueLogFile.class);
    static final String TABLE = "reports_file_log";
    private static final int CHUNK = 4 * 1024 * 1024;

    private final Jdbi jdbi;
    private final Path path;
    private final ZoneId pbxZone;

    QueueLogFile(Jdbi jdbi, Path path, ZoneId pbxZone) {
        this.jdbi = jdbi;
        this.path = path;
        this.pbxZone = pbxZone;
    }

    String source() {
        return "file:" + path;
    }

    /** @return lines copied */
    long follow() {
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("queue_log.file " + path + " cannot be read");
        }
        long copied = 0;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            while (true) {
                long offset = jdbi.withHandle(h -> h.createQuery("SELECT position FROM reports_state WHERE source = :s")
                        .bind("s", source()).mapTo(Long.class).findOne().orElse(0L));
                if (channel.size() < offset) {
                    LOG.info("queue_log file {} is shorter than what was read ({} bytes): rotated, reading it from "
                            + "its start", path, offset);
                    offset = 0;
                }
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, channel.size() - offset));
                channel.read(buffer, offset);
                byte[] bytes = buffer.array();
                int end = bytes.length;
                while (end > 0 && bytes[end - 1] != '\n') {
                    end--;
                }
                if (end == 0) {
                    return copied;
                }
                List<String[]> lines = new ArrayList<>();
                for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
                    String[] fields = parse(line);
                    if (fields != null) {
                        lines.add(fields);
                    }
                }
                long next = offset + end;
                jdbi.useTransaction(h -> {
                    PreparedBatch insert = h.prepareBatch("INSERT INTO " + TABLE + " (time, callid, queuename, agent, "
                            + "event, data1, data2, data3, data4, data5) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    for (String[] f : lines) {
                        insert.bind(0, LocalDateTime.ofInstant(Instant.ofEpochSecond(Long.parseLong(f[0])), pbxZone));
                        for (int i = 1; i < 10; i++) {
                            insert.bind(i, f[i]);
                        }
                        insert.add();
                    }
                    if (!lines.isEmpty()) {
                        insert.execute();
                    }
                    h.createUpdate("INSERT INTO reports_state (source, position) VALUES (:s, :p) "
                            + "ON DUPLICATE KEY UPDATE position = VALUES(position)").bind("s", source())
                            .bind("p", next).execute();
                });
                copied += lines.size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("queue_log.file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return time (epoch seconds), callid, queuename, agent, event, data1..data5 (more than five data fields are
     *         joined into data5 with '|'); null for a line that is not a queue_log line (logged)
     */
    static String[] parse(String line) {
        String[] parts = line.strip().split("\\|", -1);
        if (parts.length < 5 || !parts[0].matches("\\d{1,12}")) {
            if (!line.isBlank()) {
                LOG.warn("queue_log file: not a queue_log line, skipped: {}", line.length() > 200
                        ? line.substring(0, 200) + "..." : line);
            }
            return null;
        }
        String[] fields = new String[10];
        for (int i = 0; i < 10; i++) {
            fields[i] = i < parts.length ? parts[i] : "";
        }
        if (parts.length > 10) {
            fields[9] = String.join("|", java.util.Arrays.copyOfRange(parts, 9, parts.length));
        }
        return fields;
    }
}
