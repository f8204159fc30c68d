package org.callscore.survey.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes events to the survey tables. Every statement can run twice with the same effect as once: an event
 * replayed from the journal after a crash between the write and the journal's truncation is not doubled.
 */
final class ResponseWriter {

    /**
     * Every offer names its survey's version, nearly always one the table has. "ON DUPLICATE KEY UPDATE" alone
     * would lock that one row exclusively until commit, so every transaction with an offer would wait for the
     * others' commits; the NOT EXISTS reads it with a shared lock, which offers do not wait for.
     */
    private static final String VERSION = "INSERT INTO survey_version (survey, sha256, definition) SELECT :survey, "
            + ":version, :definition FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM survey_version WHERE survey = :survey "
            + "AND sha256 = :version) ON DUPLICATE KEY UPDATE survey = survey";
    private static final String RESPONSE = "INSERT INTO survey_response (id, survey, survey_sha256, uniqueid, "
            + "linkedid, queue, agent, started_at, status, questions) VALUES (:responseId, :survey, :version, "
            + ":uniqueId, :linkedId, :queue, :agent, :at, 'in_progress', :questions) ON DUPLICATE KEY UPDATE id = id";
    private static final String ANSWER = "INSERT INTO survey_answer (response_id, question_id, position, scale, "
            + "dimension, score, complaint, attempts, answered_at) VALUES (:responseId, :questionId, :position, "
            + ":scale, :dimension, :score, :complaint, :attempts, :at) ON DUPLICATE KEY UPDATE response_id = "
            + "response_id";
    private static final String END = "UPDATE survey_response SET status = :statusCode, ended_at = :at, "
            + "comment_path = :comment WHERE id = :responseId";

    private ResponseWriter() {
    }

    /** Writes one event in a transaction of its own (the journal's replay). */
    static void write(Jdbi jdbi, ResponseEvent event) {
        jdbi.useTransaction(handle -> write(handle, List.of(event)));
    }

    /**
     * Writes events of different calls on one handle (in the transaction other callers' events share, or alone
     * with MariaDB's autocommit), one statement or JDBC batch per table: each batch is one round trip to MariaDB,
     * however many events it holds. Offers go first, then answers, then ends, as one call's events happen.
     */
    static void write(Handle handle, List<ResponseEvent> events) {
        Map<String, ResponseEvent.Offered> versions = new LinkedHashMap<>();
        List<ResponseEvent.Offered> offers = new ArrayList<>();
        List<ResponseEvent.Answered> answers = new ArrayList<>();
        List<ResponseEvent.Ended> ends = new ArrayList<>();
        for (ResponseEvent event : events) {
            if (event instanceof ResponseEvent.Offered offered) {
                versions.putIfAbsent(offered.survey() + '\n' + offered.version(), offered);
                offers.add(offered);
            } else if (event instanceof ResponseEvent.Answered answered) {
                answers.add(answered);
            } else if (event instanceof ResponseEvent.Ended ended) {
                ends.add(ended);
            }
        }
        execute(handle, VERSION, List.copyOf(versions.values()));
        execute(handle, RESPONSE, offers);
        execute(handle, ANSWER, answers);
        execute(handle, END, ends);
    }

    /** One statement for one event, one JDBC batch for more; parameters from the events' accessors. */
    private static void execute(Handle handle, String sql, List<?> events) {
        if (events.size() == 1) {
            handle.createUpdate(sql).bindMethods(events.get(0)).execute();
        } else if (!events.isEmpty()) {
            PreparedBatch batch = handle.prepareBatch(sql);
            events.forEach(event -> batch.bindMethods(event).add());
            batch.execute();
        }
    }
}
