package org.callscore.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.callscore.reports.LowScoredCall;
import org.callscore.reports.ReportGroup;
import org.callscore.reports.ReportQuery;
import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The low-scored drill-down against the survey module's tables in the real MariaDB (callscore_unit). */
class LowScoredTest {

    private final Jdbi jdbi = UnitDatabase.jdbi();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

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

    @Test
    void complaintsAndLowMeansOfThePeriodNewestFirst() {
        response("happy", "sales", "2026-03-10T10:00:00Z", null, "FIVE_POINT:5", "FIVE_POINT:4");
        response("low", "sales", "2026-03-11T10:00:00Z", "/spool/c1.wav", "FIVE_POINT:2", "FIVE_POINT:1", "YES_NO:0");
        response("complained", "sales", "2026-03-12T10:00:00Z", null, "FIVE_POINT:4", "YES_NO:1!");
        response("support", "support", "2026-03-12T11:00:00Z", null, "FIVE_POINT:1");
        // 23:30 UTC on 31 March is 1 April in Berlin: outside a March report
        response("april", "sales", "2026-03-31T23:30:00Z", null, "FIVE_POINT:1");
        ReportReader reader = new ReportReader(jdbi, QueueLogFixture.SETTINGS, Optional.empty(), true);
        ReportQuery march = new ReportQuery(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), BERLIN,
                Optional.of("sales"), Optional.empty(), ReportGroup.ALL);

        List<LowScoredCall> calls = reader.lowScored(march, 2.0, 10);

        // happy: mean 4.5, no complaint; low: mean (2+1)/2 = 1.5; complained: mean 4 but a complaint
        assertThat(calls).extracting(LowScoredCall::uniqueId).containsExactly("u-complained", "u-low");
        assertThat(calls.get(1).meanScore()).isEqualTo(OptionalDouble.of(1.5));
        assertThat(calls.get(1).comment()).contains("/spool/c1.wav");
        assertThat(calls.get(0).complaint()).isTrue();
        assertThat(reader.lowScored(march, 2.0, 1)).hasSize(1);
        assertThat(new ReportReader(jdbi, QueueLogFixture.SETTINGS, Optional.empty(), false).lowScored(march, 2.0, 10))
                .isEmpty();
    }
}
