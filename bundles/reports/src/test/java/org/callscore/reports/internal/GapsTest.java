package org.callscore.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class GapsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void anIdThatArrivesSplitsItsRangeAndTheRestExpiresAfterTheGrace() {
        Gaps gaps = Gaps.none("table:queue_log");
        gaps.noticed(10, 14, T0);
        assertThat(gaps.awaited()).isEqualTo(5);
        assertThat(gaps.arrived(12)).isTrue();
        assertThat(gaps.arrived(12)).as("only once").isFalse();
        assertThat(gaps.arrived(15)).isFalse();
        assertThat(gaps.awaited()).isEqualTo(4);
        assertThat(gaps.condition()).isEqualTo(" OR id BETWEEN :gapFirst0 AND :gapLast0 OR id BETWEEN :gapFirst1 AND "
                + ":gapLast1");
        gaps.noticed(20, 20, T0.plusSeconds(200));
        gaps.expire(T0.plusSeconds(301), Duration.ofSeconds(300));
        assertThat(gaps.awaited()).as("10-11 and 13-14 given up, 20 still awaited").isEqualTo(1);
        assertThat(gaps.arrived(20)).isTrue();
        assertThat(gaps.isEmpty()).isTrue();
    }

    @Test
    void atMostSoManyRangesAreAwaitedTheOldestGivenUpFirst() {
        Gaps gaps = Gaps.none("table:queue_log");
        // ids that step by 2 leave a gap after every row
        for (int i = 0; i <= Gaps.MAX_RANGES; i++) {
            gaps.noticed(2L * i, 2L * i, T0.plusSeconds(i));
        }
        assertThat(gaps.awaited()).isEqualTo(Gaps.MAX_RANGES);
        assertThat(gaps.arrived(0)).as("the oldest was given up").isFalse();
        assertThat(gaps.arrived(2L * Gaps.MAX_RANGES)).isTrue();
    }
}
