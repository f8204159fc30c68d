package org.callscore.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import org.callscore.notify.CampaignWindow;
import org.junit.jupiter.api.Test;

/** The window's days and hours read in each customer's zone, across daylight-saving changes. */
class CallingWindowTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static CampaignWindow window(String first, String last, String from, String until) {
        return new CampaignWindow(LocalDate.parse(first), LocalDate.parse(last), LocalTime.parse(from),
                LocalTime.parse(until), Optional.empty());
    }

    @Test
    void theSameInstantIsInsideForOneCustomerAndOutsideForAnotherInAnotherZone() {
        CampaignWindow window = window("2026-06-01", "2026-06-30", "09:00", "18:00");
        Instant at = Instant.parse("2026-06-10T10:00:00Z"); // 12:00 in Paris, 06:00 in New York
        assertThat(CallingWindow.isOpen(window, PARIS, at)).isTrue();
        assertThat(CallingWindow.isOpen(window, NEW_YORK, at)).isFalse();
        assertThat(CallingWindow.firstOpen(window, NEW_YORK, at)).contains(Instant.parse("2026-06-10T13:00:00Z"));
    }

    @Test
    void afterTheDailyHoursTheNextDayOpensAndAfterTheLastDayNothingDoes() {
        CampaignWindow window = window("2026-06-01", "2026-06-02", "09:00", "18:00");
        assertThat(CallingWindow.firstOpen(window, PARIS, Instant.parse("2026-06-01T16:00:00Z")))
                .as("18:00 in Paris: closed until 09:00 the next day").contains(Instant.parse("2026-06-02T07:00:00Z"));
        assertThat(CallingWindow.firstOpen(window, PARIS, Instant.parse("2026-06-02T16:00:00Z"))).isEmpty();
        assertThat(CallingWindow.firstOpen(window, PARIS, Instant.parse("2026-05-20T12:00:00Z")))
                .as("before the first day").contains(Instant.parse("2026-06-01T07:00:00Z"));
    }

    @Test
    void theSpringForwardDayKeepsLocalHoursAndAnHourTheGapSkipsOpensAfterIt() {
        // Paris, 29 March 2026: 02:00 becomes 03:00 (UTC+1 to UTC+2)
        CampaignWindow morning = window("2026-03-28", "2026-03-30", "09:00", "12:00");
        assertThat(CallingWindow.firstOpen(morning, PARIS, Instant.parse("2026-03-28T12:00:00Z")))
                .as("09:00 summer time is 07:00 UTC").contains(Instant.parse("2026-03-29T07:00:00Z"));
        CampaignWindow night = window("2026-03-29", "2026-03-29", "02:30", "04:00");
        assertThat(CallingWindow.firstOpen(night, PARIS, Instant.parse("2026-03-28T23:00:00Z")))
                .as("02:30 does not exist that night: moved later by the hour of the gap, 03:30 summer time")
                .contains(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(CallingWindow.isOpen(night, PARIS, Instant.parse("2026-03-29T01:59:00Z"))).isTrue();
        assertThat(CallingWindow.isOpen(night, PARIS, Instant.parse("2026-03-29T02:00:00Z"))).as("04:00 CEST").isFalse();
    }

    @Test
    void aSkippedDailyStartMovesLaterByTheGapNotToTheEndOfTheGap() {
        // Paris, 29 March 2026: 02:00 CET becomes 03:00 CEST; 02:30 is moved later by the gap's hour: 03:30 CEST
        CampaignWindow window = window("2026-03-29", "2026-03-29", "02:30", "05:00");
        assertThat(CallingWindow.isOpen(window, PARIS, Instant.parse("2026-03-29T01:00:00Z")))
                .as("03:00 CEST, the first instant after the gap: still closed").isFalse();
        assertThat(CallingWindow.isOpen(window, PARIS, Instant.parse("2026-03-29T01:29:59Z")))
                .as("03:29:59 CEST").isFalse();
        assertThat(CallingWindow.firstOpen(window, PARIS, Instant.parse("2026-03-29T00:59:00Z")))
                .as("from 01:59 CET").contains(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(CallingWindow.isOpen(window, PARIS, Instant.parse("2026-03-29T01:30:00Z"))).as("03:30 CEST").isTrue();
    }

    @Test
    void aSkippedDailyEndMovesLaterByTheGapToo() {
        // the same night: 02:00 is 03:00 CEST and 02:45 is 03:45 CEST, so the window is 03:00-03:45 summer time
        CampaignWindow window = window("2026-03-29", "2026-03-29", "02:00", "02:45");
        assertThat(CallingWindow.firstOpen(window, PARIS, Instant.parse("2026-03-28T22:00:00Z")))
                .contains(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(CallingWindow.isOpen(window, PARIS, Instant.parse("2026-03-29T01:44:59Z"))).isTrue();
        assertThat(CallingWindow.isOpen(window, PARIS, Instant.parse("2026-03-29T01:45:00Z"))).as("03:45 CEST").isFalse();
    }

    @Test
    void theFallBackDayClosesAtTheFirstOccurrenceOfTheClosingHour() {
        // New York, 1 November 2026: 02:00 EDT becomes 01:00 EST
        CampaignWindow window = window("2026-11-01", "2026-11-01", "00:30", "01:30");
        assertThat(CallingWindow.isOpen(window, NEW_YORK, Instant.parse("2026-11-01T05:00:00Z")))
                .as("01:00 EDT").isTrue();
        assertThat(CallingWindow.isOpen(window, NEW_YORK, Instant.parse("2026-11-01T05:45:00Z")))
                .as("01:45 EDT, past 01:30 the first time").isFalse();
        assertThat(CallingWindow.isOpen(window, NEW_YORK, Instant.parse("2026-11-01T06:15:00Z")))
                .as("01:15 EST, the hour again: the window has closed for the day").isFalse();
    }
}
