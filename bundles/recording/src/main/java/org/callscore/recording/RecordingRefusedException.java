package org.callscore.recording;

/** A recording could not be served: no such recording, purged, its file missing, or a path outside the folder. */
public class RecordingRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RecordingRefusedException(String message) {
        super(message);
    }
}
