package org.callscore.storage;

import java.nio.file.Path;

/**
 * What every module that stores needs besides the database: its files under Karaf's folders (definitions in
 * {@code etc/}, journals in {@code data/}). Its scans and replays run as a {@link PeriodicTask}.
 */
public final class ModuleFiles {

    private ModuleFiles() {
    }

    /**
     * @param karafFolder the system property naming the folder, e.g. {@code karaf.etc}
     * @param fallback    the folder when that property is not set (outside Karaf)
     * @return {@code configured}, taken from that Karaf folder when it is relative
     */
    public static Path resolve(String karafFolder, String fallback, String configured) {
        Path path = Path.of(configured);
        return path.isAbsolute() ? path : Path.of(System.getProperty(karafFolder, fallback)).resolve(path);
    }
}
