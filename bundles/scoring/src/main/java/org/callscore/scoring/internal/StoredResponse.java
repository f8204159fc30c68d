package org.callscore.scoring.internal;

import java.time.Instant;
import java.util.List;

/**
 * A {@code survey_response} row with its {@code survey_answer} rows, as far as scoring needs them.
 *
 * @param queue   the queue, or null
 * @param agent   the agent, or null
 * @param answers in question order; empty when the caller answered nothing
 */
record StoredResponse(String id, String survey, String queue, String agent, String status, Instant startedAt,
        List<Answer> answers) {

    StoredResponse {
        answers = List.copyOf(answers);
    }

    /** @return this response with these answers instead of its own */
    StoredResponse withAnswers(List<Answer> answers) {
        return new StoredResponse(id, survey, queue, agent, status, startedAt, answers);
    }

    /** @param dimension empty for none */
    record Answer(String questionId, String scale, String dimension, int score, boolean complaint) {
    }
}
