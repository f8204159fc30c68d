package org.callscore.support.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** The calendar periods reports are cut into, each with the key it is shown and sorted by. */
public enum CalendarPeriod {
    /** {@code 2026-11-24} */
    DAY,
    /** the ISO week, {@code 2026-W48}; a week belongs to the year of its Thursday, so 2026-12-31 is 2026-W53 */
    WEEK,
    /** {@code 2026-11} */
    MONTH,
    /** {@code 2026} */
    YEAR;

    /** @return the key of the period of this kind that contains {@code date} */
    public String key(LocalDate date) {
        return switch (this) {
            case DAY -> date.toString();
            case WEEK -> String.format(Locale.ROOT, "%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                    date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> YearMonth.from(date).toString();
            case YEAR -> String.valueOf(date.getYear());
        };
    }
}
