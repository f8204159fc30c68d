package org.callscore.callback.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CallbackFormTest {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void theTimeAskedForIsReadInTheCustomersZone() {
        assertThat(CallbackForm.askedFor(false, "2026-12-02T10:30", NEW_YORK))
                .contains(Instant.parse("2026-12-02T15:30:00Z"));
        assertThat(CallbackForm.askedFor(false, "2026-07-02T10:30:15", LISBON))
                .contains(Instant.parse("2026-07-02T09:30:15Z"));
    }

    @Test
    void aTimeInTheSpringGapMovesForwardByTheGap() {
        // 2026-03-29 01:00 -> 02:00 in Lisbon: 01:30 does not exist
        assertThat(CallbackForm.askedFor(false, "2026-03-29T01:30", LISBON))
                .contains(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void asSoonAsPossibleNeedsNoTimeAndWinsOverOne() {
        assertThat(CallbackForm.askedFor(true, "", LISBON)).isEmpty();
        assertThat(CallbackForm.askedFor(true, "2026-12-02T10:30", LISBON)).isEmpty();
    }

    @Test
    void aMissingOrBadFieldIsNamed() {
        assertThatThrownBy(() -> CallbackForm.askedFor(false, " ", LISBON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("as soon as possible");
        assertThatThrownBy(() -> CallbackForm.askedFor(false, "tomorrow at 10", LISBON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'tomorrow at 10'");
        assertThatThrownBy(() -> CallbackForm.zone("Mars/Olympus", LISBON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Mars/Olympus'");
        assertThatThrownBy(() -> CallbackForm.required("queue", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("queue is needed");
    }

    @Test
    void anEmptyZoneIsTheSitesAndTimesGoBackIntoTheFormInTheCustomersZone() {
        assertThat(CallbackForm.zone("", LISBON)).isEqualTo(LISBON);
        assertThat(CallbackForm.zone(" America/New_York ", LISBON)).isEqualTo(NEW_YORK);
        assertThat(CallbackForm.local(Instant.parse("2026-12-02T15:30:42Z"), NEW_YORK)).isEqualTo("2026-12-02T10:30");
        assertThat(Optional.of(CallbackForm.optional(null))).contains("");
    }
}
