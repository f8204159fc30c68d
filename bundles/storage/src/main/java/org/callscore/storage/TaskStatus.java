package org.callscore.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How a background task has run.
 *
 * @param name        what the task is, e.g. {@code ivr-menu-scan}
 * @param interval    the pause between the end of one run and the start of the next
 * @param runs        runs finished, with or without an error
 * @param failures    runs that ended with an error
 * @param lastRun     when the last run ended
 * @param lastError   when the last failed run ended
 * @param lastCause   what that failure was (exception type and message)
 * @param failing     whether the last run failed
 */
public record TaskStatus(String name, Duration interval, long runs, long failures, Optional<Instant> lastRun,
        Optional<Instant> lastError, Optional<String> lastCause, boolean failing) {
}
