package org.callscore.testing.files;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** A file of gigabytes, as an administrator copying a log into a definition folder makes one by mistake. */
public final class HugeFile {

    /** 3 GiB: more than a Java array holds. */
    public static final long SIZE = 3L << 30;

    private HugeFile() {
    }

    /** Writes it sparse: it takes no disk space. */
    public static Path at(Path file) throws IOException {
        try (RandomAccessFile huge = new RandomAccessFile(file.toFile(), "rw")) {
            huge.setLength(SIZE);
        }
        return file;
    }
}
