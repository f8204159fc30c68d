package org.callscore.recording;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A recording file opened for a listener: checked to lie inside the configured recordings folder (after resolving
 * every link) at the moment it was opened.
 *
 * @param recording   the recording
 * @param path        the file, real path
 * @param sizeBytes   its size now
 * @param contentType its MIME type, e.g. {@code audio/wav}
 */
public record RecordingFile(Recording recording, Path path, long sizeBytes, String contentType) {

    public RecordingFile {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(contentType, "contentType");
    }
}
