package org.callscore.support.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What every module that stores needs besides the database: its files under Karaf's folders (definitions in
 * {@code etc/}, journals in {@code data/}). Its scans and replays run as a periodic task.
 */
public final class ModuleFiles {

    /** The largest definition file read (a survey, a menu file, a calendar); real ones are a few KiB. */
    public static final int MAX_DEFINITION_BYTES = 1 << 20;

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

    /**
     * Reads a definition file an administrator put in a module's folder. Whatever else lands there (a pipe,
     * which would block the scan for ever; a copied log of gigabytes, which would not fit in memory) is an
     * {@link IOException} whose message says what is wrong with the file, never a stuck or failed scan.
     *
     * @throws IOException when it is not a regular file, exceeds {@value #MAX_DEFINITION_BYTES} bytes, is not
     *                     UTF-8 text or cannot be read
     */
    public static String readDefinition(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new IOException("it is not a regular file (a folder, pipe or device?)");
        }
        byte[] bytes;
        if (attributes.size() <= MAX_DEFINITION_BYTES) {
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_DEFINITION_BYTES + 1);
            }
        } else {
            bytes = null;
        }
        if (bytes == null || bytes.length > MAX_DEFINITION_BYTES) {
            throw new IOException("it is larger than " + MAX_DEFINITION_BYTES / 1024 + " KiB (" + attributes.size()
                    + " bytes): not a definition file");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("it is not UTF-8 text (save it as UTF-8)", e);
        }
    }
}
