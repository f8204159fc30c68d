package org.callscore.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * @param delay    how long after the attempt ended the next may start (then within the window)
 * @param attempts the most attempts a number may have when its last one ended this way, at least 1
 */
public record RetryRule(Duration delay, int attempts) {

    public RetryRule {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("retry delay must not be negative: " + delay);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("retry attempts must be at least 1: " + attempts);
        }
    }
}
