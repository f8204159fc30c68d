package org.callscore.callback.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.callscore.callback.AttemptOutcome;
import org.callscore.callback.CallbackState;

/**
 * What happens after an attempt, per outcome: tried again after a delay while fewer attempts than that outcome's
 * maximum have been made, else given up. ANSWERED ends the callback. Pure.
 */
final class RetryRules {

    /** @param attempts the most attempts a callback may have when its last one ended this way; 1: never retried */
    record Rule(Duration delay, int attempts) {
    }

    private final Map<AttemptOutcome, Rule> rules;
    private final Duration expiry;

    /**
     * @param expiry how long after its first due time a callback is still attempted
     */
    RetryRules(Map<AttemptOutcome, Rule> rules, Duration expiry) {
        this.rules = new EnumMap<>(rules);
        this.expiry = expiry;
        for (AttemptOutcome outcome : AttemptOutcome.values()) {
            if (outcome != AttemptOutcome.ANSWERED && !this.rules.containsKey(outcome)) {
                throw new IllegalArgumentException("no retry rule for " + outcome);
            }
        }
    }

    /**
     * @param attempts the attempts made so far, the one that just ended included
     * @return when the next attempt may start (before business hours and expiry are applied); empty: give up
     */
    Optional<Instant> retryAt(AttemptOutcome outcome, int attempts, Instant ended) {
        if (outcome == AttemptOutcome.ANSWERED) {
            return Optional.empty();
        }
        Rule rule = rules.get(outcome);
        return attempts < rule.attempts() ? Optional.of(ended.plus(rule.delay())) : Optional.empty();
    }

    /** What becomes of a callback after an attempt: its next state, and when it is due if it is tried again. */
    record Decision(CallbackState state, Optional<Instant> due) {
    }

    /**
     * @param attempts  the attempts made so far, the one that just ended included
     * @param expiresAt the callback's expiry
     * @param firstOpen the first instant at or after a given one within the queue's hours (empty: never open)
     */
    Decision after(AttemptOutcome outcome, int attempts, Instant ended, Instant expiresAt,
            Function<Instant, Optional<Instant>> firstOpen) {
        if (outcome == AttemptOutcome.ANSWERED) {
            return new Decision(CallbackState.DONE, Optional.empty());
        }
        Optional<Instant> retry = retryAt(outcome, attempts, ended);
        if (retry.isEmpty()) {
            return new Decision(CallbackState.FAILED, Optional.empty());
        }
        Optional<Instant> due = firstOpen.apply(retry.get());
        if (due.isEmpty() || !due.get().isBefore(expiresAt)) {
            return new Decision(CallbackState.EXPIRED, Optional.empty());
        }
        return new Decision(CallbackState.SCHEDULED, due);
    }

    Rule rule(AttemptOutcome outcome) {
        return rules.get(outcome);
    }

    /** @return when a callback first due at {@code firstDue} expires */
    Instant expiresAt(Instant firstDue) {
        return firstDue.plus(expiry);
    }

    Duration expiry() {
        return expiry;
    }
}
