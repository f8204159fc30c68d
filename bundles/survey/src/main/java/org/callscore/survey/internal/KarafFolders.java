package org.callscore.survey.internal;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** What the survey module's components share: paths relative to Karaf's folders, and their one background thread. */
final class KarafFolders {

    private KarafFolders() {
    }

    /**
     * @param karafFolder the system property naming the folder, e.g. {@code karaf.etc}
     * @return the configured path, taken from that Karaf folder when it is relative
     */
    static Path resolve(String karafFolder, String fallback, String configured) {
        Path path = Path.of(configured);
        return path.isAbsolute() ? path : Path.of(System.getProperty(karafFolder, fallback)).resolve(path);
    }

    /** A single daemon thread with a name that says whose it is in a thread dump. */
    static ScheduledExecutorService backgroundThread(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
