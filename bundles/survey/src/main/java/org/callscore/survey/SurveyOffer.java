package org.callscore.survey;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A survey offered to a caller.
 *
 * @param responseId the response's id, chosen by the caller of {@link SurveyResponses}; every later event
 *                   names it
 * @param survey     the survey as it stood when offered
 * @param uniqueId   the channel's uniqueid
 * @param linkedId   the call's linkedid (shared by every channel of the call, as in the CDR), if known
 * @param queue      the queue the caller was served by, if known
 * @param agent      the agent who served the caller, if known
 * @param at         when the survey started
 */
public record SurveyOffer(String responseId, SurveyDefinition survey, String uniqueId, Optional<String> linkedId,
        Optional<String> queue, Optional<String> agent, Instant at) {

    public SurveyOffer {
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(survey, "survey");
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(at, "at");
    }
}
