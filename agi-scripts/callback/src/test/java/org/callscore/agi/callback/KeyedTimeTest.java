package org.callscore.agi.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** The keypad time scheme against hand-worked cases. */
class KeyedTimeTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static ZonedDateTime at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), PARIS);
    }

    @Test
    void hoursAndMinutesAreTodayWhenStillToComeElseTomorrow() {
        ZonedDateTime now = at("2026-12-02T10:15");
        assertThat(KeyedTime.parse("1430", now)).contains(at("2026-12-02T14:30"));
        assertThat(KeyedTime.parse("0900", now)).contains(at("2026-12-03T09:00"));
        assertThat(KeyedTime.parse("1015", now)).contains(at("2026-12-03T10:15")); // now is not to come
        assertThat(KeyedTime.parse("2330", at("2026-12-31T23:45"))).contains(at("2027-01-01T23:30"));
    }

    @Test
    void aDayOfMonthIsThisMonthsOrTheNextThatHasIt() {
        ZonedDateTime now = at("2026-01-30T12:00");
        assertThat(KeyedTime.parse("310800", now)).contains(at("2026-01-31T08:00"));
        assertThat(KeyedTime.parse("300800", now)).contains(at("2026-03-30T08:00")); // February has no 30th
        assertThat(KeyedTime.parse("290800", at("2026-01-31T12:00"))).contains(at("2026-03-29T08:00")); // 2026: no 29 Feb
        assertThat(KeyedTime.parse("310800", at("2026-03-31T12:00"))).contains(at("2026-05-31T08:00")); // April has 30
        assertThat(KeyedTime.parse("051700", at("2026-12-20T12:00"))).contains(at("2027-01-05T17:00"));
    }

    @Test
    void aTimeSkippedBySpringForwardMovesByTheGapAndARepeatedOneIsTheFirst() {
        // Paris, 29 March 2026: 02:00 becomes 03:00; 25 October 2026: 03:00 becomes 02:00 again
        ZonedDateTime spring = KeyedTime.parse("290230", at("2026-03-20T12:00")).orElseThrow();
        assertThat(spring.toLocalDateTime()).hasToString("2026-03-29T03:30");
        ZonedDateTime autumn = KeyedTime.parse("250230", at("2026-10-20T12:00")).orElseThrow();
        assertThat(autumn.toOffsetDateTime()).hasToString("2026-10-25T02:30+02:00");
    }

    @Test
    void theCustomersZoneDecidesWhatTodayIs() {
        // 23:30 in Paris on 2 December is 17:30 in New York: 18:00 is still to come there today
        ZonedDateTime newYork = at("2026-12-02T23:30").withZoneSameInstant(ZoneId.of("America/New_York"));
        assertThat(KeyedTime.parse("1800", newYork).orElseThrow().toLocalDateTime()).hasToString("2026-12-02T18:00");
    }

    @Test
    void keysOutsideTheSchemeAreRefused() {
        ZonedDateTime now = at("2026-12-02T10:15");
        for (String keys : new String[] {"", "1", "930", "12345", "2400", "1260", "000900", "320900", "1234567",
                "12*4", null}) {
            assertThat(KeyedTime.parse(keys, now)).as(String.valueOf(keys)).isEmpty();
        }
    }
}
