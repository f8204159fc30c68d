package org.callscore.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.callscore.storage.BackgroundTask;
import org.callscore.survey.SurveyOffer;
import org.callscore.testing.components.ComponentConfig;
import org.callscore.testing.components.References;
import org.callscore.testing.components.TestBundleContext;
import org.callscore.testing.database.BrokenDatabase;
import org.callscore.testing.database.SwitchableDatabase;
import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The survey-journal-replay task, driven as Declarative Services drives the component, against the unit
 * tests' MariaDB: an Error out of the Database service fails a replay, and the next replay writes the journal
 * once the cause is gone.
 */
class SurveyResponsesComponentRecoveryTest {

    private static final Jdbi MARIADB = UnitDatabase.jdbi();

    @TempDir
    Path data;

    @Test
    void anErrorOutOfTheDatabaseDoesNotStopTheReplay() throws Exception {
        UnitDatabase.recreate(MARIADB, Path.of("src/main/resources/db/migration"), "survey_answer", "survey_response",
                "survey_version");
        SwitchableDatabase mariadb = new SwitchableDatabase(MARIADB);
        BrokenDatabase database = new BrokenDatabase(mariadb);
        TestBundleContext bundle = new TestBundleContext();
        SurveyResponsesComponent responses = References.set(new SurveyResponsesComponent(), "database", database);
        mariadb.goDown();

        responses.activate(bundle.context(), ComponentConfig.of(SurveyResponsesComponent.Config.class,
                Map.of("journal_file", data.resolve("survey-journal.log").toString(), "replay_interval_seconds", 1)));
        try {
            BackgroundTask task = bundle.task("survey-journal-replay");
            responses.offered(new SurveyOffer("r1", SurveyFile.parse("after-call", "intro = beep\nthanks = beep\n"
                    + "question.1.prompt = beep\n"), "1700000000.1", Optional.empty(), Optional.of("sales"),
                    Optional.of("Agent One"), Instant.parse("2026-11-24T10:00:00Z")));
            assertThat(responses.pending()).as("journalled while MariaDB is down").isEqualTo(1);

            database.replayFailsThenRecovers(task, mariadb, responses::pending);
            String queue = MARIADB.withHandle(h -> h.select("SELECT queue FROM survey_response WHERE id = 'r1'")
                    .mapTo(String.class).one());
            assertThat(queue).isEqualTo("sales");
        } finally {
            responses.deactivate();
        }
        assertThat(bundle.hasServices()).isFalse();
    }
}
