package org.callscore.testing.components;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

import org.callscore.storage.BackgroundTask;
import org.callscore.testing.files.Folders;

/**
 * What every catalog that scans a folder of definition files must survive, whatever the module: the folder
 * going away (the catalog empties, the scans go on) and coming back with a file dropped in later (a later
 * run loads it and the old problems are gone).
 */
public final class FolderScans {

    private FolderScans() {
    }

    /**
     * Removes the folder, waits for a scan of it, then creates it again with one definition file.
     *
     * @param names what the catalog serves, by name (a file's name without its extension)
     * @param problems the files the catalog refused, by file name
     */
    public static void survivesAVanishedFolder(BackgroundTask task, Path folder, Supplier<? extends Collection<String>> names,
            Supplier<? extends Map<String, ?>> problems, String droppedFile, String definition) throws IOException {
        Folders.remove(folder);
        Eventually.anotherRun(task, "a scan of the missing folder");
        if (!names.get().isEmpty()) {
            throw new AssertionError("the catalog still serves " + names.get() + " from a folder that is gone");
        }
        Files.createDirectory(folder);
        Files.writeString(folder.resolve(droppedFile), definition);
        String name = droppedFile.substring(0, droppedFile.lastIndexOf('.'));
        Eventually.until(droppedFile + ", dropped in later, is loaded", () -> names.get().contains(name));
        if (!problems.get().isEmpty()) {
            throw new AssertionError("problems left after the folder came back: " + problems.get());
        }
    }
}
