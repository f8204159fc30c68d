package org.callscore.ivr;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.stream.Collectors;

import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Whether the site is open, from iCalendar files: the events of the {@code hours} calendars are the opening
 * hours (usually recurring, with RRULE; EXDATE takes single days out), events marked {@code CATEGORIES:CLOSED}
 * or {@code CATEGORIES:HOLIDAY} in them and every event of the {@code holidays} calendars are closures.
 * The site is open at an instant when an opening covers it (or no hours calendar is given) and no closure
 * does. Times without a time zone and all-day events are read in the site's zone, so opening at 08:00 stays
 * 08:00 across a change to or from summer time; times with TZID or in UTC mean that instant.
 */
public final class BusinessHours {

    /** One {@code NAME.ics} file, parsed. Immutable once built; safe to share between calls. */
    public static final class Calendar {

        private final String name;
        private final List<VEvent> openings;
        private final List<VEvent> closures;

        private Calendar(String name, List<VEvent> openings, List<VEvent> closures) {
            this.name = name;
            this.openings = List.copyOf(openings);
            this.closures = List.copyOf(closures);
        }

        /**
         * @param name      the calendar's name (its file name without {@code .ics})
         * @param openings  events that open the site
         * @param closures  events that close it
         */
        public static Calendar of(String name, List<VEvent> openings, List<VEvent> closures) {
            return new Calendar(name, openings, closures);
        }

        public String name() {
            return name;
        }

        /** @return how many events open the site */
        public int openings() {
            return openings.size();
        }

        /** @return how many events close it (CATEGORIES:CLOSED or HOLIDAY) */
        public int closures() {
            return closures.size();
        }
    }

    private final List<Calendar> hours;
    private final List<Calendar> holidays;
    private final ZoneId zone;

    private BusinessHours(List<Calendar> hours, List<Calendar> holidays, ZoneId zone) {
        this.hours = List.copyOf(hours);
        this.holidays = List.copyOf(holidays);
        this.zone = zone;
    }

    /**
     * @param hours    calendars of opening hours (their CLOSED/HOLIDAY events close); none: open unless a
     *                 holiday says otherwise
     * @param holidays calendars whose every event is a closure
     * @param zone     the site's time zone
     */
    public static BusinessHours of(List<Calendar> hours, List<Calendar> holidays, ZoneId zone) {
        return new BusinessHours(hours, holidays, zone);
    }

    public boolean isOpen(Instant at) {
        boolean opening = hours.isEmpty()
                || hours.stream().anyMatch(c -> c.openings.stream().anyMatch(e -> covers(e, at, zone)));
        if (!opening) {
            return false;
        }
        boolean closure = hours.stream().anyMatch(c -> c.closures.stream().anyMatch(e -> covers(e, at, zone)))
                || holidays.stream().anyMatch(c -> c.openings.stream().anyMatch(e -> covers(e, at, zone))
                        || c.closures.stream().anyMatch(e -> covers(e, at, zone)));
        return !closure;
    }

    public ZoneId zone() {
        return zone;
    }

    /** @return e.g. {@code hours office, holidays public-holidays} */
    @Override
    public String toString() {
        String text = hours.isEmpty() ? "" : "hours " + names(hours);
        if (!holidays.isEmpty()) {
            text += (text.isEmpty() ? "" : ", ") + "holidays " + names(holidays);
        }
        return text;
    }

    private static String names(List<Calendar> calendars) {
        return calendars.stream().map(Calendar::name).collect(Collectors.joining(" "));
    }

    /**
     * Whether one of the event's occurrences covers the instant. Occurrences are asked for in a window
     * around it (the event's length plus a day each side), in the type of the event's DTSTART. ical4j's
     * {@code Period.toInterval} is not used: it misplaces zoned times across a DST change.
     */
    /** @return whether {@code event} covers {@code at}, its times without a zone read in {@code zone} */
    public static boolean covers(VEvent event, Instant at, ZoneId zone) {
        Temporal start = event.getStartDate().get().getDate();
        Temporal end = event.getEndDate(true).map(d -> (Temporal) d.getDate()).orElse(null);
        Duration length = end == null ? Duration.ofDays(1)
                : Duration.between(instant(start, zone), instant(end, zone)).abs();
        Instant from = at.minus(length).minus(Duration.ofDays(1));
        Instant to = at.plus(Duration.ofDays(1));
        Period<? extends Temporal> window;
        if (start instanceof LocalDate) {
            window = new Period<>(LocalDate.ofInstant(from, zone), LocalDate.ofInstant(to, zone));
        } else if (start instanceof LocalDateTime) {
            window = new Period<>(LocalDateTime.ofInstant(from, zone), LocalDateTime.ofInstant(to, zone));
        } else if (start instanceof ZonedDateTime zoned) {
            window = new Period<>(from.atZone(zoned.getZone()), to.atZone(zoned.getZone()));
        } else {
            window = new Period<>(OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        for (Period<Temporal> occurrence : event.<Temporal>calculateRecurrenceSet(window)) {
            Instant begins = instant(occurrence.getStart(), zone);
            Instant ends = end == null && start instanceof LocalDate ? begins.plus(Duration.ofDays(1))
                    : instant(occurrence.getEnd(), zone);
            if (!at.isBefore(begins) && at.isBefore(ends)) {
                return true;
            }
        }
        return false;
    }

    private static Instant instant(Temporal temporal, ZoneId zone) {
        if (temporal instanceof LocalDate date) {
            return date.atStartOfDay(zone).toInstant();
        }
        if (temporal instanceof LocalDateTime local) {
            return local.atZone(zone).toInstant();
        }
        return Instant.from(temporal);
    }
}
