package org.callscore.support.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes that are on the disk when they return, not only in the page cache, for what a module keeps while
 * MariaDB does not answer (the survey journal, the IVR visit spool): a crash or power cut right after loses
 * nothing that was reported written.
 */
public final class DurableFiles {

    private DurableFiles() {
    }

    /**
     * Appends {@code bytes} to {@code file} (created if missing). When the write fails, the file is cut back
     * to its length before, so that no half record is left for the next one to be glued to.
     */
    public static void append(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            long before = channel.size();
            try {
                writeAll(channel, ByteBuffer.wrap(bytes));
                channel.force(false);
            } catch (IOException e) {
                channel.truncate(before);
                throw e;
            }
        }
    }

    /**
     * Makes {@code bytes} the whole content of {@code target} at once: written to {@code temporary} (beside it,
     * on the same file system), forced to the disk, then renamed over it, so that a reader sees the old file
     * or the new one, never a part.
     */
    public static void replace(Path temporary, Path target, ByteBuffer bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeAll(channel, bytes);
            channel.force(false);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writeAll(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
