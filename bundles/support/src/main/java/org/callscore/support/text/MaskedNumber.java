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

    /**
     * @param number a number, as stored ({@code +351210000123}) or as someone typed it ({@code +351 210 000 123}):
     *               only its digits (and a leading {@code +}) count, so both are masked alike
     * @return the number masked; {@code ***} for a number of three characters or fewer, and for none
     */
    public static String of(String number) {
        if (number == null) {
            return "*".repeat(SHOWN);
        }
        String digits = (number.strip().startsWith("+") ? "+" : "") + number.replaceAll("[^0-9]", "");
        if (digits.length() <= SHOWN) {
            return "*".repeat(SHOWN);
        }
        return "*".repeat(digits.length() - SHOWN) + digits.substring(digits.length() - SHOWN);
    }
}
