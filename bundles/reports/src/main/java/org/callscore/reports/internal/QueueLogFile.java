package org.callscore.reports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows Asterisk's queue_log file ({@code /var/log/asterisk/queue_log}): lines
 * {@code epoch|callid|queuename|agent|event|data1|data2|...} (data fields separated by '|' as well) are copied
 * into reports_file_log as they are written, with the byte offset reached and the file's identity (its inode and
 * first bytes), in one transaction; ingestion then reads that table as it reads Asterisk's. Only complete lines
 * (ending in a newline) are taken. A file that is another one than the one read (renamed away by a rotation,
 * replaced, or emptied in place) is read from its start, after the rest of the old file when the old file is still
 * next to it (e.g. {@code queue_log.1}). Lines that the copy cannot hold are set aside ({@link SetAside}).
 */
final class QueueLogFile {

    private static final Logger LOG = LoggerFactory.getLogger(QueueLogFile.class);
    static final String TABLE = "reports_file_log";
    private static final int CHUNK = 4 * 1024 * 1024;
    /** how many first bytes tell a file from another */
    private static final int HEAD = 1024;
    /** reports_file_log's columns and their widths, in the order of {@link #parse} */
    private static final String[] COLUMNS = {"time", "callid", "queuename", "agent", "event", "data1", "data2",
        "data3", "data4", "data5"};
    private static final java.util.regex.Pattern EPOCH = java.util.regex.Pattern.compile("\\d{1,12}");
    private static final int[] WIDTHS = {0, 80, 256, 80, 32, 100, 100, 100, 100, 100};

    private final Jdbi jdbi;
    private final Path path;
    private final ZoneId pbxZone;
    /** lines of this file set aside; -1 until counted. Read by status() on other threads */
    private volatile long setAside = -1;

    QueueLogFile(Jdbi jdbi, Path path, ZoneId pbxZone) {
        this.jdbi = jdbi;
        this.path = path;
        this.pbxZone = pbxZone;
    }

    String source() {
        return "file:" + path;
    }

    /** @return lines of the file set aside (reports_set_aside), as of the last follow */
    long setAside() {
        return Math.max(0, setAside);
    }

    private record State(long offset, String fingerprint) {
    }

