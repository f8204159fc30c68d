package org.callscore.scoring;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A survey response that went badly: a complaint, or a low mean score.
 *
 * @param uniqueId   the caller's channel uniqueid (queue_log callid, CDR uniqueid): the key to its recording
 * @param queue      the queue, if the survey knew it
 * @param agent      the agent, if the survey knew it
 * @param surveyedAt when the survey started
 * @param survey     the survey's name
 * @param meanScore  mean of the response's FIVE_POINT answers, if it gave any
 * @param complaint  whether an answer flagged a complaint
 * @param comment    where the caller's voice comment was recorded (on the Asterisk host), if any
 */
public record LowScoredResponse(String uniqueId, Optional<String> queue, Optional<String> agent,
        Instant surveyedAt, String survey, OptionalDouble meanScore, boolean complaint, Optional<String> comment) {

    public LowScoredResponse {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(surveyedAt, "surveyedAt");
        Objects.requireNonNull(survey, "survey");
        Objects.requireNonNull(meanScore, "meanScore");
        Objects.requireNonNull(comment, "comment");
    }
}
