package org.callscore.callback;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What is needed to request a callback.
 *
 * @param queue          the queue whose agents call back (a queues.conf section name)
 * @param customerNumber the number to call
 * @param customerZone   the customer's time zone; empty: the site's
 * @param agent          the agent to assign it to; empty: any agent of the queue
 * @param reason         why (may be empty)
 * @param source         where it is requested
 * @param askedFor       the time the customer asked for; empty: as soon as possible
 * @param callUniqueId   the uniqueid of the call it is requested in, if any
 * @param surveyResponse the survey response it follows up, if any (at most one callback per response)
 * @param actor          who requests it, for the history: a login name, {@code phone} or {@code survey}
 * @param message        the voice message the customer left, to attach (since 1.1)
 */
public record CallbackRequest(String queue, String customerNumber, Optional<ZoneId> customerZone,
        Optional<String> agent, String reason, CallbackSource source, Optional<Instant> askedFor,
        Optional<String> callUniqueId, Optional<String> surveyResponse, String actor,
        Optional<CallbackMessage> message) {

    /** A request without a voice message, as in 1.0. */
    public CallbackRequest(String queue, String customerNumber, Optional<ZoneId> customerZone, Optional<String> agent,
            String reason, CallbackSource source, Optional<Instant> askedFor, Optional<String> callUniqueId,
            Optional<String> surveyResponse, String actor) {
        this(queue, customerNumber, customerZone, agent, reason, source, askedFor, callUniqueId, surveyResponse, actor,
                Optional.empty());
    }

    public CallbackRequest {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(customerNumber, "customerNumber");
        Objects.requireNonNull(customerZone, "customerZone");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(askedFor, "askedFor");
        Objects.requireNonNull(callUniqueId, "callUniqueId");
        Objects.requireNonNull(surveyResponse, "surveyResponse");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(message, "message");
    }
}
