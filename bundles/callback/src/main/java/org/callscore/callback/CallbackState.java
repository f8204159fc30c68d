package org.callscore.callback;

/** Where a callback stands. {@link #SCHEDULED} and {@link #DIALLING} are open; the others are final. */
public enum CallbackState {
    /** waiting for its due time (first attempt or a retry) */
    SCHEDULED,
    /** claimed by a CallScore node: an attempt is being placed or is in progress */
    DIALLING,
    /** the customer was reached */
    DONE,
    /** the retry rules gave up */
    FAILED,
    /** its expiry passed before the customer was reached */
    EXPIRED,
    /** cancelled by an agent, a manager or an administrator */
    CANCELLED;

    /** @return whether no attempt will ever be made again */
    public boolean isFinal() {
        return this != SCHEDULED && this != DIALLING;
    }
}
