package org.callscore.callback;

/** How one attempt ended; the retry rules are written per outcome. */
public enum AttemptOutcome {
    /** the customer answered and was connected to an agent */
    ANSWERED,
    /** the customer's line was busy */
    BUSY,
    /** the customer did not answer in time */
    NO_ANSWER,
    /** the agent's phone was not answered (agent first), or no agent of the queue was free in time */
    AGENT_NO_ANSWER,
    /** Asterisk could not place the call (no route, congestion, refused channel) */
    FAILED,
    /**
     * the node that claimed the attempt stopped before its outcome was known, and neither Asterisk's CDR nor its
     * events show the call: counted as an attempt, never dialled again without that check
     */
    LOST
}
