package org.callscore.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/** queue_log times as MariaDB returns them, read on ingestion's fast path, and the text it leaves to the parser. */
class QueueLogTimeTest {

    @Test
    void readsWhatMariaDbWritesWithAnyFraction() {
        assertThat(Ingestion.localTime("2026-01-31 23:59:58")).isEqualTo(LocalDateTime.of(2026, 1, 31, 23, 59, 58));
        assertThat(Ingestion.localTime("2026-01-31 23:59:58.5"))
                .isEqualTo(LocalDateTime.of(2026, 1, 31, 23, 59, 58, 500_000_000));
        assertThat(Ingestion.localTime("2026-01-31 23:59:58.000123"))
                .isEqualTo(LocalDateTime.of(2026, 1, 31, 23, 59, 58, 123_000));
    }

    @Test
    void zeroDatesAndDaysThatDoNotExistAreNoTime() {
        assertThat(Ingestion.localTime("0000-00-00 00:00:00")).isNull();
        assertThat(Ingestion.localTime("2026-02-30 10:00:00")).isNull();
        assertThat(Ingestion.localTime("yesterday")).isNull();
        assertThat(Ingestion.localTime(null)).isNull();
    }

    @Test
    void otherSpellingsGoToTheParserAsBefore() {
        assertThat(Ingestion.localTime(" 2026-01-31T08:05:00 ")).isEqualTo(LocalDateTime.of(2026, 1, 31, 8, 5));
        assertThat(Ingestion.localTime("2026-01-31 08:05")).isEqualTo(LocalDateTime.of(2026, 1, 31, 8, 5));
        assertThat(Ingestion.localTime("2026-01-31 08:05:00.")).isEqualTo(LocalDateTime.of(2026, 1, 31, 8, 5));
    }
}
