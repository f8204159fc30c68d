package org.callscore.support.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PeriodTitleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void namesWhatThePeriodWithItsEndExcludedAndTheZone() {
        assertThat(PeriodTitle.of("Calls entered", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 4), BERLIN,
                Optional.empty(), Optional.empty()))
                .isEqualTo("Calls entered from 2026-12-01 to 2026-12-04 (excluded), Europe/Berlin");
    }

    @Test
    void namesTheQueueThenTheAgentAskedFor() {
        assertThat(PeriodTitle.of("Surveys started", LocalDateTime.of(2026, 3, 1, 0, 0),
                LocalDateTime.of(2026, 4, 1, 0, 0), BERLIN, Optional.of("sales"), Optional.of("ann")))
                .isEqualTo("Surveys started from 2026-03-01T00:00 to 2026-04-01T00:00 (excluded), Europe/Berlin, "
                        + "queue sales, agent ann");
    }
}
