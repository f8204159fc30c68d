package org.callscore.notify.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.callscore.notify.CampaignWindow;

/**
 * When a campaign may call a customer: the window's days and daily hours read in the customer's zone. Pure. A
 * daily hour that a DST change skips is moved later by the length of the gap, as {@link ZonedDateTime#of} does: on
 * the spring-forward night of Europe/Paris (02:00 becomes 03:00) a {@code dailyFrom} of 02:30 opens at 03:30 summer
 * time, not at 03:00, and a {@code dailyUntil} of 02:30 closes at 03:30. An hour that occurs twice (fall back) counts
 * at its first occurrence, for {@code dailyFrom} and {@code dailyUntil} alike.
 */
final class CallingWindow {

    private CallingWindow() {
    }

    /** @return the first instant at or after {@code from} inside the window; empty when the window is over */
    static Optional<Instant> firstOpen(CampaignWindow window, ZoneId zone, Instant from) {
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1); // a night window may have begun yesterday
        if (day.isBefore(window.firstDay())) {
            day = window.firstDay();
        }
        for (; !day.isAfter(window.lastDay()); day = day.plusDays(1)) {
            Instant opens = ZonedDateTime.of(day, window.dailyFrom(), zone).toInstant();
            Instant closes = ZonedDateTime.of(day, window.dailyUntil(), zone).toInstant();
            if (from.isBefore(closes) && opens.isBefore(closes)) {
                return Optional.of(from.isBefore(opens) ? opens : from);
            }
        }
        return Optional.empty();
    }

    static boolean isOpen(CampaignWindow window, ZoneId zone, Instant at) {
        return firstOpen(window, zone, at).filter(at::equals).isPresent();
    }
}
