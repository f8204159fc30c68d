package org.callscore.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.callscore.scoring.GroupBy;
import org.callscore.scoring.ScoreQuery;
import org.callscore.scoring.ScoreRow;
import org.callscore.scoring.ScoreSummary;
import org.callscore.storage.Database;
import org.callscore.storage.DatabaseStatus;
import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs against the real MariaDB named by callscore.test.db.url (callscore_unit). Makes the survey tables anew
 * from the survey module's migrations, writes its rows under a survey name of its own, reads only those, and
 * deletes them afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyScoresComponentTest {

    private static final Path SURVEY_TABLES = Path.of("../survey/src/main/resources/db/migration");
    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-08T00:00:00Z");

    private final Jdbi jdbi = UnitDatabase.jdbi();
    private final String survey = "scoring-test-" + UUID.randomUUID().toString().substring(0, 8);
    private final String sha256 = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    private boolean surveyReady = true;
    private final SurveyScoresComponent scores = new SurveyScoresComponent(new TestDatabase());

    /** Database as the storage bundle offers it, over a plain Jdbi. */
    private final class TestDatabase implements Database {
        public Jdbi jdbi() {
            return jdbi;
        }

        public DatabaseStatus status() {
            return new DatabaseStatus(true, "", Instant.now(), List.of());
        }

        public boolean isReady(String module) {
            return surveyReady && module.equals("survey");
        }

        public void checkNow() {
        }
    }

    @BeforeAll
    void createTablesAndResponses() {
        UnitDatabase.recreate(jdbi, SURVEY_TABLES, "survey_answer", "survey_response", "survey_version");
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO survey_version (survey, sha256, definition) VALUES (:survey, :sha, 'test')")
                    .bind("survey", survey).bind("sha", sha256).execute();
            // the first instant included
            response(h, "sales", "alice", "completed", "2026-11-01T00:00:00Z",
                    "q1 FIVE_POINT attitude 5", "q2 ZERO_TO_TEN - 10");
            response(h, "sales", "bob", "partial", "2026-11-03T10:00:00Z", "q1 FIVE_POINT attitude 1 complaint");
            response(h, "support", "alice", "completed", "2026-11-04T10:00:00Z",
                    "q1 FIVE_POINT attitude 4", "q2 ZERO_TO_TEN - 6");
            response(h, "support", "bob", "declined", "2026-11-05T10:00:00Z");
            response(h, "sales", null, "unanswered", "2026-11-06T10:00:00Z");
            // outside [FROM, TO): the first instant excluded, and the last one before FROM
            response(h, "sales", "alice", "completed", "2026-11-08T00:00:00Z", "q1 FIVE_POINT attitude 1");
            response(h, "sales", "alice", "completed", "2026-10-31T23:59:59.999Z", "q1 FIVE_POINT attitude 1");
        });
    }

    /** @param answers each "question scale dimension score [complaint]", dimension "-" for none */
    private void response(Handle h, String queue, String agent, String status, String startedAt,
            String... answers) {
        String id = UUID.randomUUID().toString();
        h.createUpdate("INSERT INTO survey_response (id, survey, survey_sha256, uniqueid, queue, agent, started_at,"
                        + " status, questions) VALUES (:id, :survey, :sha, :uniqueid, :queue, :agent, :started, :status, 2)")
                .bind("id", id).bind("survey", survey).bind("sha", sha256).bind("uniqueid", "1700000000." + id)
                .bind("queue", queue).bind("agent", agent).bind("started", Instant.parse(startedAt))
                .bind("status", status).execute();
        for (int position = 0; position < answers.length; position++) {
            List<String> a = Arrays.asList(answers[position].split(" "));
            h.createUpdate("INSERT INTO survey_answer (response_id, question_id, position, scale, dimension, score,"
                            + " complaint, attempts, answered_at) VALUES (:id, :question, :position, :scale,"
                            + " :dimension, :score, :complaint, 1, :started)")
                    .bind("id", id).bind("question", a.get(0)).bind("position", position + 1)
                    .bind("scale", a.get(1)).bind("dimension", a.get(2).equals("-") ? "" : a.get(2))
                    .bind("score", Integer.parseInt(a.get(3))).bind("complaint", a.contains("complaint"))
                    .bind("started", Instant.parse(startedAt)).execute();
        }
    }

    @AfterAll
    void deleteResponses() {
        jdbi.useHandle(h -> {
            // answers go with their response (ON DELETE CASCADE)
            h.createUpdate("DELETE FROM survey_response WHERE survey = :survey").bind("survey", survey).execute();
            h.createUpdate("DELETE FROM survey_version WHERE survey = :survey").bind("survey", survey).execute();
        });
    }

    private ScoreQuery query(GroupBy by) {
        return new ScoreQuery(FROM, TO, Optional.empty(), Optional.empty(), Optional.of(survey), by, ZoneId.of("UTC"));
    }

    private Map<String, ScoreSummary> scores(ScoreQuery query) {
        List<ScoreRow> rows = scores.scores(query);
        assertThat(rows).extracting(ScoreRow::group).isSorted();
        Map<String, ScoreSummary> byGroup = new LinkedHashMap<>(); // in the order of the rows
        rows.forEach(row -> byGroup.put(row.group(), row.summary()));
        return byGroup;
    }

    @Test
    void allResponsesInThePeriodAndNoOther() {
        ScoreSummary all = scores(query(GroupBy.ALL)).get("all");

        // five responses started in [FROM, TO); the two outside had a five-point 1 each
        assertThat(all.offered()).isEqualTo(5);
        assertThat(all.fivePointAnswers()).isEqualTo(3);
        assertThat(all.meanScore()).hasValue((5 + 1 + 4) / 3.0);
    }

    @Test
    void perQueue() {
        Map<String, ScoreSummary> byQueue = scores(query(GroupBy.QUEUE));

        assertThat(byQueue).containsOnlyKeys("sales", "support");
        // sales: completed (5, nps 10), partial (1, complaint), unanswered
        ScoreSummary sales = byQueue.get("sales");
        assertThat(List.of(sales.offered(), sales.completed(), sales.partial(), sales.unanswered()))
                .containsExactly(3L, 1L, 1L, 1L);
        assertThat(sales.responseRate()).hasValue(1.0 / 3);
        assertThat(sales.meanScore()).hasValue(3.0); // (5 + 1) / 2
        assertThat(sales.satisfaction()).hasValue(0.5);
        assertThat(sales.csat()).hasValue(0.5);
        assertThat(sales.nps()).hasValue(100.0); // one promoter
        assertThat(sales.complaintRate()).hasValue(0.5); // 1 of the 2 answered
        assertThat(sales.dimensionIndex()).containsExactlyEntriesOf(Map.of("attitude", 50.0)); // (100 + 0) / 2
        // support: completed (4, nps 6), declined
        ScoreSummary support = byQueue.get("support");
        assertThat(List.of(support.offered(), support.completed(), support.declined())).containsExactly(2L, 1L, 1L);
        assertThat(support.nps()).hasValue(-100.0); // one detractor
        assertThat(support.complaintRate()).hasValue(0.0);
        assertThat(support.dimensionIndex()).containsExactlyEntriesOf(Map.of("attitude", 75.0)); // (4-1)/4*100
    }

    @Test
    void perAgent() {
        Map<String, ScoreSummary> byAgent = scores(query(GroupBy.AGENT));

        assertThat(byAgent.keySet()).containsExactly("(none)", "alice", "bob");
        ScoreSummary none = byAgent.get("(none)");
        assertThat(none.offered()).isEqualTo(1);
        assertThat(none.responseRate()).hasValue(0.0);
        assertThat(none.meanScore()).isEmpty();
        assertThat(none.complaintRate()).isEmpty();
        ScoreSummary alice = byAgent.get("alice");
        assertThat(alice.responseRate()).hasValue(1.0);
        assertThat(alice.meanScore()).hasValue(4.5); // (5 + 4) / 2
        assertThat(alice.nps()).hasValue(0.0); // 10 and 6: 50 % - 50 %
        assertThat(alice.dimensionIndex()).containsExactlyEntriesOf(Map.of("attitude", 87.5)); // (100 + 75) / 2
        ScoreSummary bob = byAgent.get("bob");
        assertThat(List.of(bob.offered(), bob.partial(), bob.declined())).containsExactly(2L, 1L, 1L);
        assertThat(bob.satisfaction()).hasValue(0.0);
        assertThat(bob.complaintRate()).hasValue(1.0);
    }

    @Test
    void perQuestionCountsTheResponsesThatAnsweredIt() {
        Map<String, ScoreSummary> byQuestion = scores(query(GroupBy.QUESTION));

        assertThat(byQuestion).containsOnlyKeys("q1", "q2");
        assertThat(byQuestion.get("q1").offered()).isEqualTo(3);
        assertThat(byQuestion.get("q1").complaints()).isEqualTo(1);
        assertThat(byQuestion.get("q2").offered()).isEqualTo(2);
        assertThat(byQuestion.get("q2").npsAnswers()).isEqualTo(2);
    }

    @Test
    void filtersCombine() {
        ScoreQuery salesAlice = new ScoreQuery(FROM, TO, Optional.of("sales"), Optional.of("alice"),
                Optional.of(survey), GroupBy.ALL, ZoneId.of("UTC"));
        ScoreSummary summary = scores(salesAlice).get("all");
        assertThat(summary.offered()).isEqualTo(1);
        assertThat(summary.meanScore()).hasValue(5.0);

        ScoreQuery narrow = new ScoreQuery(Instant.parse("2026-11-03T00:00:00Z"), Instant.parse("2026-11-05T00:00:00Z"),
                Optional.empty(), Optional.of("alice"), Optional.of(survey), GroupBy.DAY, ZoneId.of("UTC"));
        assertThat(scores(narrow)).containsOnlyKeys("2026-11-04");

        ScoreQuery otherSurvey = new ScoreQuery(FROM, TO, Optional.empty(), Optional.empty(),
                Optional.of(survey + "-none"), GroupBy.ALL, ZoneId.of("UTC"));
        assertThat(scores.scores(otherSurvey)).isEmpty();
    }

    @Test
    void perDayInTheZone() {
        ScoreQuery newYork = new ScoreQuery(FROM, TO, Optional.empty(), Optional.empty(), Optional.of(survey),
                GroupBy.DAY, ZoneId.of("America/New_York"));

        // 2026-11-01T00:00Z is 20:00 on 31 October in New York
        assertThat(scores(newYork).keySet())
                .containsExactly("2026-10-31", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06");
    }

    @Test
    void refusesWhileTheSurveyTablesAreNotReady() {
        surveyReady = false;
        try {
            assertThatThrownBy(() -> scores.scores(query(GroupBy.ALL)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("survey tables not ready: ")
                    .hasMessageContaining("survey module has not started");
        } finally {
            surveyReady = true;
        }
    }
}
