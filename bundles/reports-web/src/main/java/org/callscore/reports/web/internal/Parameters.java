package org.callscore.reports.web.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.callscore.support.export.Table;

/**
 * The query parameters of one API or export request, checked: every parameter must be one the endpoint knows and
 * appear once; an empty value is the same as none. Each problem is a {@link BadParameter} naming the parameter.
 */
final class Parameters {

    /** The longest period a report may cover, in days: ten years of hours is already 87,600 rows. */
    static final int MAX_DAYS = 3700;
    /** The longest value: a queue name in Asterisk's queue_log has at most 256 characters. */
    static final int MAX_TEXT = 256;
    /**
     * The days a report may ask for. java.time accepts years of nine digits with a sign (+999999999-12-30), on which
     * the period arithmetic overflows; MariaDB's dates end in 9999. Calls are well inside this range.
     */
    static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2999, 12, 31);
    /** yyyy-MM-dd with a year of four digits and no sign; dates that do not exist (02-30) are refused */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private final Map<String, String[]> values;

    private Parameters(Map<String, String[]> values) {
        this.values = values;
    }

    /**
     * @param values  the request's parameters ({@code ServletRequest.getParameterMap()})
     * @param allowed the names this endpoint understands
     */
    static Parameters of(Map<String, String[]> values, Set<String> allowed) throws BadParameter {
        for (Map.Entry<String, String[]> entry : new java.util.TreeMap<>(values).entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw new BadParameter(entry.getKey(), "unknown parameter; this endpoint takes " + new TreeSet<>(allowed));
            }
            if (entry.getValue().length > 1) {
                throw new BadParameter(entry.getKey(), "given " + entry.getValue().length + " times");
            }
            if (entry.getValue().length == 1 && entry.getValue()[0].length() > MAX_TEXT) {
                throw new BadParameter(entry.getKey(), "longer than " + MAX_TEXT + " characters");
            }
        }
        return new Parameters(values);
    }

    /** @return the parameter's value, trimmed; empty when absent or blank */
    Optional<String> text(String name) {
        String[] given = values.get(name);
        if (given == null || given.length == 0 || given[0].isBlank()) {
            return Optional.empty();
        }
        return Optional.of(given[0].trim());
    }

    /** @return the zone named by {@code name}, or {@code otherwise} */
    ZoneId zone(String name, ZoneId otherwise) throws BadParameter {
        Optional<String> id = text(name);
        if (id.isEmpty()) {
            return otherwise;
        }
        try {
            return ZoneId.of(id.get());
        } catch (DateTimeException e) {
            throw new BadParameter(name, "'" + id.get() + "' is not a time zone (e.g. Europe/Berlin, UTC)");
        }
    }

    /**
     * The period: {@code month} (yyyy-MM), or {@code from} (first day included, default the first day of this
     * month) and {@code to} (first day no longer included, default tomorrow), dates as yyyy-MM-dd.
     *
     * @param today today in the report's zone
     */
    Period period(LocalDate today) throws BadParameter {
        Optional<String> month = text("month");
        if (month.isPresent()) {
            for (String other : new String[] {"from", "to"}) {
                if (text(other).isPresent()) {
                    throw new BadParameter(other, "give either month or from/to, not both");
                }
            }
            YearMonth yearMonth;
            try {
                yearMonth = YearMonth.parse(month.get(), MONTH);
            } catch (DateTimeParseException e) {
                throw new BadParameter("month", "'" + month.get() + "' is not a month yyyy-MM");
            }
            if (yearMonth.isBefore(YearMonth.from(FIRST_DAY)) || yearMonth.isAfter(YearMonth.from(LAST_DAY))) {
                throw new BadParameter("month", "'" + month.get() + "' is not a month from "
                        + YearMonth.from(FIRST_DAY) + " to " + YearMonth.from(LAST_DAY));
            }
            return new Period(yearMonth.atDay(1), yearMonth.plusMonths(1).atDay(1));
        }
        LocalDate from = date("from").orElse(today.withDayOfMonth(1));
        LocalDate to = date("to").orElse(today.plusDays(1));
        if (!from.isBefore(to)) {
            throw new BadParameter("to", to + " must be after from " + from + " (to is the first day not included)");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new BadParameter("to", "the period may be at most " + MAX_DAYS + " days");
        }
        return new Period(from, to);
    }

    private Optional<LocalDate> date(String name) throws BadParameter {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.get(), DATE);
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, "'" + text.get() + "' is not a date yyyy-MM-dd");
        }
        if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
            throw new BadParameter(name, "'" + text.get() + "' is not a day from " + FIRST_DAY + " to " + LAST_DAY);
        }
        return Optional.of(date);
    }

    /**
     * @return the constant of {@code type} named by the parameter, lower case with {@code -} for {@code _}
     *         ({@code handle-time} is {@code HANDLE_TIME}); {@code otherwise} when absent
     */
    <E extends Enum<E>> E choice(String name, Class<E> type, Set<E> allowed, E otherwise) throws BadParameter {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return otherwise;
        }
        for (E constant : allowed) {
            if (key(constant).equals(text.get().toLowerCase(Locale.ROOT))) {
                return constant;
            }
        }
        throw new BadParameter(name, "'" + text.get() + "' is not one of "
                + allowed.stream().map(Parameters::key).sorted().toList());
    }

    /** @return the enum constant as the API spells it: {@code HANDLE_TIME} is {@code handle-time} */
    static String key(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return a whole number from {@code min} to {@code max}, {@code otherwise} when absent */
    int integer(String name, int min, int max, int otherwise) throws BadParameter {
        return bounded(name, Integer::valueOf, min, max, otherwise, "a whole number");
    }

    /** @return a number from {@code min} to {@code max}, {@code otherwise} when absent */
    double number(String name, double min, double max, double otherwise) throws BadParameter {
        return bounded(name, Double::valueOf, min, max, otherwise, "a number");
    }

    private <T extends Number & Comparable<T>> T bounded(String name, java.util.function.Function<String, T> parse,
            T min, T max, T otherwise, String what) throws BadParameter {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return otherwise;
        }
        try {
            T value = parse.apply(text.get());
            if (value.compareTo(min) >= 0 && value.compareTo(max) <= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new BadParameter(name, "'" + text.get() + "' is not " + what + " from "
                + Table.plain(min.doubleValue()) + " to " + Table.plain(max.doubleValue()));
    }

    /**
     * @param from first day included
     * @param to   first day no longer included
     */
    record Period(LocalDate from, LocalDate to) {
    }
}
