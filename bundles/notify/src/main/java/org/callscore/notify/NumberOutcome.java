package org.callscore.notify;

/** How the last attempt at a number ended. */
public enum NumberOutcome {
    /** a person answered and the message played (in full or not: see heard milliseconds) */
    ANSWERED,
    /** an answering machine answered ({@code AMD()}) */
    MACHINE,
    BUSY,
    NO_ANSWER,
    /** Asterisk could not place the call (no route, congestion, refused channel) */
    FAILED,
    /** a person pressed the opt-out key: the number is now on the do-not-call list */
    OPTED_OUT,
    /**
     * the node that claimed the attempt stopped before its outcome was known, and Asterisk's CDR does not show the
     * call: counted as an attempt and retried under the {@link RetryOutcome#FAILED} rule, never dialled again
     * without that check
     */
    LOST
}
