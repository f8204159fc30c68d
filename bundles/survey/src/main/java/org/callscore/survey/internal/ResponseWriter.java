package org.callscore.survey.internal;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes events to the survey tables. Every statement can run twice with the same effect as once: an event
 * replayed from the journal after a crash between the write and the journal's truncation is not doubled.
 */
final class ResponseWriter {

    private ResponseWriter() {
    }

    /** Writes one event in a transaction of its own (the journal's replay). */
    static void write(Jdbi jdbi, ResponseEvent event) {
        jdbi.useTransaction(handle -> write(handle, event));
    }

    /** Writes one event in the handle's transaction, which may hold other callers' events too. */
    static void write(Handle handle, ResponseEvent event) {
        if (event instanceof ResponseEvent.Offered offered) {
            insertOnce(handle, "survey_version (survey, sha256, definition) VALUES (:survey, :version, "
                    + ":definition) ON DUPLICATE KEY UPDATE survey = survey", offered);
            insertOnce(handle, "survey_response (id, survey, survey_sha256, uniqueid, linkedid, queue, agent, "
                    + "started_at, status, questions) VALUES (:responseId, :survey, :version, :uniqueId, :linkedId, "
                    + ":queue, :agent, :at, 'in_progress', :questions) ON DUPLICATE KEY UPDATE id = id", offered);
        } else if (event instanceof ResponseEvent.Answered answered) {
            insertOnce(handle, "survey_answer (response_id, question_id, position, scale, dimension, score, "
                    + "complaint, attempts, answered_at) VALUES (:responseId, :questionId, :position, :scale, "
                    + ":dimension, :score, :complaint, :attempts, :at) ON DUPLICATE KEY UPDATE response_id = "
                    + "response_id", answered);
        } else if (event instanceof ResponseEvent.Ended ended) {
            handle.createUpdate("UPDATE survey_response SET status = :status, "
                    + "ended_at = :at, comment_path = :comment WHERE id = :id")
                    .bind("status", ended.status().code()).bind("at", ended.at()).bind("comment", ended.comment())
                    .bind("id", ended.responseId()).execute();
        }
    }

    /** An INSERT its ON DUPLICATE KEY clause makes harmless to repeat; parameters from the event's accessors. */
    private static void insertOnce(Handle handle, String intoValuesOnDuplicate, Object event) {
        handle.createUpdate("INSERT INTO " + intoValuesOnDuplicate).bindMethods(event).execute();
    }
}
