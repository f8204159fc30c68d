package org.callscore.callback;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A callback as it stands now.
 *
 * @param id             CallScore's id for it (a UUID, given when it was requested; also the UID of its calendar
 *                       event, so a calendar keeps one event for it however often it moves)
 * @param queue          the queue whose agents call back
 * @param customerNumber the number to call, digits only (a leading {@code +} kept)
 * @param customerZone   the customer's time zone: what "tomorrow at 10" meant, and the zone business hours are
 *                       evaluated in
 * @param agent          the agent it is assigned to; empty: any agent of the queue
 * @param reason         why the customer wants to be called back, as entered (may be empty)
 * @param source         where it was requested
 * @param requestedAt    when it was requested
 * @param askedFor       the time the customer asked for; empty: as soon as possible
 * @param dueAt          when the next attempt may start (the time asked for or the request, moved into the queue's
 *                       business hours, or the retry time after a failed attempt)
 * @param expiresAt      after this no attempt is made; the callback ends {@link CallbackState#EXPIRED}
 * @param state          where it stands
 * @param attempts       attempts made so far
 * @param sequence       raised by every change (the calendar event's SEQUENCE)
 * @param callUniqueId   the uniqueid of the call it was requested in, if any
 * @param surveyResponse the survey response it follows up (a complaint or low score), if any
 * @param closedAt       when an agent marked the customer's case closed, if one has
 * @param updatedAt      when it last changed
 * @param message        the voice message the customer left, if the callback came from one (since 1.1)
 */
public record Callback(String id, String queue, String customerNumber, ZoneId customerZone, Optional<String> agent,
        String reason, CallbackSource source, Instant requestedAt, Optional<Instant> askedFor, Instant dueAt,
        Instant expiresAt, CallbackState state, int attempts, int sequence, Optional<String> callUniqueId,
        Optional<String> surveyResponse, Optional<Instant> closedAt, Instant updatedAt,
        Optional<CallbackMessage> message) {

    /** A callback without a voice message, as in 1.0. */
    public Callback(String id, String queue, String customerNumber, ZoneId customerZone, Optional<String> agent,
            String reason, CallbackSource source, Instant requestedAt, Optional<Instant> askedFor, Instant dueAt,
            Instant expiresAt, CallbackState state, int attempts, int sequence, Optional<String> callUniqueId,
            Optional<String> surveyResponse, Optional<Instant> closedAt, Instant updatedAt) {
        this(id, queue, customerNumber, customerZone, agent, reason, source, requestedAt, askedFor, dueAt, expiresAt,
                state, attempts, sequence, callUniqueId, surveyResponse, closedAt, updatedAt, Optional.empty());
    }

    public Callback {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(customerNumber, "customerNumber");
        Objects.requireNonNull(customerZone, "customerZone");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(askedFor, "askedFor");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(callUniqueId, "callUniqueId");
        Objects.requireNonNull(surveyResponse, "surveyResponse");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(message, "message");
    }
}
