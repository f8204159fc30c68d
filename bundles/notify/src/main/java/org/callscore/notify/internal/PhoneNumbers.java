package org.callscore.notify.internal;

import org.callscore.support.text.MaskedNumber;

/** A number in its normal form: digits, a leading {@code +} kept; spaces, dots, dashes and brackets dropped. */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** @throws IllegalArgumentException saying what is wrong, without repeating the number in full */
    public static String normal(String written) {
        String number = written.strip().replaceAll("[\\s.()\\-]", "");
        if (number.isEmpty()) {
            throw new IllegalArgumentException("the number is empty");
        }
        if (!number.matches("\\+?[0-9]{3,20}")) {
            throw new IllegalArgumentException("the number must be 3 to 20 digits, a leading + allowed");
        }
        return number;
    }

    /** @return the number with all but its last 3 digits hidden, for logs and lists: {@link MaskedNumber}, as everywhere */
    public static String masked(String number) {
        return MaskedNumber.of(number);
    }
}
