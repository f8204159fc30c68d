package org.callscore.notify;

/** Where one number of a campaign stands. */
public enum NumberState {
    /** not called yet, or to be retried */
    WAITING,
    /** claimed by a dialler: being called now */
    IN_FLIGHT,
    /** reached: answered, machine message left, or opted out */
    DONE,
    /** given up: its retries are used up, or the window ended before it was reached */
    FAILED,
    /** found on the do-not-call list just before the dial: not called */
    DO_NOT_CALL,
    /** the campaign was stopped before it was reached */
    NOT_CALLED
}
