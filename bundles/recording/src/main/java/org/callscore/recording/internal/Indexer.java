package org.callscore.recording.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.callscore.recording.RecordingKind;
import org.callscore.recording.RecordingRefusedException;
import org.callscore.recording.RecordingState;
import org.callscore.recording.internal.CallMatch.Found;
import org.callscore.recording.internal.RecordingStore.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index up to date with the folder: recordings become ready once their size has stopped changing and
 * they hold more than a bare header (and are forgotten, file and all, when they never did); ready recordings get
 * their caller, agent and queue from the CDR and queue_log; the folder walk indexes files the dialplan's step
 * could not report (MariaDB down) and notes the files nobody can match.
 */
final class Indexer {

    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
    private static final int BATCH = 500;

    private final RecordingStore store;
    private final RecordingsFolder folder;
    private final CallMatch match;
    private final Duration settle;
    private final Duration abandon;
    private final Duration matchFor;
    private final VoiceMessages messages;
    private final Clock clock;
    /** Where matching goes on: recordings still waiting for their CDR row do not hold up the ones after them. */
    private long matchedUpTo;
    /** The same for the recordings in progress: a site may have more calls recording at once than one batch. */
    private long checkedUpTo;

    /**
     * @param settle   a file whose size has not changed for this long is finished
     * @param abandon  a recording never stopped and still without sound after this long is forgotten
     * @param matchFor how long the CDR row of a ready recording is waited for before it is indexed without a caller
     * @param messages what a voicemail must hold to be kept
     */
    Indexer(RecordingStore store, RecordingsFolder folder, CallMatch match, Duration settle, Duration abandon,
            Duration matchFor, VoiceMessages messages, Clock clock) {
        this.store = store;
        this.messages = messages;
        this.folder = folder;
        this.match = match;
        this.settle = settle;
        this.abandon = abandon;
        this.matchFor = matchFor;
        this.clock = clock;
    }

    /** One pass over the recordings in progress and the ready ones not matched yet. */
    void run() {
        Instant now = clock.instant();
        List<Row> recording = store.inState(RecordingState.RECORDING, checkedUpTo, BATCH);
        checkedUpTo = next(recording);
        for (Row row : recording) {
            check(row, now);
        }
        List<Row> unmatched = store.unmatched(matchedUpTo, BATCH);
        matchedUpTo = next(unmatched);
        for (Row row : unmatched) {
            Found found = match.find(row.channelUniqueId(), row.recording().linkedId());
            if (found.inCdr() || !row.recording().startedAt().plus(matchFor).isAfter(now)) {
                store.matched(row.recording().id(), found.callerUniqueId(), found.caller(), found.agent(),
                        found.queue());
            }
        }
    }

    /** @return where the next run goes on: after this batch, or from the start when it was the last */
    private static long next(List<Row> batch) {
        return batch.size() < BATCH ? 0 : batch.get(batch.size() - 1).recording().id();
    }

    private void check(Row row, Instant now) {
        long id = row.recording().id();
        String format = row.recording().format();
        long size = row.file().map(folder::size).orElse(-1L);
        if (AudioFiles.holdsSound(format, size)) {
            boolean unchanged = row.seenSize().equals(Optional.of(size));
            if (unchanged && !row.seenSince().get().plus(settle).isAfter(now)) {
                ready(row, size);
            } else if (!unchanged) {
                store.seen(id, size, now);
            }
            return;
        }
        boolean over = row.stoppedAt().map(t -> !t.plus(settle).isAfter(now)).orElse(false)
                || !row.recording().startedAt().plus(abandon).isAfter(now);
        if (over) {
            if (size >= 0) {
                deleteBare(row.file().get(), format);
            }
            store.forget(id);
            LOG.debug("Recording {}: no sound was recorded (file {}), no entry kept", id,
                    size < 0 ? "missing" : "a bare header");
        }
    }

    private void ready(Row row, long size) {
        String file = row.file().get();
        try {
            Path path = folder.open(file);
            if (row.recording().kind() == RecordingKind.VOICEMAIL
                    && !messages.holdsMessage(path, row.recording().format(), size)) {
                // a caller who hung up without speaking: no message, no entry
                Files.deleteIfExists(path);
                store.forget(row.recording().id());
                LOG.debug("Recording {}: a voicemail without a message, no entry kept", row.recording().id());
                return;
            }
            Optional<Duration> duration = AudioFiles.duration(path, row.recording().format(), size)
                    .or(() -> row.stoppedAt().map(t -> Duration.between(row.recording().startedAt(), t)));
            store.ready(row.recording().id(), size, duration, AudioFiles.sha256(path));
        } catch (RecordingRefusedException | IOException e) {
            LOG.warn("Recording {}: file {} cannot be read ({}); tried again at the next scan", row.recording().id(),
                    file, e.getMessage());
        }
    }

    private void deleteBare(String file, String format) {
        try {
            Path path = folder.open(file);
            if (!AudioFiles.holdsSound(format, Files.size(path))) {
                Files.deleteIfExists(path);
            }
        } catch (RecordingRefusedException | IOException e) {
            LOG.debug("Bare recording file {} not deleted: {}", file, e.getMessage());
        }
    }

    /**
     * Walks the folder's recent part: the files at its top (voice comments, files others put there) and each
     * server's day folders of the last {@code days} days (UTC), so that a walk costs the same at ten million
     * recordings as at ten. A file named as CallScore names them but not indexed is indexed (started at its last
     * change, the best that is known); any other file nobody indexed is noted as a stray.
     *
     * @return how many strays were found in this walk
     */
    int walk(int days) {
        Path root = folder.root();
        if (!Files.isDirectory(root)) {
            return 0;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int strays = 0;
        try (Stream<Path> top = Files.list(root)) {
            for (Path entry : (Iterable<Path>) top::iterator) {
                if (Files.isRegularFile(entry)) {
                    strays += index(root, entry);
                } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    for (int d = 0; d < Math.max(1, days); d++) {
                        strays += walkDay(root, entry.resolve(today.minusDays(d).toString()));
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Recordings folder {} could not be walked: {}", root, e.getMessage());
        }
        return strays;
    }

    private int walkDay(Path root, Path day) throws IOException {
        if (!Files.isDirectory(day, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int strays = 0;
        try (Stream<Path> files = Files.list(day)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    strays += index(root, file);
                }
            }
        }
        return strays;
    }

    /** @return 1 when the file is a stray, else 0 */
    private int index(Path root, Path path) {
        String relative = root.relativize(path).toString().replace('\\', '/');
        if (relative.length() > 255 || store.indexed(relative)) {
            return 0;
        }
        Optional<FileNames.Parsed> parsed = FileNames.parse(relative);
        if (parsed.isEmpty()) {
            store.stray(relative, sizeOf(path), clock.instant());
            return 1;
        }
        FileNames.Parsed p = parsed.get();
        long id = store.insertRecording(p.server(), p.uniqueId(), Optional.empty(), p.kind(), lastChange(path),
                p.format(), relative).id();
        LOG.info("Recording {}: indexed {} found in the folder scan", id, relative);
        return 0;
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    private Instant lastChange(Path path) {
        try {
            return Files.getLastModifiedTime(path).toInstant();
        } catch (IOException e) {
            return clock.instant();
        }
    }
}
