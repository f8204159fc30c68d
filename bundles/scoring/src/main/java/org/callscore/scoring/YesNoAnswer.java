package org.callscore.scoring;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One caller's answer to a yes-no question, e.g. "was your problem solved?", with the call it rates.
 *
 * @param surveyedAt when the survey started
 * @param queue      the queue, if the survey knew it
 * @param agent      the agent, if the survey knew it
 * @param yes        whether the caller answered yes
 */
public record YesNoAnswer(Instant surveyedAt, Optional<String> queue, Optional<String> agent, boolean yes) {

    public YesNoAnswer {
        Objects.requireNonNull(surveyedAt, "surveyedAt");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(agent, "agent");
    }
}
