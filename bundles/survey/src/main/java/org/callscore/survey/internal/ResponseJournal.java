package org.callscore.survey.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Survey events waiting for MariaDB, one line each, in the order they happened, on disk before
 * {@link #append} returns. The file is the only state: a call still running in a stopped or updated bundle
 * appends to the same file that the bundle's new instance replays, each step under a file lock. A line that
 * cannot be read back (a write cut short by a power cut, a hand edit) is moved to a {@code .rejected} file
 * beside it and logged, never silently dropped.
 */
final class ResponseJournal {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseJournal.class);

    private final Path file;
    private final Path lockFile;

    ResponseJournal(Path file) {
        this.file = file;
        this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the survey journal " + file, e);
        }
    }

    /** @return where events that MariaDB refuses for good are kept for the administrator */
    Path rejectedFile() {
        return file.resolveSibling(file.getFileName() + ".rejected");
    }

    void append(ResponseEvent event) {
        locked(() -> {
            writeDurably(file, event.toLine() + "\n", StandardOpenOption.APPEND);
            return null;
        });
    }

    /** Keeps an event MariaDB refuses for good out of the way, for a person to look at. */
    void reject(ResponseEvent event) {
        locked(() -> {
            writeDurably(rejectedFile(), event.toLine() + "\n", StandardOpenOption.APPEND);
            return null;
        });
    }

    List<ResponseEvent> events() {
        return Files.exists(file) ? locked(this::read) : List.of();
    }

    boolean holds(String responseId) {
        return events().stream().anyMatch(e -> e.responseId().equals(responseId));
    }

    int size() {
        return events().size();
    }

    /**
     * Forgets events once they are in the database. Only a leading run equal to {@code written} goes: events
     * appended meanwhile stay, and a second replayer's copy of the same events removes nothing more.
     */
    void remove(List<ResponseEvent> written) {
        locked(() -> {
            List<ResponseEvent> events = new ArrayList<>(read());
            int count = 0;
            while (count < written.size() && count < events.size()
                    && events.get(count).toLine().equals(written.get(count).toLine())) {
                count++;
            }
            events.subList(0, count).clear();
            rewrite(events);
            return null;
        });
    }

    private List<ResponseEvent> read() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<ResponseEvent> events = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
            String line = text.substring(start, end);
            start = end + 1;
            try {
                events.add(ResponseEvent.parse(line));
            } catch (IllegalArgumentException e) {
                unreadable.add(line);
                LOG.error("Survey journal {}: unreadable line moved to {}: {}", file, rejectedFile(), e.getMessage());
            }
        }
        if (start < text.length()) {
            unreadable.add(text.substring(start));
            LOG.error("Survey journal {}: incomplete last line (a cut-off write) moved to {}", file, rejectedFile());
        }
        if (!unreadable.isEmpty()) {
            writeDurably(rejectedFile(), String.join("\n", unreadable) + "\n", StandardOpenOption.APPEND);
            rewrite(events);
        }
        return events;
    }

    /** Replaces the file in one step, so a crash leaves either the old or the new journal. */
    private void rewrite(List<ResponseEvent> events) throws IOException {
        if (events.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        StringBuilder text = new StringBuilder();
        events.forEach(e -> text.append(e.toLine()).append('\n'));
        Path next = file.resolveSibling(file.getFileName() + ".next");
        writeDurably(next, text.toString(), StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Returns once the text is on the disk, not only in the page cache. */
    private static void writeDurably(Path path, String text, StandardOpenOption mode) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
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
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            while (true) {
                try (FileLock lock = channel.lock()) {
                    return step.run();
                } catch (OverlappingFileLockException held) {
                    Thread.sleep(1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("survey journal " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the survey journal " + file, e);
        }
    }
}
