package org.callscore.notify;

/** What a campaign does when {@code AMD()} finds an answering machine. */
public enum MachineHandling {
    /** wait for the beep, play the message once, hang up: outcome {@link NumberOutcome#MACHINE}, final */
    LEAVE_AFTER_BEEP,
    /** hang up at once and retry under the {@link RetryOutcome#MACHINE} rule */
    HANG_UP_AND_RETRY
}
