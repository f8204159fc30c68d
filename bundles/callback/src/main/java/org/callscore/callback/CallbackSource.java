package org.callscore.callback;

/** Where a callback was requested. */
public enum CallbackSource {
    /** by the caller, in the dialplan (the {@code callback} AGI application) */
    PHONE,
    /** by an agent or manager on the dashboard */
    DASHBOARD,
    /** by an administrator with {@code callback:request} */
    CONSOLE,
    /** by a survey rule, after a complaint or a low score */
    SURVEY,
    /** by a voice message the caller left when nobody answered (since 1.1) */
    VOICEMAIL
}
