package org.callscore.survey;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A survey file's "closing the loop" rule ({@code callback.queue}, {@code callback.when}): a response with a
 * complaint, or a low mean score, calls for a callback by the supervisors of a queue.
 *
 * @param queue       the queue whose agents (the supervisors) call the customer back
 * @param onComplaint a response with a complaint calls for one
 * @param meanAtMost  a response whose mean of the 1-5 answers is at most this calls for one; empty: no such condition
 */
public record CallbackRule(String queue, boolean onComplaint, OptionalDouble meanAtMost) {

    public CallbackRule {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(meanAtMost, "meanAtMost");
        if (!onComplaint && meanAtMost.isEmpty()) {
            throw new IllegalArgumentException("a callback rule needs a condition");
        }
    }

    /**
     * @param complaint whether an answer flagged a complaint
     * @param mean      the mean of the response's 1-5 answers, empty when it has none
     * @return whether the response calls for a callback
     */
    public boolean calledFor(boolean complaint, OptionalDouble mean) {
        return (onComplaint && complaint)
                || (meanAtMost.isPresent() && mean.isPresent() && mean.getAsDouble() <= meanAtMost.getAsDouble());
    }
}
