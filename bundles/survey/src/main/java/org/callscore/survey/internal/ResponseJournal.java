package org.callscore.survey.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.callscore.support.files.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Survey events waiting for MariaDB, one line each, in the order they happened, on disk before
 * {@link #append} returns. The file is the shared state: a call still running in a stopped or updated bundle
 * appends to the same file that the bundle's new instance replays, each step under a file lock.
 * <p>
 * Appending costs the same whatever the journal holds: each instance remembers how many events of each
 * response the file holds and the file's identity, size and time as it last saw them. Only when another
 * instance changed the file does it read what changed (the new lines, or the whole file after a rewrite).
 * <p>
 * Lines are read as bytes and decoded strictly as UTF-8 one by one. A line that cannot be read back (not UTF-8
 * after a hand edit, not an event, cut short by a power cut) is moved, byte for byte, to a {@code .rejected}
 * file beside it and logged with its line number, never silently dropped, and never stops the others.
 */
final class ResponseJournal {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseJournal.class);

    private final Path file;
    private final Path lockFile;
    /** This instance's threads queue here, not on the file lock (which only tells JVMs or instances apart). */
    private final Object local = new Object();

    /**
     * Events of each response the file holds, as this instance knows: changed under local, read without it by
     * {@link #holds} (every caller's every event asks, and must not wait behind an fsync or a replay's rewrite);
     * replaced whole when the file is read again, so a reader never sees it half built.
     */
    private volatile Map<String, Integer> eventsByResponse = new ConcurrentHashMap<>();
    // the rest of what this instance knows of the file, guarded by local
    private int count;
    private Object knownKey;
    private long knownLength = -1; // not read yet
    private FileTime knownModified;
    private long fileReads;

    ResponseJournal(Path file) {
        this.file = file;
        this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the survey journal " + file, e);
        }
        try {
            locked(() -> {
                catchUp(); // what waits from before a restart, with unreadable lines set aside
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Survey journal {} cannot be read now ({}); it is read again at its next use", file,
                    e.getMessage());
        }
    }

    Path file() {
        return file;
    }

    /** @return where events that MariaDB refuses for good, and lines that cannot be read, are kept */
    Path rejectedFile() {
        return file.resolveSibling(file.getFileName() + ".rejected");
    }

    /** An event waiting to be appended; {@code written} and {@code failure} are set under {@code local}. */
    private static final class Appending {
        final ResponseEvent event;
        final byte[] line;
        boolean written;
        boolean first;
        IOException failure;

        Appending(ResponseEvent event) {
            this.event = event;
            this.line = (event.toLine() + "\n").getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Events handed to {@link #append} that no thread has written yet, oldest first. */
    private final List<Appending> appending = new ArrayList<>();

    /**
     * Adds an event at the end, on disk when it returns. Callers appending at the same moment share one write and
     * one fsync: the thread that gets the lock writes every event waiting, so a busy journal costs each caller
     * about one fsync, not one per caller ahead of it.
     *
     * @return whether the journal held nothing before this event (the first of an outage)
     */
    boolean append(ResponseEvent event) {
        Appending mine = new Appending(event);
        synchronized (appending) {
            appending.add(mine);
        }
        synchronized (local) {
            if (!mine.written && mine.failure == null) {
                try {
                    locked(this::appendWaiting);
                } catch (RuntimeException e) {
                    synchronized (appending) {
                        appending.remove(mine); // not even taken (the lock failed): its caller logs it, nobody writes it
                    }
                    throw e;
                }
            }
            if (mine.failure != null) {
                throw new UncheckedIOException("survey journal " + file + ": " + mine.failure.getMessage(),
                        mine.failure);
            }
            return mine.first;
        }
    }

    /** Writes every event waiting, in the order handed over, with one fsync; holds the lock. */
    private Void appendWaiting() throws IOException {
        List<Appending> batch;
        synchronized (appending) {
            batch = new ArrayList<>(appending);
            appending.clear();
        }
        if (batch.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        batch.forEach(waiting -> lines.writeBytes(waiting.line));
        try {
            catchUp();
            boolean empty = count == 0;
            DurableFiles.append(file, lines.toByteArray()); // a failed write leaves no half line for the next one to be glued to
            knownLength += lines.size();
            remember(Files.readAttributes(file, BasicFileAttributes.class));
            batch.forEach(waiting -> add(waiting.event.responseId(), 1));
            batch.forEach(waiting -> waiting.written = true);
            batch.get(0).first = empty;
        } catch (IOException | RuntimeException e) {
            IOException failure = e instanceof IOException io ? io : new IOException(e.toString(), e);
            batch.forEach(waiting -> waiting.failure = failure);
            throw e;
        }
        return null;
    }

    /** Keeps an event MariaDB refuses for good out of the way, for a person to look at. */
    void reject(ResponseEvent event) {
        locked(() -> {
            DurableFiles.append(rejectedFile(), (event.toLine() + "\n").getBytes(StandardCharsets.UTF_8));
            return null;
        });
    }

    /** @return every event waiting, in order (read from the file: for the replay, not the call path) */
    List<ResponseEvent> events() {
        return locked(() -> {
            catchUp();
            return Files.exists(file) ? scan(readAll()).events : List.of();
        });
    }

    /**
     * @return whether an event of the response waits, as this instance knows (no file access): a response's
     *         events are all recorded by one call, in one instance, so its own appends are always known here
     */
    boolean holds(String responseId) {
        return eventsByResponse.containsKey(responseId);
    }

    /** @return how many events wait, with what other instances appended (a look at the file's size, no read) */
    int size() {
        try {
            return locked(() -> {
                catchUp();
                return count;
            });
        } catch (RuntimeException unreadable) {
            synchronized (local) {
                return count; // what this instance knows is the best answer left
            }
        }
    }

    /** @return how many times the whole file was read (to show that appending does not) */
    long fileReads() {
        synchronized (local) {
            return fileReads;
        }
    }

    /**
     * Forgets events once they are in the database. Only a leading run equal to {@code written} goes: events
     * appended meanwhile stay, and a second replayer's copy of the same events removes nothing more.
     */
    void remove(List<ResponseEvent> written) {
        if (written.isEmpty()) {
            return;
        }
        locked(() -> {
            catchUp();
            if (!Files.exists(file)) {
                return null;
            }
            byte[] bytes = readAll();
            int offset = 0;
            int removed = 0;
            for (ResponseEvent event : written) {
                byte[] line = (event.toLine() + "\n").getBytes(StandardCharsets.UTF_8);
                if (offset + line.length > bytes.length
                        || !Arrays.equals(bytes, offset, offset + line.length, line, 0, line.length)) {
                    break;
                }
                offset += line.length;
                removed++;
            }
            if (removed > 0) {
                rewrite(bytes, offset);
                written.subList(0, removed).forEach(e -> add(e.responseId(), -1));
            }
            return null;
        });
    }

    /** Brings what this instance knows up to the file, reading only what another instance changed. */
    private void catchUp() throws IOException {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException none) {
            forget();
            eventsByResponse = new ConcurrentHashMap<>(); // nothing waits
            knownLength = 0;
            return;
        }
        boolean sameFile = knownLength >= 0 && Objects.equals(knownKey, key(now));
        if (sameFile && now.size() == knownLength && now.lastModifiedTime().equals(knownModified)) {
            return;
        }
        if (sameFile && now.size() > knownLength) {
            Scan tail = scan(readFrom(knownLength));
            if (tail.unreadable.isEmpty() && tail.events.size() == tail.lines) {
                tail.events.forEach(e -> add(e.responseId(), 1));
                knownLength = now.size();
                remember(now);
                return;
            }
        }
        reload();
    }

    /** Reads the whole file, sets unreadable lines aside, and counts what waits. */
    private void reload() throws IOException {
        fileReads++;
        forget();
        byte[] bytes = readAll();
        Scan scan = scan(bytes);
        if (!scan.unreadable.isEmpty()) {
            ByteArrayOutputStream rejected = new ByteArrayOutputStream();
            for (Unreadable line : scan.unreadable) {
                rejected.write(line.bytes);
                rejected.write('\n');
                LOG.error("Survey journal {}, line {}: {}; the line is moved to {}", file, line.number, line.why,
                        rejectedFile());
            }
            DurableFiles.append(rejectedFile(), rejected.toByteArray());
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            for (ResponseEvent event : scan.events) {
                kept.write((event.toLine() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            bytes = kept.toByteArray();
            rewrite(bytes, 0);
        } else {
            knownLength = bytes.length;
            remember(Files.readAttributes(file, BasicFileAttributes.class));
        }
        Map<String, Integer> waiting = new ConcurrentHashMap<>();
        scan.events.forEach(e -> waiting.merge(e.responseId(), 1, Integer::sum));
        count = scan.events.size();
        eventsByResponse = waiting;
    }

    private record Unreadable(int number, byte[] bytes, String why) {
    }

    private static final class Scan {
        final List<ResponseEvent> events = new ArrayList<>();
        final List<Unreadable> unreadable = new ArrayList<>();
        int lines;
    }

    /** Splits bytes into lines and decodes each on its own, so one bad line spoils nothing else. */
    private static Scan scan(byte[] bytes) {
        Scan scan = new Scan();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            scan.lines++;
            byte[] raw = Arrays.copyOfRange(bytes, start, end);
            if (end == bytes.length) {
                scan.unreadable.add(new Unreadable(scan.lines, raw, "incomplete last line (a write cut short)"));
                break;
            }
            try {
                CharBuffer text = utf8.reset().decode(ByteBuffer.wrap(raw));
                scan.events.add(ResponseEvent.parse(text.toString()));
            } catch (CharacterCodingException e) {
                scan.unreadable.add(new Unreadable(scan.lines, raw, "not UTF-8 (edited by hand?)"));
            } catch (IllegalArgumentException e) {
                scan.unreadable.add(new Unreadable(scan.lines, raw, "not a survey event: " + e.getMessage()));
            }
            start = end + 1;
        }
        return scan;
    }

    /** Replaces the file with its bytes from {@code from} in one step: a crash leaves the old or the new one. */
    private void rewrite(byte[] bytes, int from) throws IOException {
        if (from >= bytes.length) {
            Files.deleteIfExists(file);
            knownLength = 0;
            knownKey = null;
            knownModified = null;
            return;
        }
        Path next = file.resolveSibling(file.getFileName() + ".next");
        DurableFiles.replace(next, file, ByteBuffer.wrap(bytes, from, bytes.length - from));
        knownLength = bytes.length - from;
        remember(Files.readAttributes(file, BasicFileAttributes.class));
    }

    private void remember(BasicFileAttributes attributes) {
        knownKey = key(attributes);
        knownModified = attributes.lastModifiedTime();
    }

    /** The file's identity (device and inode on Linux): a rewrite by rename is a new file. */
    private static Object key(BasicFileAttributes attributes) {
        return attributes.fileKey() != null ? attributes.fileKey() : attributes.creationTime();
    }

    /** Forgets the file's place; what waits per response stays known until it is read again. */
    private void forget() {
        count = 0;
        knownKey = null;
        knownModified = null;
        knownLength = -1;
    }

    private void add(String responseId, int events) {
        count += events;
        eventsByResponse.merge(responseId, events, (a, b) -> a + b <= 0 ? null : a + b);
    }

    private byte[] readAll() throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException none) {
            return new byte[0];
        }
    }

    private byte[] readFrom(long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                InputStream in = new BufferedInputStream(Channels.newInputStream(channel.position(offset)))) {
            return in.readAllBytes();
        }
    }

    private interface Step<T> {
        T run() throws IOException;
    }

    /**
     * Runs a step holding the journal's lock. Within one JVM, a second holder (an older instance of this
     * bundle, still finishing a call) gets OverlappingFileLockException rather than waiting: it retries.
     */
    private <T> T locked(Step<T> step) {
        synchronized (local) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                while (true) {
                    try (FileLock lock = channel.lock()) {
                        return step.run();
                    } catch (OverlappingFileLockException held) {
                        Thread.sleep(1);
                    }
                }
            } catch (IOException e) {
                knownLength = -1; // read it again next time: what failed may have left it changed
                throw new UncheckedIOException("survey journal " + file + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the survey journal " + file, e);
            }
        }
    }
}
