package org.callscore.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.callscore.ivr.internal.CalendarFile;
import org.callscore.ivr.internal.IvrFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

public class BusinessHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Monday to Friday 08:00-18:00 site time; Christmas Day off (EXDATE); Christmas Eve closed by a CLOSED event. */
    public static final String OFFICE = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//CallScore//test//EN",
            "BEGIN:VEVENT", "UID:office-hours", "DTSTAMP:20260101T000000Z", "DTSTART:20260105T080000",
            "DTEND:20260105T180000", "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "EXDATE:20261225T080000",
            "SUMMARY:Open", "END:VEVENT",
            "BEGIN:VEVENT", "UID:xmas-eve", "DTSTAMP:20260101T000000Z", "DTSTART;VALUE=DATE:20261224",
            "DTEND;VALUE=DATE:20261225", "CATEGORIES:CLOSED", "SUMMARY:Christmas Eve", "END:VEVENT",
            "END:VCALENDAR", "");

    static final String PUBLIC_HOLIDAYS = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
            "PRODID:-//CallScore//test//EN",
            "BEGIN:VEVENT", "UID:easter-monday", "DTSTAMP:20260101T000000Z", "DTSTART;VALUE=DATE:20260406",
            "SUMMARY:Easter Monday", "END:VEVENT",
            "END:VCALENDAR", "");

    private static BusinessHours office() {
        return BusinessHours.of(List.of(CalendarFile.parse("office", OFFICE)),
                List.of(CalendarFile.parse("public", PUBLIC_HOLIDAYS)), BERLIN);
    }

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    /**
     * The office calendar with the public holidays: open or closed at each instant (UTC), and why. Friday 27 March
     * 2026 is winter time (UTC+1), Sunday 29 March the clocks go forward, Monday 30 March is summer time (UTC+2);
     * back to winter time on 25 October.
     */
    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-27T06:59:00Z | false | winter time: 08:00-18:00 local is 07:00-17:00 UTC
            2026-03-27T07:00:00Z | true  | winter time: 08:00 local
            2026-03-27T16:30:00Z | true  | winter time: 17:30 local
            2026-03-27T17:00:00Z | false | winter time: 18:00 local
            2026-03-29T10:00:00Z | false | clocks go forward; closed on a Sunday anyway
            2026-03-30T05:59:00Z | false | summer time: 08:00-18:00 local is 06:00-16:00 UTC
            2026-03-30T06:00:00Z | true  | summer time: 08:00 local
            2026-03-30T16:30:00Z | false | 17:30 UTC+1 would be open; 18:30 local is not
            2026-10-23T06:30:00Z | true  | Friday 23 October, summer time: 08:30 local
            2026-10-26T06:30:00Z | false | Monday 26 October, winter time (clocks went back on the 25th): 07:30 local
            2026-10-26T07:30:00Z | true  | Monday 26 October, winter time: 08:30 local
            2026-10-26T16:30:00Z | true  | Monday 26 October, winter time: 17:30 local
            2026-04-06T09:00:00Z | false | Easter Monday, from the holidays calendar
            2026-04-07T09:00:00Z | true  | the day after Easter Monday
            2026-12-23T09:00:00Z | true  | the day before Christmas Eve
            2026-12-24T09:00:00Z | false | Christmas Eve (Thursday) closed by a CLOSED event
            2026-12-25T09:00:00Z | false | Christmas Day (Friday) closed by EXDATE
            2026-12-28T09:00:00Z | true  | the Monday after Christmas
            """)
    void openingHoursFollowLocalTimeAcrossClockChangesAndHolidaysCloseAllDay(String utc, boolean open, String why) {
        assertThat(office().isOpen(at(utc))).as(why).isEqualTo(open);
    }

    @Test
    void onlyHolidaysMeansOpenExceptOnThem() {
        BusinessHours hours = BusinessHours.of(List.of(), List.of(CalendarFile.parse("public",
                PUBLIC_HOLIDAYS)), BERLIN);

        assertThat(hours.isOpen(at("2026-04-05T23:30:00Z"))).as("00:30 local on Easter Monday").isFalse();
        assertThat(hours.isOpen(at("2026-04-05T21:30:00Z"))).isTrue();
    }

    @Test
    void timesWithATimeZoneMeanThatInstant() {
        String utc = OFFICE.replace("DTSTART:20260105T080000", "DTSTART:20260105T080000Z")
                .replace("DTEND:20260105T180000", "DTEND:20260105T180000Z");
        BusinessHours hours = BusinessHours.of(List.of(CalendarFile.parse("utc", utc)), List.of(), BERLIN);

        assertThat(hours.isOpen(at("2026-03-30T07:30:00Z"))).isFalse();
        assertThat(hours.isOpen(at("2026-03-30T08:30:00Z"))).isTrue();
    }

    @Test
    void aBrokenCalendarIsRefusedWithItsFileName() {
        assertThatThrownBy(() -> CalendarFile.parse("broken", "BEGIN:VCALENDAR\nnonsense"))
                .isInstanceOf(IvrFileException.class).hasMessageStartingWith("broken.ics: (file) is not an iCalendar file");
        assertThatThrownBy(() -> CalendarFile.parse("rule", OFFICE.replace("BYDAY=MO", "BYDAY=XX")))
                .isInstanceOf(IvrFileException.class).hasMessageStartingWith("rule.ics: ");
    }
}
