package org.callscore.recording;

/** What a recording holds. */
public enum RecordingKind {
    /** a queue call: the agent's leg, from bridge to hang-up */
    QUEUE_CALL,
    /** a whole call, from answer to hang-up */
    WHOLE_CALL,
    /** the caller's time in the IVR */
    IVR,
    /** a caller's voice comment in a survey */
    VOICE_COMMENT,
    /** a message a caller left when nobody answered */
    VOICEMAIL
}
