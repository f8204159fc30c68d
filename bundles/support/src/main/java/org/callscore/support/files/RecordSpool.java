package org.callscore.support.files;

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
import org.callscore.support.rules.Uuid;

/**
 * Records waiting for MariaDB, one file per record ({@code ID.SUFFIX}, Java properties, so no caller-controlled
 * character can break it), on the disk before {@link #put} returns: written, forced, then renamed into place. A
 * record is deleted only after MariaDB has it; writing one twice must store it once (the caller's id is the key).
 * A file that cannot be read back is renamed {@code .rejected} for an administrator, never silently dropped, and
 * never stops the others.
 */
public final class RecordSpool {

    /** A record in the spool, and the file to delete once it is written. */
    public record Entry(Path file, Properties record) {
    }

    private final Path folder;
    private final String suffix;
    private final BiConsumer<Path, String> stuckReport;
    /** Files that could be neither read nor set aside, so that each is reported once, not at every replay. */
    private final Set<Path> stuck = ConcurrentHashMap.newKeySet();

    /**
     * @param suffix      the file name ending, e.g. {@code .request}
     * @param stuckReport told once per file that can be neither deleted nor set aside (file, why)
     */
    public RecordSpool(Path folder, String suffix, BiConsumer<Path, String> stuckReport) {
        this.folder = folder;
        this.suffix = suffix;
        this.stuckReport = stuckReport;
    }

    public Path folder() {
        return folder;
    }

    /** Keeps the record under {@code id} (a UUID), replacing one of the same id. */
    public void put(String id, Properties record) {
        if (!Uuid.isValid(id)) {
            throw new IllegalArgumentException("spool id " + id + " is not a UUID");
        }
        StringWriter text = new StringWriter();
        try {
            record.store(text, null);
            Files.createDirectories(folder);
            DurableFiles.replace(folder.resolve(id + ".partial"), folder.resolve(id + suffix),
                    ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param unreadable told of each file set aside because it cannot be read (file, why)
     * @return the records waiting, oldest name first
     */
    public List<Entry> entries(BiConsumer<Path, String> unreadable) {
        List<Entry> entries = new ArrayList<>();
        for (Path file : files()) {
            if (stuck.contains(file)) {
                continue;
            }
            try {
                Properties record = new Properties();
                record.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
                entries.add(new Entry(file, record));
            } catch (NoSuchFileException gone) {
                // taken by another replay meanwhile
            } catch (IOException | RuntimeException e) {
                if (reject(file).isPresent()) {
                    unreadable.accept(file, e.toString());
                }
            }
        }
        return entries;
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*" + suffix)) {
                stream.forEach(files::add);
            } catch (IOException | DirectoryIteratorException e) {
                throw new UncheckedIOException("spool " + folder + " cannot be listed: " + e.getMessage(),
                        e instanceof IOException io ? io : ((DirectoryIteratorException) e).getCause());
            }
        }
        files.sort((a, b) -> a.getFileName().compareTo(b.getFileName()));
        return files;
    }

    /** @return how many records wait; -1 when the folder cannot be listed */
    public int size() {
        try {
            return files().size();
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    /** Forgets a record MariaDB has; one that cannot be deleted is written again later, to no effect. */
    public void remove(Entry entry) {
        try {
            Files.deleteIfExists(entry.file());
        } catch (IOException e) {
            if (stuck.add(entry.file())) {
                stuckReport.accept(entry.file(), "in MariaDB but cannot be deleted (" + e + "): delete it by hand");
            }
        }
    }

    /** @return where a record MariaDB refuses for good is kept for a person; empty when it cannot be moved */
    public Optional<Path> reject(Path file) {
        Path rejected = file.resolveSibling(file.getFileName() + ".rejected");
        try {
            Files.move(file, rejected, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(rejected);
        } catch (IOException e) {
            if (stuck.add(file)) {
                stuckReport.accept(file, "cannot be moved to " + rejected + " (" + e + "): the replay skips it");
            }
            return Optional.empty();
        }
    }

    /** @return a record's value of {@code key}; throws naming the key when the file has none (edited or cut) */
    public static String required(Properties record, String key) {
        String value = record.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return value;
    }

    /** An instant as a record keeps it: milliseconds since the epoch, read back by {@link #instant}. */
    public static String millis(Instant instant) {
        return String.valueOf(instant.toEpochMilli());
    }

    public static Instant instant(Properties record, String key) {
        return Instant.ofEpochMilli(Long.parseLong(required(record, key)));
    }
}
