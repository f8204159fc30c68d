package org.callscore.support.rules;

import java.util.regex.Pattern;

/**
 * A customer number CallScore may call or offer to call back: 3 to 20 digits (E.164 has at most 15, a trunk or
 * international prefix adds some), a leading {@code +} allowed, nothing else. Separators are the caller's business
 * to drop first.
 */
public final class DiallableNumber {

    public static final int MAX_DIGITS = 20;

    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3," + MAX_DIGITS + "}");

    private DiallableNumber() {
    }

    /** @return whether {@code number} is such a number */
    public static boolean isValid(String number) {
        return number != null && NUMBER.matcher(number).matches();
    }

    /** @return whether {@code number} is such a number in international form (with its {@code +}) */
    public static boolean isInternational(String number) {
        return isValid(number) && number.startsWith("+");
    }
}