    /** @return lines copied */
    long follow() {
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("queue_log.file " + path + " cannot be read");
        }
        if (setAside < 0) {
            setAside = SetAside.count(jdbi, source());
        }
        try {
            String keyBefore = fileKey(path);
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                String key = fileKey(path);
                if (!key.equals(keyBefore)) {
                    return 0; // replaced while being opened: the next run reads the new one
                }
                State state = jdbi.withHandle(h -> h.createQuery("SELECT position, fingerprint FROM reports_state "
                        + "WHERE source = :s").bind("s", source()).map((rs, ctx) -> new State(rs.getLong(1),
                                rs.getString(2))).findOne().orElse(new State(0, "")));
                long copied = 0;
                boolean another = state.fingerprint().isEmpty() ? channel.size() < state.offset()
                        : !isSame(channel, key, state);
                if (another) {
                    copied += restOfOldFile(state);
                    saveState(0, identity(channel, key, 0));
                    state = new State(0, "");
                }
                return copied + copy(channel, state.offset(), path, next -> identity(channel, key, next));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("queue_log.file " + path + ": " + e.getMessage(), e);
        }
    }

    /** @return whether the file open is the one read before: its inode (where known) and first bytes */
    private static boolean isSame(FileChannel channel, String key, State state) throws IOException {
        return state.fingerprint().equals(identity(channel, key, state.offset()))
                && channel.size() >= state.offset();
    }

    /**
     * Copies the lines of the file read before that were written after the last read, when it is still next to
     * the followed one (renamed by a rotation, or copied before the followed one was emptied).
     */
    private long restOfOldFile(State state) throws IOException {
        Optional<Path> old = Optional.empty();
        if (state.offset() > 0 && path.getParent() != null) {
            String name = path.getFileName().toString();
            try (Stream<Path> files = Files.list(path.getParent())) {
                for (Path candidate : files.filter(f -> f.getFileName().toString().startsWith(name) && !f.equals(path)
                        && Files.isRegularFile(f) && Files.isReadable(f)).sorted().toList()) {
                    try (FileChannel channel = FileChannel.open(candidate, StandardOpenOption.READ)) {
                        // renamed (the same inode) or copied (copytruncate): either starts as the file read did
                        if (sameHead(channel, state)) {
                            old = Optional.of(candidate);
                            break;
                        }
                    }
                }
            }
        }
        if (old.isEmpty()) {
            if (state.offset() > 0) {
                LOG.warn("Reports: queue_log file {} is another file than the one read up to byte {} (rotated or "
                        + "replaced), and that one is not next to it: lines written to it after the last read, if any, "
                        + "are not counted. Reading {} from its start", path, state.offset(), path);
            }
            return 0;
        }
        LOG.info("Reports: queue_log file {} was rotated: reading the rest of {} from byte {}, then {} from its start",
                path, old.get(), state.offset(), path);
        try (FileChannel channel = FileChannel.open(old.get(), StandardOpenOption.READ)) {
            return copy(channel, state.offset(), old.get(), next -> state.fingerprint());
        }
    }

    /** @return whether the file starts as the one read before did (a copy of it: its inode is another) */
    private static boolean sameHead(FileChannel channel, State state) throws IOException {
        return channel.size() >= state.offset() && state.fingerprint().endsWith(";" + head(channel, state.offset()));
    }

    /** The fingerprint stored with a position. */
    private interface Fingerprint {
        String at(long position) throws IOException;
    }

    /**
     * Copies the complete lines from {@code offset} on, chunk by chunk, each with the position reached in one
     * transaction.
     *
     * @param fingerprintAt the fingerprint to store with a position
     */
    private long copy(FileChannel channel, long offset, Path file, Fingerprint fingerprintAt)
            throws IOException {
        long copied = 0;
        while (offset < channel.size()) {
            byte[] bytes = read(channel, offset, (int) Math.min(CHUNK, channel.size() - offset));
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            List<String[]> lines = new ArrayList<>();
            List<SetAside.Entry> unfitLines = new ArrayList<>();
            long next;
            if (end == 0) {
                if (bytes.length < CHUNK) {
                    return copied; // the last line is not complete yet
                }
                long newline = nextNewline(channel, offset + bytes.length);
                if (newline < 0) {
                    return copied;
                }
                unfitLines.add(new SetAside.Entry(offset, new String(bytes, 0, 10_000, StandardCharsets.UTF_8),
                        "a line longer than " + CHUNK + " bytes"));
                next = newline + 1;
            } else {
                int start = 0;
                for (int i = 0; i < end; i++) {
                    if (bytes[i] == '\n') {
                        String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                        String[] fields = parse(line);
                        String reason = fields == null ? "not a queue_log line (epoch|callid|queue|agent|event|...)"
                                : unfit(fields);
                        if (reason == null) {
                            lines.add(fields);
                        } else if (!line.isBlank()) {
                            unfitLines.add(new SetAside.Entry(offset + start, line, file.equals(path) ? reason
                                    : reason + " (in " + file.getFileName() + ")"));
                        }
                        start = i + 1;
                    }
                }
                next = offset + end;
            }
            String fingerprint = fingerprintAt.at(next);
            jdbi.useTransaction(h -> {
                try {
                    insertLines.execute(h.getConnection(), lines);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("Reports: copying queue_log lines failed: " + e.getMessage(), e);
                }
                SetAside.write(h, source(), unfitLines);
                saveState(h, next, fingerprint);
            });
            SetAside.log(source(), unfitLines);
            setAside += unfitLines.size();
            copied += lines.size();
            offset = next;
        }
        return copied;
    }

    /** The lines of a chunk, in multi-row INSERTs. */
    private final MultiRowInsert<String[]> insertLines = new MultiRowInsert<>("INSERT INTO " + TABLE + " (time, callid, "
            + "queuename, agent, event, data1, data2, data3, data4, data5) VALUES", 10, "", (s, i, f) -> {
                s.setObject(i, time(f[0]));
                for (int field = 1; field < 10; field++) {
                    s.setString(i + field, f[field]);
                }
            });

    private LocalDateTime time(String epoch) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(Long.parseLong(epoch)), pbxZone);
    }

    /** @return why reports_file_log cannot hold the line, or null */
    private String unfit(String[] fields) {
        int year = time(fields[0]).getYear();
        if (year < 1001 || year > 9998) {
            return "time " + fields[0] + " is outside what the reports store (years 1001 to 9998)";
        }
        for (int i = 1; i < fields.length; i++) {
            if (SetAside.tooLong(fields[i], WIDTHS[i])) {
                return COLUMNS[i] + " longer than " + WIDTHS[i] + " characters (" + TABLE + "." + COLUMNS[i] + ")";
            }
        }
        return null;
    }

    private void saveState(long position, String fingerprint) {
        jdbi.useHandle(h -> saveState(h, position, fingerprint));
    }

    private void saveState(org.jdbi.v3.core.Handle h, long position, String fingerprint) {
        h.createUpdate("INSERT INTO reports_state (source, position, fingerprint) VALUES (:s, :p, :f) "
                + "ON DUPLICATE KEY UPDATE position = VALUES(position), fingerprint = VALUES(fingerprint)")
                .bind("s", source()).bind("p", position).bind("f", fingerprint).execute();
    }

    /** @return the file's inode and a hash of its first bytes up to {@code position} (at most {@link #HEAD}) */
    private static String identity(FileChannel channel, String key, long position) throws IOException {
        return "key=" + key + ";" + head(channel, position);
    }

    private static String head(FileChannel channel, long position) throws IOException {
        int length = (int) Math.min(HEAD, Math.min(position, channel.size()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(read(channel, 0, length));
            return "head=" + length + ":" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the file's identity as the system gives it (on Linux its device and inode); "" where there is none */
    private static String fileKey(Path file) throws IOException {
        Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        return key == null ? "" : key.toString();
    }

    private static byte[] read(FileChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
            // a read may return fewer bytes than asked
        }
        return buffer.position() == length ? buffer.array() : java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** @return the offset of the next newline at or after {@code from}, -1 if none yet */
    private static long nextNewline(FileChannel channel, long from) throws IOException {
        for (long at = from; at < channel.size(); at += CHUNK) {
            byte[] bytes = read(channel, at, (int) Math.min(CHUNK, channel.size() - at));
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    return at + i;
                }
            }
        }
        return -1;
    }

    /**
     * @return time (epoch seconds), callid, queuename, agent, event, data1..data5 (more than five data fields are
     *         joined into data5 with '|'); null for a line that is not a queue_log line
     */
    static String[] parse(String line) {
        String[] parts = line.strip().split("\\|", -1);
        if (parts.length < 5 || !EPOCH.matcher(parts[0]).matches()) {
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
