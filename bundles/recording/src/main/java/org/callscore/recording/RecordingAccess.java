package org.callscore.recording;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the access log: every attempt to hear or download a recording, granted or not.
 *
 * @param recordingId the recording asked for (as given, even when no such recording exists)
 * @param user        who
 * @param address     from where
 * @param at          when
 * @param action      what was asked
 * @param granted     whether it was served
 * @param detail      why it was refused (no role, no such recording, purged, file missing, outside the folder), or
 *                    what was served (e.g. the byte range)
 */
public record RecordingAccess(long recordingId, String user, String address, Instant at, Action action,
        boolean granted, String detail) {

    /** What was asked. */
    public enum Action { PLAY, DOWNLOAD, HOLD, RELEASE, PURGE }

    public RecordingAccess {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
    }
}
