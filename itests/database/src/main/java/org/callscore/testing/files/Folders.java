package org.callscore.testing.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Definition folders as an administrator changes them under a running scan. */
public final class Folders {

    private Folders() {
    }

    /** Removes the folder and the files in it (rm -r of a flat folder). */
    public static void remove(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }
}
