package org.callscore.ivr.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import org.callscore.ivr.Action;
import org.callscore.ivr.IvrVisit;
import org.callscore.support.files.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Visits waiting for MariaDB: one file per visit ({@code ID.visit}, Java properties, so no caller-controlled
 * character can break it), on disk before {@link #put} returns. A visit is one event, so no order has to be
 * kept between files and no lock is needed: a file appears whole (written, forced to disk, then renamed into
 * place), it is deleted only after MariaDB has taken it, and writing a visit twice stores it once. A file
 * that cannot be read back (not UTF-8 after a hand edit, a key missing) is renamed {@code .rejected} for an
 * administrator, never silently dropped, and never stops the replay of the others.
 */
final class VisitSpool {

    private static final Logger LOG = LoggerFactory.getLogger(VisitSpool.class);
    private static final String SUFFIX = ".visit";
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

    private final Path folder;
    /** Files that could be neither read nor set aside, so that each is reported once, not at every replay. */
    private final Set<Path> stuck = ConcurrentHashMap.newKeySet();

    VisitSpool(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    void put(IvrVisit visit) {
        if (!ID.matcher(visit.id()).matches()) {
            throw new IllegalArgumentException("visit id " + visit.id() + " is not a UUID");
        }
        Properties p = new Properties();
        p.setProperty("id", visit.id());
        p.setProperty("tree", visit.tree());
        p.setProperty("version", visit.version());
        p.setProperty("uniqueid", visit.uniqueId());
        visit.linkedId().ifPresent(v -> p.setProperty("linkedid", v));
        p.setProperty("entry", visit.entryMenu());
        p.setProperty("exit.menu", visit.exitMenu());
        p.setProperty("path", visit.path());
        p.setProperty("keys", String.valueOf(visit.keys()));
        visit.exit().ifPresent(a -> p.setProperty("exit", a.toString()));
        p.setProperty("status", visit.status());
        p.setProperty("agent", String.valueOf(visit.agentRequested()));
        visit.open().ifPresent(o -> p.setProperty("open", String.valueOf(o)));
        p.setProperty("started", String.valueOf(visit.startedAt().toEpochMilli()));
        p.setProperty("ended", String.valueOf(visit.endedAt().toEpochMilli()));
        StringWriter text = new StringWriter();
        try {
            p.store(text, null);
            Files.createDirectories(folder);
            Path partial = folder.resolve(visit.id() + ".partial");
            DurableFiles.replace(partial, folder.resolve(visit.id() + SUFFIX),
                    ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("IVR visit spool " + folder + ": " + e.getMessage(), e);
        }
    }

    /** A visit in the spool, and the file to delete once it is written. */
    record Entry(Path file, IvrVisit visit) {
    }

    /**
     * @return the visits waiting, oldest file first; unreadable files are moved aside as {@code .rejected} (or,
     *         when even that fails, left where they are and reported once), never stopping the others
     */
    List<Entry> entries(BiConsumer<Path, String> unreadable) {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
                stream.forEach(files::add);
            } catch (IOException | DirectoryIteratorException e) {
                throw new UncheckedIOException("IVR visit spool " + folder + " cannot be listed: " + e.getMessage(),
                        e instanceof IOException io ? io : ((DirectoryIteratorException) e).getCause());
            }
        }
        files.sort((a, b) -> a.getFileName().compareTo(b.getFileName()));
        List<Entry> entries = new ArrayList<>();
        for (Path file : files) {
            if (stuck.contains(file)) {
                continue; // reported already; an administrator moves it
            }
            try {
                entries.add(new Entry(file, read(Files.readString(file, StandardCharsets.UTF_8))));
            } catch (NoSuchFileException gone) {
                // written and deleted by another replayer meanwhile
            } catch (IOException | RuntimeException e) {
                if (reject(file).isPresent()) {
                    unreadable.accept(file, e.toString());
                }
            }
        }
        return entries;
    }

    int size() {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            int count = 0;
            for (Path ignored : stream) {
                count++;
            }
            return count;
        } catch (IOException | DirectoryIteratorException e) {
            return -1;
        }
    }

    /** Forgets a visit MariaDB has; one that cannot be deleted is written again later, to no effect. */
    void remove(Entry entry) {
        try {
            Files.deleteIfExists(entry.file());
        } catch (IOException e) {
            if (stuck.add(entry.file())) {
                LOG.error("IVR visit spool: {} is in MariaDB but cannot be deleted ({}); delete it by hand",
                        entry.file(), e.toString());
            }
        }
    }

    /**
     * Keeps a file that MariaDB refuses for good (or that cannot be read) beside the spool, for a person.
     *
     * @return where it is kept; empty when it cannot be moved (reported once, then skipped by the replay)
     */
    Optional<Path> reject(Path file) {
        Path rejected = file.resolveSibling(file.getFileName() + ".rejected");
        try {
            Files.move(file, rejected, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(rejected);
        } catch (IOException e) {
            if (stuck.add(file)) {
                LOG.error("IVR visit spool: {} cannot be read or written and cannot be moved to {} ({}); the "
                        + "replay skips it: move it away by hand", file, rejected, e.toString());
            }
            return Optional.empty();
        }
    }

    private static IvrVisit read(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        Optional<Action> exit = Optional.ofNullable(p.getProperty("exit")).map(VisitSpool::action);
        return new IvrVisit(required(p, "id"), required(p, "tree"), required(p, "version"), required(p, "uniqueid"),
                Optional.ofNullable(p.getProperty("linkedid")), required(p, "entry"), required(p, "exit.menu"),
                required(p, "path"), Integer.parseInt(required(p, "keys")), exit, required(p, "status"),
                Boolean.parseBoolean(required(p, "agent")),
                Optional.ofNullable(p.getProperty("open")).map(Boolean::parseBoolean),
                Instant.ofEpochMilli(Long.parseLong(required(p, "started"))),
                Instant.ofEpochMilli(Long.parseLong(required(p, "ended"))));
    }

    private static Action action(String text) {
        int colon = text.indexOf(':');
        String word = colon < 0 ? text : text.substring(0, colon);
        return new Action(Action.Type.ofLabel(word).orElseThrow(() -> new IllegalArgumentException("exit " + text)),
                colon < 0 ? "" : text.substring(colon + 1));
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return value;
    }
}
