package org.callscore.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One indexed recording.
 *
 * @param id             the index's id
 * @param server         the Asterisk server that recorded it
 * @param uniqueId       the uniqueid of the channel it belongs to (the caller's, for a queue call)
 * @param linkedId       the call's linkedid, when known
 * @param kind           what was recorded
 * @param caller         the caller's number, normalised (digits, leading + kept), from the CDR
 * @param agent          the agent (queue_log), for a queue call
 * @param queue          the queue (queue_log), for a queue call
 * @param startedAt      when recording started
 * @param duration       how long it lasts, once ready
 * @param sizeBytes      its size on disk (0 once purged)
 * @param format         the file's format as Asterisk wrote it, e.g. {@code wav}, {@code gsm}
 * @param sha256         the file's SHA-256 in hex, once ready
 * @param state          where it stands
 * @param surveyResponse the survey response of the same call, if the caller took one
 * @param meanScore      that response's mean 1-5 score, if it gave any
 * @param complaint      whether that response flagged a complaint
 * @param held           under a legal hold: no retention rule purges it
 */
public record Recording(long id, String server, String uniqueId, Optional<String> linkedId, RecordingKind kind,
        Optional<String> caller, Optional<String> agent, Optional<String> queue, Instant startedAt,
        Optional<Duration> duration, long sizeBytes, String format, Optional<String> sha256, RecordingState state,
        Optional<String> surveyResponse, OptionalDouble meanScore, boolean complaint, boolean held) {

    public Recording {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(linkedId, "linkedId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(surveyResponse, "surveyResponse");
        Objects.requireNonNull(meanScore, "meanScore");
    }
}
