package org.callscore.support.period;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class SpanTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @Test
    void aSpanOfOneDayOrOneInstantIsAccepted() {
        assertThatCode(() -> Span.check(DAY, DAY.plusDays(1))).doesNotThrowAnyException();
        Instant at = Instant.parse("2026-11-24T08:00:00Z");
        assertThatCode(() -> Span.check(at, at.plusNanos(1))).doesNotThrowAnyException();
    }

    @Test
    void anEmptyOrBackwardSpanIsRefusedNamingBothEnds() {
        assertThatThrownBy(() -> Span.check(DAY, DAY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("from (2026-11-24) must be before to (2026-11-24)");
        assertThatThrownBy(() -> Span.check(DAY, DAY.minusDays(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("from (2026-11-24) must be before to (2026-11-23)");
    }

    @Test
    void aMissingEndIsNamed() {
        assertThatThrownBy(() -> Span.check(null, DAY)).isInstanceOf(NullPointerException.class).hasMessage("from");
        assertThatThrownBy(() -> Span.check(DAY, null)).isInstanceOf(NullPointerException.class).hasMessage("to");
    }
}
