package org.callscore.notify.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.callscore.notify.CampaignWindow;

/**
 * When a campaign may call a customer: the window's days and daily hours read in the customer's zone. Pure. A
 * daily hour that a DST change skips opens at the first instant after the gap (what {@link ZonedDateTime#of} gives);
 * one that occurs twice opens at its first occurrence and closes at the first of {@code dailyUntil}.
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
