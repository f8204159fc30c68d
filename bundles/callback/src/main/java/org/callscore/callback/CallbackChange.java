package org.callscore.callback;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a callback's history.
 *
 * @param callbackId the callback
 * @param at         when
 * @param kind       what happened
 * @param actor      who did it: a login name, {@code phone}, {@code survey}, or the CallScore node for its own steps
 * @param detail     what changed, in words (e.g. the new due time, the attempt's outcome); never a secret
 */
public record CallbackChange(String callbackId, Instant at, Kind kind, String actor, String detail) {

    /** What happened to a callback. */
    public enum Kind {
        CREATED, MOVED, ASSIGNED, REMINDED, ATTEMPT_STARTED, ATTEMPT_ENDED, DONE, FAILED, EXPIRED, CANCELLED, CLOSED
    }

    public CallbackChange {
        Objects.requireNonNull(callbackId, "callbackId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(detail, "detail");
    }
}
