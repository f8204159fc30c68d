package org.callscore.itests;

import java.time.LocalDateTime;
import java.util.UUID;

import org.jdbi.v3.core.Jdbi;

/**
 * Calls of one queue of its own in March 2025 (UTC), as Asterisk writes them into its queue_log table, and survey
 * responses to them, so the reports of that queue and month are known:
 *
 * <pre>
 * day         call  what happened                                  survey (one 1-5 answer)
 * 2025-03-03  c1    Alice answers after 10 s, talks 100 s          5
 *             c2    Bob answers after 5 s, talks 60 s              4
 *             c3    caller "=cmd" abandons after 30 s
 * 2025-03-04  c4    Alice answers after 20 s, talks 200 s          2
 *             c5    abandons after 45 s
 *             c6    times out after 60 s
 * 2025-03-10  c7    Bob answers after 3 s, talks 30 s
 * </pre>
 * So: offered 7, answered 4, abandoned 2, timed out 1; answered per day 2, 1, 1 and abandoned 1, 1, 0; surveys 3,
 * mean 11/3, CSAT 2/3 (100 % on the 3rd, 0 % on the 4th).
 */
final class ReportsWebFixture {

    static final String MONTH = "2025-03";

    final String queue = "web-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private final Jdbi jdbi;

    ReportsWebFixture(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Asterisk's realtime queue_log table, as the reports module expects it (Asterisk creates it on a real site). */
    void createQueueLog() {
        jdbi.useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS queue_log (id BIGINT UNSIGNED NOT NULL "
                + "AUTO_INCREMENT PRIMARY KEY, time DATETIME(6) NULL, callid VARCHAR(80) NULL, queuename VARCHAR(256) "
                + "NULL, agent VARCHAR(80) NULL, event VARCHAR(32) NULL, data1 VARCHAR(100) NULL, data2 VARCHAR(100) "
                + "NULL, data3 VARCHAR(100) NULL, data4 VARCHAR(100) NULL, data5 VARCHAR(100) NULL)"));
    }

    void writeCalls() {
        answered("c1", "2025-03-03T09:00:00", "0611", "Alice", 10, 100);
        answered("c2", "2025-03-03T10:00:00", "0622", "Bob", 5, 60);
        left("c3", "2025-03-03T11:00:00", "=cmd", "ABANDON", 30);
        answered("c4", "2025-03-04T09:00:00", "0644", "Alice", 20, 200);
        left("c5", "2025-03-04T09:30:00", "0655", "ABANDON", 45);
        left("c6", "2025-03-04T10:00:00", "0666", "EXITWITHTIMEOUT", 60);
        answered("c7", "2025-03-10T12:00:00", "0677", "Bob", 3, 30);
    }

    void writeSurveys() {
        jdbi.useHandle(h -> h.execute("INSERT IGNORE INTO survey_version (survey, sha256, definition) VALUES "
                + "('webtest', REPEAT('0', 64), 'question.1.prompt = x')"));
        survey("c1", "Alice", "2025-03-03T09:05:00", 5);
        survey("c2", "Bob", "2025-03-03T10:05:00", 4);
        survey("c4", "Alice", "2025-03-04T09:05:00", 2);
    }

    private String callid(String call) {
        return queue + "." + call;
    }

    private void answered(String call, String entered, String caller, String agent, int wait, int talk) {
        LocalDateTime start = LocalDateTime.parse(entered);
        row(start, call, "NONE", "ENTERQUEUE", "", caller, "1");
        row(start.plusSeconds(wait), call, agent, "CONNECT", String.valueOf(wait), callid(call) + "-agent", "2");
        row(start.plusSeconds(wait + talk), call, agent, "COMPLETECALLER", String.valueOf(wait), String.valueOf(talk),
                "1");
    }

    private void left(String call, String entered, String caller, String event, int wait) {
        LocalDateTime start = LocalDateTime.parse(entered);
        row(start, call, "NONE", "ENTERQUEUE", "", caller, "1");
        row(start.plusSeconds(wait), call, "NONE", event, "1", "1", String.valueOf(wait));
    }

    private void row(LocalDateTime time, String call, String agent, String event, String... data) {
        jdbi.useHandle(h -> h.execute("INSERT INTO queue_log (time, callid, queuename, agent, event, data1, data2, "
                + "data3, data4, data5) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '')", time, callid(call), queue, agent,
                event, data[0], data[1], data[2]));
    }

    private void survey(String call, String agent, String started, int score) {
        String id = UUID.randomUUID().toString();
        LocalDateTime start = LocalDateTime.parse(started);
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO survey_response (id, survey, survey_sha256, uniqueid, queue, agent, started_at, "
                    + "ended_at, status, questions) VALUES (?, 'webtest', REPEAT('0', 64), ?, ?, ?, ?, ?, 'completed', 1)",
                    id, callid(call), queue, agent, start, start.plusSeconds(20));
            h.execute("INSERT INTO survey_answer (response_id, question_id, position, scale, dimension, score, "
                    + "complaint, attempts, answered_at) VALUES (?, 'attitude', 1, 'FIVE_POINT', 'empathy', ?, FALSE, "
                    + "1, ?)", id, score, start.plusSeconds(10));
        });
    }
}
