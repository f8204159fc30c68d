package org.callscore.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Which recordings to find; every filter given must match.
 *
 * @param caller      digits the caller's number ends with (partial match: the last digits, whatever the country or
 *                    trunk prefix), any punctuation ignored; at least one digit
 * @param agent       only this agent's
 * @param queue       only this queue's
 * @param from        only those started at or after this
 * @param to          only those started before this
 * @param minDuration only those at least this long
 * @param maxDuration only those at most this long
 * @param minScore    only those whose survey mean score is at least this
 * @param maxScore    only those whose survey mean score is at most this
 * @param complaint   only those whose survey flagged (true) or did not flag (false) a complaint
 * @param kinds       only of these kinds; empty: every kind
 * @param offset      how many matches to skip (paging), newest first
 * @param limit       at most this many
 */
public record RecordingQuery(Optional<String> caller, Optional<String> agent, Optional<String> queue,
        Optional<Instant> from, Optional<Instant> to, Optional<Duration> minDuration, Optional<Duration> maxDuration,
        OptionalDouble minScore, OptionalDouble maxScore, Optional<Boolean> complaint, Set<RecordingKind> kinds,
        int offset, int limit) {

    public RecordingQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(minDuration, "minDuration");
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(minScore, "minScore");
        Objects.requireNonNull(maxScore, "maxScore");
        Objects.requireNonNull(complaint, "complaint");
        kinds = Set.copyOf(kinds);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1 to 1000: " + limit);
        }
    }
}
