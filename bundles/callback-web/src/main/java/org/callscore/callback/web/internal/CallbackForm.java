package org.callscore.callback.web.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.callscore.callback.CallbackFigureQuery;

/** The callback form's fields, read into what the Callbacks service takes; a bad field names itself. */
final class CallbackForm {

    /** What an HTML {@code datetime-local} input sends. */
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private CallbackForm() {
    }

    /** @throws IllegalArgumentException naming the field, when it is empty */
    static String required(String field, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(field + " is needed");
        }
        return text;
    }

    static String optional(String value) {
        return value == null ? "" : value.strip();
    }

    /** @return the zone, or the site's when the field is empty */
    static ZoneId zone(String value, ZoneId site) {
        String text = optional(value);
        if (text.isEmpty()) {
            return site;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("customer's time zone '" + text + "' is not a time zone (e.g. "
                    + "Europe/Lisbon)");
        }
    }

    /**
     * @param asap  whether "as soon as possible" was ticked
     * @param local the date and time the customer asked for, in their zone ({@code 2026-12-02T10:30})
     * @return the instant asked for; empty: as soon as possible
     */
    static Optional<Instant> askedFor(boolean asap, String local, ZoneId zone) {
        String text = optional(local);
        if (asap) {
            return Optional.empty();
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the date and time the customer asked for is needed, or tick "
                    + "'as soon as possible'");
        }
        try {
            // a time in a daylight-saving gap moves forward by the gap, as a wall clock does
            return Optional.of(LocalDateTime.parse(text, LOCAL).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the date and time '" + text + "' is not a date and time "
                    + "(2026-12-02T10:30)");
        }
    }

    /** @return the instant as the form's {@code datetime-local} value, in the zone */
    static String local(Instant at, ZoneId zone) {
        return LOCAL.format(LocalDateTime.ofInstant(at, zone).withSecond(0).withNano(0)).substring(0, 16);
    }

    /**
     * The figures page's fields: {@code from} (default the first day of this month), {@code to} (first day not
     * included, default tomorrow), {@code queue}, {@code by} (default queue), {@code closure} (days, default 3).
     *
     * @param parameter the request's parameter of a name, or null
     * @throws IllegalArgumentException naming the field that is wrong
     */
    static CallbackFigureQuery figureQuery(UnaryOperator<String> parameter, LocalDate today, ZoneId zone) {
        LocalDate from = day("from", parameter.apply("from"), today.withDayOfMonth(1));
        LocalDate to = day("to", parameter.apply("to"), today.plusDays(1));
        String queue = optional(parameter.apply("queue"));
        String by = optional(parameter.apply("by"));
        CallbackFigureQuery.Grouping grouping;
        try {
            grouping = by.isEmpty() ? CallbackFigureQuery.Grouping.QUEUE
                    : CallbackFigureQuery.Grouping.valueOf(by.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("by '" + by + "' is none of all, queue, agent, day, week, month, year");
        }
        String closure = optional(parameter.apply("closure"));
        int closureDays;
        try {
            closureDays = closure.isEmpty() ? 3 : Integer.parseInt(closure);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("closure days '" + closure + "' is not a number");
        }
        return new CallbackFigureQuery(from, to, zone, queue.isEmpty() ? Optional.empty() : Optional.of(queue),
                Optional.empty(), grouping, closureDays);
    }

    private static LocalDate day(String field, String value, LocalDate otherwise) {
        String text = optional(value);
        try {
            return text.isEmpty() ? otherwise : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a day (2026-12-01)");
        }
    }
}
