package org.callscore.callback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.callscore.callback.AttemptOutcome;
import org.callscore.callback.CallbackState;
import org.callscore.ivr.BusinessHours;
import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * The scheduling and retry rules against cases worked out by hand. The office calendar opens Monday to Friday,
 * 08:00 to 18:00 in floating time, which the rules read in the customer's zone.
 */
class SchedulingRulesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final BusinessHours.Calendar OFFICE = calendar("office", """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//CallScore//test//EN
            BEGIN:VEVENT
            UID:office-hours
            DTSTAMP:20260101T000000Z
            DTSTART:20260105T080000
            DTEND:20260105T180000
            RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
            END:VEVENT
            END:VCALENDAR
            """);
    static final BusinessHours.Calendar EVERY_DAY = calendar("every-day", """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//CallScore//test//EN
            BEGIN:VEVENT
            UID:daily-hours
            DTSTAMP:20260101T000000Z
            DTSTART:20260101T080000
            DTEND:20260101T180000
            RRULE:FREQ=DAILY
            END:VEVENT
            END:VCALENDAR
            """);
    private static final BusinessHours.Calendar CHRISTMAS = calendar("holidays", """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//CallScore//test//EN
            BEGIN:VEVENT
            UID:christmas
            DTSTAMP:20260101T000000Z
            DTSTART;VALUE=DATE:20261225
            SUMMARY:Christmas
            END:VEVENT
            END:VCALENDAR
            """);

    static BusinessHours.Calendar calendar(String name, String text) {
        try {
            Calendar parsed = new CalendarBuilder().build(new StringReader(text.replace("\n", "\r\n")));
            List<VEvent> openings = new ArrayList<>();
            List<VEvent> closures = new ArrayList<>();
            for (VEvent event : parsed.<VEvent>getComponents("VEVENT")) {
                boolean closed = event.getProperty(Property.CATEGORIES).isPresent();
                (closed ? closures : openings).add(event);
            }
            return BusinessHours.Calendar.of(name, openings, closures);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    private static Optional<BusinessHours> hours(ZoneId customer, BusinessHours.Calendar... calendars) {
        return Optional.of(BusinessHours.of(List.of(calendars), List.of(), customer));
    }

    @Test
    void askedFor2330WhenTheOfficeOpensAt0800IsDueNextDayAt0800() {
        Instant asked = local("2026-12-02T23:30", PARIS); // a Wednesday

        assertThat(OpenHours.firstOpen(asked, hours(PARIS, OFFICE))).contains(local("2026-12-03T08:00", PARIS))
                .contains(Instant.parse("2026-12-03T07:00:00Z"));
    }

    @Test
    void askedForWhileOpenIsDueThen() {
        Instant asked = local("2026-12-02T10:15", PARIS);

        assertThat(OpenHours.firstOpen(asked, hours(PARIS, OFFICE))).contains(asked);
    }

    @Test
    void noCalendarIsAlwaysOpen() {
        Instant asked = local("2026-12-05T03:00", PARIS);

        assertThat(OpenHours.firstOpen(asked, Optional.empty())).contains(asked);
    }

    @Test
    void acrossTheSpringChangeOpeningStays0800LocalOneHourEarlierInUtc() {
        // Paris goes from 02:00 CET to 03:00 CEST on Sunday 29 March 2026
        Instant asked = local("2026-03-28T20:00", PARIS); // Saturday evening, CET (UTC+1)

        assertThat(OpenHours.firstOpen(asked, hours(PARIS, EVERY_DAY)))
                .contains(Instant.parse("2026-03-29T06:00:00Z")); // 08:00 CEST (UTC+2)
    }

    @Test
    void acrossTheAutumnChangeOpeningStays0800LocalOneHourLaterInUtc() {
        // Paris goes from 03:00 CEST back to 02:00 CET on Sunday 25 October 2026
        Instant asked = local("2026-10-24T22:00", PARIS); // Saturday evening, CEST (UTC+2)

        assertThat(OpenHours.firstOpen(asked, hours(PARIS, EVERY_DAY)))
                .contains(Instant.parse("2026-10-25T07:00:00Z")); // 08:00 CET (UTC+1)
    }

    @Test
    void aRetryDuringTheRepeatedAutumnHourLandsOnTheRightOpening() {
        Instant asked = Instant.parse("2026-10-25T00:30:00Z"); // 02:30 CEST, the first of the two 02:30s

        assertThat(OpenHours.firstOpen(asked, hours(PARIS, EVERY_DAY)))
                .contains(Instant.parse("2026-10-25T07:00:00Z"));
    }

    @Test
    void aHolidayIsSkippedAndSoIsTheWeekendAfterIt() {
        Optional<BusinessHours> withChristmas = Optional.of(BusinessHours.of(List.of(OFFICE), List.of(CHRISTMAS), PARIS));
        Instant asked = local("2026-12-24T19:00", PARIS); // Thursday evening; Friday 25th is Christmas

        assertThat(OpenHours.firstOpen(asked, withChristmas)).contains(local("2026-12-28T08:00", PARIS));
    }

    @Test
    void theCustomersZoneNotTheSitesDecidesWhenTheOfficeIsOpen() {
        // 12:00 UTC: 13:00 in Paris (the site, open) but 07:00 in New York (the customer, closed until 08:00)
        Instant asked = Instant.parse("2026-12-02T12:00:00Z");

        assertThat(OpenHours.firstOpen(asked, hours(NEW_YORK, OFFICE))).contains(Instant.parse("2026-12-02T13:00:00Z"));
        assertThat(OpenHours.firstOpen(asked, hours(PARIS, OFFICE))).contains(asked);
    }

    @Test
    void hoursThatNeverOpenGiveNoDueTime() {
        Optional<BusinessHours> never = Optional.of(BusinessHours.of(List.of(CHRISTMAS), List.of(CHRISTMAS), PARIS));

        assertThat(OpenHours.firstOpen(Instant.parse("2026-12-26T00:00:00Z"), never)).isEmpty();
    }

    // retry rules, with the defaults of etc/org.callscore.callback.cfg unless a line is given

    private static final Instant ENDED = Instant.parse("2026-12-02T10:00:00Z");
    private final RetryRules defaults = Fixtures.settings(Map.of(), Map.of()).rules;

    @Test
    void busyIsRetriedAfterTenMinutesUntilTheFifthAttempt() {
        assertThat(defaults.retryAt(AttemptOutcome.BUSY, 1, ENDED)).contains(ENDED.plus(Duration.ofMinutes(10)));
        assertThat(defaults.retryAt(AttemptOutcome.BUSY, 4, ENDED)).contains(ENDED.plus(Duration.ofMinutes(10)));
        assertThat(defaults.retryAt(AttemptOutcome.BUSY, 5, ENDED)).isEmpty();
    }

    @Test
    void eachOutcomeHasItsOwnDelayAndMaximum() {
        assertThat(defaults.retryAt(AttemptOutcome.NO_ANSWER, 3, ENDED)).contains(ENDED.plus(Duration.ofMinutes(30)));
        assertThat(defaults.retryAt(AttemptOutcome.NO_ANSWER, 4, ENDED)).isEmpty();
        assertThat(defaults.retryAt(AttemptOutcome.AGENT_NO_ANSWER, 9, ENDED)).contains(ENDED.plus(Duration.ofMinutes(2)));
        assertThat(defaults.retryAt(AttemptOutcome.FAILED, 3, ENDED)).isEmpty();
        assertThat(defaults.retryAt(AttemptOutcome.LOST, 1, ENDED)).contains(ENDED.plus(Duration.ofMinutes(5)));
        assertThat(defaults.retryAt(AttemptOutcome.ANSWERED, 1, ENDED)).isEmpty();
    }

    @Test
    void theCfgLinesChangeTheRules() {
        RetryRules rules = Fixtures.settings(Map.of("retry_busy_delay_minutes", 3, "retry_busy_attempts", 2,
                "expiry_hours", 24), Map.of()).rules;

        assertThat(rules.retryAt(AttemptOutcome.BUSY, 1, ENDED)).contains(ENDED.plus(Duration.ofMinutes(3)));
        assertThat(rules.retryAt(AttemptOutcome.BUSY, 2, ENDED)).isEmpty();
        assertThat(rules.expiresAt(ENDED)).isEqualTo(ENDED.plus(Duration.ofHours(24)));
    }

    @Test
    void answeredIsDoneAndTheLastAllowedFailureIsFailed() {
        Instant expires = ENDED.plus(Duration.ofDays(3));

        assertThat(defaults.after(AttemptOutcome.ANSWERED, 1, ENDED, expires, Optional::of).state())
                .isEqualTo(CallbackState.DONE);
        assertThat(defaults.after(AttemptOutcome.FAILED, 3, ENDED, expires, Optional::of).state())
                .isEqualTo(CallbackState.FAILED);
    }

    @Test
    void aBusyRetryAfterClosingTimeIsDueWhenTheOfficeOpensAgain() {
        Instant ended = local("2026-12-02T17:55", PARIS); // retry at 18:05, closed: Thursday 08:00
        Optional<BusinessHours> office = hours(PARIS, OFFICE);

        RetryRules.Decision next = defaults.after(AttemptOutcome.BUSY, 1, ended, ended.plus(Duration.ofDays(3)),
                at -> OpenHours.firstOpen(at, office));

        assertThat(next.state()).isEqualTo(CallbackState.SCHEDULED);
        assertThat(next.due()).contains(local("2026-12-03T08:00", PARIS));
    }

    @Test
    void aRetryThatWouldFallAfterTheExpiryExpiresTheCallback() {
        Instant ended = local("2026-12-04T17:55", PARIS); // Friday: the next opening is Monday
        Optional<BusinessHours> office = hours(PARIS, OFFICE);

        RetryRules.Decision next = defaults.after(AttemptOutcome.BUSY, 1, ended, local("2026-12-06T12:00", PARIS),
                at -> OpenHours.firstOpen(at, office));

        assertThat(next.state()).isEqualTo(CallbackState.EXPIRED);
        assertThat(next.due()).isEmpty();
    }
}
