package org.callscore.support.text;

/**
 * A customer's telephone number with all but its last three characters hidden ({@code **********123}), for log lines
 * and for lists shown without the numbers in full. The notify module masks every number it logs or lists this way,
 * from the console as from the dashboard.
 */
public final class MaskedNumber {

    /** How many of the last characters are shown. */
    public static final int SHOWN = 3;

    private MaskedNumber() {
    }

    /** @return the number masked; {@code ***} for a number of three characters or fewer, and for none */
    public static String of(String number) {
        if (number == null || number.length() <= SHOWN) {
            return "*".repeat(SHOWN);
        }
        return "*".repeat(number.length() - SHOWN) + number.substring(number.length() - SHOWN);
    }
}
