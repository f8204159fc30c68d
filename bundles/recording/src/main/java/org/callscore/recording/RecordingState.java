package org.callscore.recording;

/** Where a recording stands. */
public enum RecordingState {
    /** Asterisk is still writing it */
    RECORDING,
    /** finished: its size has stopped changing and it holds more than a bare header */
    READY,
    /** removed by a retention rule or an administrator; the row stays as a tombstone */
    PURGED
}
