package org.callscore.notify;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * When calls may start: on the days from {@code firstDay} to {@code lastDay} (both included), from
 * {@code dailyFrom} (included) to {@code dailyUntil} (excluded), evaluated in each customer's zone (the zone of
 * the imported row, else {@code zone}, else the site's zone {@code org.callscore.site.SiteZone}). A call in flight
 * at the end of the window ends normally. A daily hour skipped by a DST change is moved later by the length of the
 * gap (02:30 on a night when 02:00 becomes 03:00 is 03:30); one that occurs twice counts at its first occurrence.
 */
public record CampaignWindow(LocalDate firstDay, LocalDate lastDay, LocalTime dailyFrom, LocalTime dailyUntil,
        Optional<ZoneId> zone) {

    public CampaignWindow {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        Objects.requireNonNull(dailyFrom, "dailyFrom");
        Objects.requireNonNull(dailyUntil, "dailyUntil");
        Objects.requireNonNull(zone, "zone");
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("lastDay " + lastDay + " is before firstDay " + firstDay);
        }
        if (!dailyFrom.isBefore(dailyUntil)) {
            throw new IllegalArgumentException("dailyFrom " + dailyFrom + " must be before dailyUntil " + dailyUntil);
        }
    }
}
