package org.callscore.ivr.internal;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The IVR module's folders (relative to Karaf's) and its named daemon threads. */
final class Background {

    private Background() {
    }

    /** @return {@code configured}, taken from the folder in the system property {@code karafFolder} when relative */
    static Path karafPath(String karafFolder, String fallback, String configured) {
        Path path = Path.of(configured);
        return path.isAbsolute() ? path : Path.of(System.getProperty(karafFolder, fallback)).resolve(path);
    }

    static ScheduledExecutorService thread(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
