package org.callscore.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The survey's tables beside the CDR as a site creates it (the shipped dialplan/asterisk-tables.sql) in the real
 * MariaDB: the join on uniqueid that docs/dialplan-contract.md suggests for the caller's number works.
 */
class CdrJoinTest {

    private final Jdbi jdbi = UnitDatabase.jdbi();

    @BeforeEach
    void tables() {
        UnitDatabase.recreate(jdbi, Path.of("src/main/resources/db/migration"), "survey_answer", "survey_response",
                "survey_version", "cdr", "queue_log");
        UnitDatabase.run(jdbi, Path.of("../../dialplan/asterisk-tables.sql"));
    }

    @Test
    void aSurveyResponseJoinsTheCdrOfItsUniqueid() {
        String call = "1774688400.1";
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO cdr (src, dst, channel, start, disposition, uniqueid, linkedid) "
                    + "VALUES ('0611', '100', 'PJSIP/caller-1', ?, ?, ?, ?)", "2026-03-28 10:00:00", "ANSWERED", call,
                    call);
            h.execute("INSERT INTO survey_version (survey, sha256, definition) VALUES ('s', 'v', '')");
            h.execute("INSERT INTO survey_response (id, survey, survey_sha256, uniqueid, started_at, status, questions) "
                    + "VALUES ('r1', 's', 'v', ?, ?, 'completed', 1)", call, Instant.parse("2026-03-28T10:05:00Z"));
        });

        // the join docs/dialplan-contract.md suggests for the caller's number: one collation on both sides
        List<String> callers = jdbi.withHandle(h -> h.createQuery("SELECT c.src FROM survey_response r JOIN cdr c "
                + "ON c.uniqueid = r.uniqueid WHERE r.id = 'r1'").mapTo(String.class).list());

        assertThat(callers).containsExactly("0611");
    }
}
