package org.callscore.recording.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

import org.callscore.recording.RecordingRefusedException;

/**
 * The one folder recordings are served from. A stored name is only ever taken relative to it, and the file it
 * names must, once every link is resolved, still lie inside it: a name with {@code ..}, an encoded character, an
 * absolute path or a link leading out is refused.
 */
final class RecordingsFolder {

    private final Path root;

    RecordingsFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /**
     * @param relative a name as stored in the index
     * @return the file's real path, inside the folder
     * @throws RecordingRefusedException naming why not
     */
    Path open(String relative) {
        if (relative == null || relative.isEmpty()) {
            throw new RecordingRefusedException("no file");
        }
        if (relative.startsWith("/") || relative.startsWith("\\") || relative.contains("\\")
                || relative.contains(":") || relative.indexOf('\0') >= 0) {
            throw new RecordingRefusedException("outside the folder: an absolute path");
        }
        if (relative.contains("%")) {
            throw new RecordingRefusedException("outside the folder: an encoded name");
        }
        for (String part : relative.split("/")) {
            if (part.equals("..") || part.equals(".") || part.isEmpty()) {
                throw new RecordingRefusedException("outside the folder: '" + part + "' in the path");
            }
        }
        try {
            Path realRoot = root.toRealPath();
            Path real = root.resolve(relative).toRealPath();
            if (!real.startsWith(realRoot)) {
                throw new RecordingRefusedException("outside the folder: a link leads out of it");
            }
            if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                throw new RecordingRefusedException("not a file");
            }
            return real;
        } catch (NoSuchFileException e) {
            throw new RecordingRefusedException("file missing");
        } catch (IOException e) {
            throw new RecordingRefusedException("file unreadable: " + e.getClass().getSimpleName());
        }
    }

    /**
     * @return why the folder cannot be read (no permission to it or a folder above, a file in its place, a dead
     *         mount), or empty when it can, or does not exist yet: Asterisk makes the folders it records into
     */
    Optional<String> problem() {
        try {
            if (!Files.readAttributes(root, BasicFileAttributes.class).isDirectory()) {
                return unreadable("a file, not a folder");
            }
            try (DirectoryStream<Path> listed = Files.newDirectoryStream(root)) {
                return Optional.empty(); // opened is enough: that is where a permission or a dead mount fails
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (AccessDeniedException e) {
            return unreadable("permission denied" + (root.toString().equals(e.getFile()) ? "" : " on " + e.getFile()));
        } catch (FileSystemException e) {
            return unreadable(e.getReason() == null ? e.getClass().getSimpleName() : e.getReason());
        } catch (IOException e) {
            return unreadable(e.toString());
        }
    }

    private Optional<String> unreadable(String why) {
        return Optional.of("the recordings folder " + root + " is unreadable: " + why);
    }

    /** @return the usable space where the folder is (or would be: Asterisk makes the folders it records into) */
    long freeSpace() {
        Path existing = root;
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? 0 : existing.toFile().getUsableSpace();
    }

    /** @return the file's size, or -1 when it is missing (or refused) */
    long size(String relative) {
        try {
            return Files.size(open(relative));
        } catch (RecordingRefusedException | IOException e) {
            return -1;
        }
    }
}
