package org.callscore.reports.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.callscore.reports.IngestionStatus;
import org.junit.jupiter.api.Test;

class StatusCommandTest {

    @Test
    void showsTheAwaitedIdsAndWhereTheRowsSetAsideAre() {
        String text = StatusCommand.text(new IngestionStatus("table:queue_log", 4711, 3,
                Optional.of(Instant.parse("2026-12-01T10:00:00Z")), Optional.empty(), Optional.empty(), 2, 5));
        assertThat(text).contains("Last id:     4711").contains("Awaited ids: 2").contains("Set aside:   5 rows")
                .contains("SELECT * FROM reports_set_aside").doesNotContain("Problem");
        assertThat(StatusCommand.text(new IngestionStatus("file:/var/log/asterisk/queue_log", 0, 0, Optional.empty(),
                Optional.of("queue_log.file cannot be read"), Optional.empty()))).contains("Set aside:   0\n")
                .contains("Problem:     queue_log.file cannot be read").contains("Last run:    none yet");
    }
}
