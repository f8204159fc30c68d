package org.callscore.agi.callback;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The keypad scheme for the time a customer asks to be called back, in the customer's zone: {@code HHMM} (24-hour
 * clock) is the next time that clock time comes, today or tomorrow; {@code DDHHMM} is that time on the next day DD
 * of a month (this month's, else the next month that has it). The time is never in the past. A local time that a
 * daylight-saving change skips is moved forward by the length of the gap (the read-back says the time it became);
 * one that happens twice is the first.
 */
final class KeyedTime {

    /** The most digits the scheme takes. */
    static final int MAX_DIGITS = 6;

    private KeyedTime() {
    }

    /** @return the time asked for, empty when the keys are not one of the scheme */
    static Optional<ZonedDateTime> parse(String keys, ZonedDateTime now) {
        if (keys == null || !keys.matches("[0-9]{4}|[0-9]{6}")) {
            return Optional.empty();
        }
        int offset = keys.length() - 4;
        int hour = Integer.parseInt(keys.substring(offset, offset + 2));
        int minute = Integer.parseInt(keys.substring(offset + 2));
        if (hour > 23 || minute > 59) {
            return Optional.empty();
        }
        LocalTime time = LocalTime.of(hour, minute);
        LocalDate today = now.toLocalDate();
        if (offset == 0) {
            ZonedDateTime at = ZonedDateTime.of(today, time, now.getZone());
            return Optional.of(at.isAfter(now) ? at : ZonedDateTime.of(today.plusDays(1), time, now.getZone()));
        }
        int day = Integer.parseInt(keys.substring(0, 2));
        if (day < 1 || day > 31) {
            return Optional.empty();
        }
        LocalDate month = today.withDayOfMonth(1);
        // day 31 after the 31st of a month comes at most two months later (never two short months in a row)
        for (int ahead = 0; ahead <= 2; ahead++) {
            LocalDate first = month.plus(ahead, ChronoUnit.MONTHS);
            if (day <= first.lengthOfMonth()) {
                ZonedDateTime at = ZonedDateTime.of(first.withDayOfMonth(day), time, now.getZone());
                if (at.isAfter(now)) {
                    return Optional.of(at);
                }
            }
        }
        return Optional.empty();
    }
}
