package org.callscore.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.callscore.scoring.GroupBy;
import org.callscore.scoring.LowScoredResponse;
import org.callscore.scoring.ScoreQuery;
import org.callscore.scoring.YesNoAnswer;
import org.callscore.testing.database.SwitchableDatabase;
import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the reports read of the surveys through {@link SurveyScoresComponent}: the low-scored drill-down and the
 * answers to a yes-no question, against the survey module's tables in the real MariaDB (callscore_unit).
 */
class LowScoredTest {

    private final Jdbi jdbi = UnitDatabase.jdbi();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final SurveyScoresComponent scores = new SurveyScoresComponent(new SwitchableDatabase(jdbi));

    @BeforeEach
    void surveyTables() {
        UnitDatabase.recreate(jdbi, Path.of("../survey/src/main/resources/db/migration"), "survey_answer",
                "survey_response", "survey_version");
        jdbi.useHandle(h -> h.execute("INSERT INTO survey_version (survey, sha256, definition) VALUES ('s', 'v', '')"));
    }

    private void response(String id, String queue, String started, String comment, String... answers) {
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO survey_response (id, survey, survey_sha256, uniqueid, queue, agent, started_at, status, "
                    + "questions, comment_path) VALUES (?, 's', 'v', ?, ?, 'alice', ?, 'completed', 3, ?)", id,
                    "u-" + id, queue, Instant.parse(started), comment);
            int position = 0;
            for (String answer : answers) { // scale:score[!] (! = complaint)
                String[] parts = answer.split(":");
                position++;
                h.execute("INSERT INTO survey_answer (response_id, question_id, position, scale, score, complaint, "
                        + "attempts, answered_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)", id, "q" + position, position,
                        parts[0], Integer.parseInt(parts[1].replace("!", "")), parts[1].endsWith("!"),
                        Instant.parse(started));
            }
        });
    }

    /** March 2026 in Berlin, as a report asks for it. */
    private static ScoreQuery march(Optional<String> queue) {
        return new ScoreQuery(LocalDate.of(2026, 3, 1).atStartOfDay(BERLIN).toInstant(),
                LocalDate.of(2026, 4, 1).atStartOfDay(BERLIN).toInstant(), queue, Optional.empty(), Optional.empty(),
                GroupBy.ALL, BERLIN);
    }

    @Test
    void complaintsAndLowMeansOfThePeriodNewestFirst() {
        response("happy", "sales", "2026-03-10T10:00:00Z", null, "FIVE_POINT:5", "FIVE_POINT:4");
        response("low", "sales", "2026-03-11T10:00:00Z", "/spool/c1.wav", "FIVE_POINT:2", "FIVE_POINT:1", "YES_NO:0");
        response("complained", "sales", "2026-03-12T10:00:00Z", null, "FIVE_POINT:4", "YES_NO:1!");
        response("support", "support", "2026-03-12T11:00:00Z", null, "FIVE_POINT:1");
        // 23:30 UTC on 31 March is 1 April in Berlin: outside a March report
        response("april", "sales", "2026-03-31T23:30:00Z", null, "FIVE_POINT:1");

        List<LowScoredResponse> calls = scores.lowScored(march(Optional.of("sales")), 2.0, 10);

        // happy: mean 4.5, no complaint; low: mean (2+1)/2 = 1.5; complained: mean 4 but a complaint
        assertThat(calls).extracting(LowScoredResponse::uniqueId).containsExactly("u-complained", "u-low");
        assertThat(calls.get(1).meanScore()).isEqualTo(OptionalDouble.of(1.5));
        assertThat(calls.get(1).comment()).contains("/spool/c1.wav");
        assertThat(calls.get(0).complaint()).isTrue();
        assertThat(calls.get(0).queue()).contains("sales");
        assertThat(calls.get(0).agent()).contains("alice");
        assertThat(calls.get(0).survey()).isEqualTo("s");
        assertThat(calls.get(0).surveyedAt()).isEqualTo(Instant.parse("2026-03-12T10:00:00Z"));
        assertThat(scores.lowScored(march(Optional.of("sales")), 2.0, 1)).hasSize(1);
    }

    @Test
    void theAnswersToOneYesNoQuestionOfThePeriod() {
        response("no", "sales", "2026-03-11T10:00:00Z", null, "FIVE_POINT:2", "FIVE_POINT:1", "YES_NO:0");
        response("yes", "support", "2026-03-12T10:00:00Z", null, "FIVE_POINT:4", "FIVE_POINT:5", "YES_NO:1");
        // q3 on another scale is not the yes-no question
        response("scaled", "sales", "2026-03-13T10:00:00Z", null, "FIVE_POINT:4", "FIVE_POINT:5", "FIVE_POINT:1");
        response("april", "sales", "2026-03-31T23:30:00Z", null, "FIVE_POINT:1", "FIVE_POINT:1", "YES_NO:1");

        List<YesNoAnswer> answers = scores.yesNoAnswers(march(Optional.empty()), "q3");

        assertThat(answers).extracting(YesNoAnswer::yes).containsExactlyInAnyOrder(false, true);
        assertThat(answers).filteredOn(YesNoAnswer::yes).singleElement().satisfies(yes -> {
            assertThat(yes.queue()).contains("support");
            assertThat(yes.agent()).contains("alice");
            assertThat(yes.surveyedAt()).isEqualTo(Instant.parse("2026-03-12T10:00:00Z"));
        });
        assertThat(scores.yesNoAnswers(march(Optional.of("sales")), "q3")).extracting(YesNoAnswer::yes)
                .containsExactly(false);
        assertThat(scores.yesNoAnswers(march(Optional.empty()), "q1")).isEmpty();
    }
}
