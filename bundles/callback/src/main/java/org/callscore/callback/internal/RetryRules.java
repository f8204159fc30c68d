package org.callscore.callback.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.callscore.callback.AttemptOutcome;

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
