package org.callscore.recording.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.callscore.recording.Listener;
import org.callscore.recording.Recording;
import org.callscore.recording.RecordingAccess;
import org.callscore.recording.RecordingRefusedException;
import org.callscore.recording.internal.RecordingStore.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention (days per queue, a default for the rest; 0 keeps for ever), purges that leave a tombstone and log what
 * they removed, and the integrity check against the stored SHA-256.
 */
public final class Keeping {

    private static final Logger LOG = LoggerFactory.getLogger(Keeping.class);

    /** A recording a rule would purge, and the rule. */
    public record Due(Recording recording, String file, String rule) {
    }

    /** A recording whose file is not what was indexed. */
    public record Problem(long id, String file, String what) {
    }

    private final RecordingStore store;
    private final RecordingsFolder folder;
    private final int defaultDays;
    private final Map<String, Integer> queueDays;
    private final Clock clock;

    Keeping(RecordingStore store, RecordingsFolder folder, int defaultDays, Map<String, Integer> queueDays,
            Clock clock) {
        this.store = store;
        this.folder = folder;
        this.defaultDays = defaultDays;
        this.queueDays = new TreeMap<>(queueDays);
        this.clock = clock;
    }

    /** Reads {@code sales:30,support:90}. */
    static Map<String, Integer> perQueue(String key, String value) {
        Map<String, Integer> days = new TreeMap<>();
        for (String item : value.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            int colon = item.lastIndexOf(':');
            try {
                days.put(item.substring(0, colon).trim(), Math.max(0, Integer.parseInt(item.substring(colon + 1).trim())));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(key + ": '" + item.trim() + "' is not QUEUE:DAYS (e.g. sales:30)");
            }
        }
        return days;
    }

    /** @return the recordings the rules purge now, held ones never, oldest first, at most {@code limit} per rule */
    List<Due> due(int limit) {
        Instant now = clock.instant();
        List<Due> due = new ArrayList<>();
        queueDays.forEach((queue, days) -> {
            if (days > 0) {
                store.expired(Optional.of(queue), List.of(), now.minus(Duration.ofDays(days)), limit)
                        .forEach(row -> due.add(due(row, "queue " + queue + ": " + days + " days")));
            }
        });
        if (defaultDays > 0) {
            store.expired(Optional.empty(), List.copyOf(queueDays.keySet()), now.minus(Duration.ofDays(defaultDays)),
                    limit).forEach(row -> due.add(due(row, "retention.days " + defaultDays)));
        }
        return due;
    }

    private static Due due(Row row, String rule) {
        return new Due(row.recording(), row.file().orElse(""), rule);
    }

    /** Removes the file, keeps the row as a tombstone, and logs it in the access log and at INFO. */
    void purge(Due due, Listener who) {
        Instant now = clock.instant();
        long id = due.recording().id();
        try {
            Files.deleteIfExists(folder.open(due.file()));
        } catch (RecordingRefusedException e) {
            LOG.debug("Recording {}: its file was already gone at the purge ({})", id, e.getMessage());
        } catch (IOException e) {
            LOG.warn("Recording {}: file {} could not be deleted ({}); not purged", id, due.file(), e.getMessage());
            return;
        }
        String what = "purged by " + due.rule() + ": file " + due.file() + ", " + due.recording().sizeBytes()
                + " bytes, sha256 " + due.recording().sha256().orElse("-");
        store.purged(id, now, due.rule());
        store.access(id, who.user(), who.address(), now, RecordingAccess.Action.PURGE, true, what);
        LOG.info("Recording {} {}", id, what);
    }

    /** Re-reads every ready recording's file against its stored SHA-256. */
    List<Problem> verify() {
        List<Problem> problems = new ArrayList<>();
        long after = 0;
        for (List<Row> batch; !(batch = store.readyAfter(after, 500)).isEmpty();) {
            for (Row row : batch) {
                after = row.recording().id();
                String file = row.file().orElse("");
                try {
                    String sha = AudioFiles.sha256(folder.open(file));
                    if (!row.recording().sha256().equals(Optional.of(sha))) {
                        problems.add(new Problem(after, file, "changed (SHA-256 " + sha + ")"));
                    }
                } catch (RecordingRefusedException | IOException e) {
                    problems.add(new Problem(after, file, e.getMessage()));
                }
            }
        }
        return problems;
    }
}
