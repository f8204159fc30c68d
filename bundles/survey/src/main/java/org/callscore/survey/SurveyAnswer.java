package org.callscore.survey;

import java.time.Instant;

/**
 * A valid answer to one question.
 *
 * @param responseId the response it belongs to
 * @param question   the question answered
 * @param position   the question's place in the survey, from 1
 * @param score      the score on the question's scale
 * @param attempts   how many times the question was asked before this answer (1 = first time)
 * @param at         when the key was pressed
 */
public record SurveyAnswer(String responseId, Question question, int position, int score, int attempts, Instant at) {

    public SurveyAnswer {
        if (!question.scale().accepts(score)) {
            throw new IllegalArgumentException("score " + score + " is not on the scale of question " + question.id());
        }
    }

    /** @return whether this answer makes the call a complaint */
    public boolean complaint() {
        return question.isComplaint(score);
    }
}
