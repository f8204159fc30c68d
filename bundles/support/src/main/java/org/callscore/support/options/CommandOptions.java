package org.callscore.support.options;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Reads the option values CallScore's console commands share, with errors that name the option and say what
 * was expected, so that every command answers a typo the same way.
 */
public final class CommandOptions {

    private CommandOptions() {
    }

    /** @throws IllegalArgumentException when the value is not a date as yyyy-MM-dd */
    public static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " " + value + ": not a date as yyyy-MM-dd");
        }
    }

    /** @throws IllegalArgumentException when the value is not a time zone */
    public static ZoneId zone(String option, String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(option + " " + value + ": not a time zone (e.g. Europe/Berlin, UTC)");
        }
    }

    /**
     * A yes-or-no option that takes a value ({@code --complaint false}): Karaf reads a Boolean field as a flag that
     * takes none, and a {@code false} after it as an argument.
     *
     * @throws IllegalArgumentException when the value is not true/false or yes/no
     */
    public static boolean yesNo(String option, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException(option + " " + value + ": expected true or false");
        };
    }

    /**
     * @return the constant named by the value, in any case, with '-' for '_' ({@code first-call-resolution})
     * @throws IllegalArgumentException listing the names accepted
     */
    public static <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            StringJoiner names = new StringJoiner(", ");
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw new IllegalArgumentException(option + " " + value + ": expected one of " + names);
        }
    }
}
