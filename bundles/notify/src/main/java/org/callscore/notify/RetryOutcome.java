package org.callscore.notify;

/** The outcomes of an attempt that may be retried, each with its own {@link RetryRule}. */
public enum RetryOutcome {
    BUSY,
    NO_ANSWER,
    /** Asterisk could not place the call, or the node placing it stopped before its outcome was known */
    FAILED,
    /** an answering machine, when the campaign hangs up on machines ({@link MachineHandling#HANG_UP_AND_RETRY}) */
    MACHINE
}
