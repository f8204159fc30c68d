package org.callscore.notify.internal;

import java.util.Optional;

import org.callscore.support.rules.DiallableNumber;
import org.callscore.support.rules.NumberPlan;
import org.callscore.support.text.MaskedNumber;

/**
 * A number in its normal form: digits, a leading {@code +} kept; spaces, dots, dashes and brackets dropped. With the
 * site's number plan ({@code country} in {@code etc/org.callscore.notify.cfg}), in international form too, so that
 * {@code +351 210 000 001}, {@code 00351210000001} and {@code 210000001} are the same customer for duplicates and
 * the do-not-call list.
 */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** @throws IllegalArgumentException saying what is wrong, without repeating the number in full */
    public static String normal(String written) {
        String number = written.strip().replaceAll("[\\s.()\\-]", "");
        if (number.isEmpty()) {
            throw new IllegalArgumentException("the number is empty");
        }
        if (!DiallableNumber.isValid(number)) {
            throw new IllegalArgumentException("the number must be 3 to 20 digits, a leading + allowed");
        }
        return number;
    }

    /**
     * @param plan the site's number plan; empty: the number as written ({@link #normal(String)})
     * @throws IllegalArgumentException saying what is wrong, without repeating the number in full
     */
    public static String normal(String written, Optional<NumberPlan> plan) {
        String number = normal(written);
        if (plan.isEmpty()) {
            return number;
        }
        String international = plan.get().international(number);
        if (!DiallableNumber.isInternational(international)) {
            throw new IllegalArgumentException("the number must be 3 to 20 digits with its country code");
        }
        return international;
    }

    /** @return the number with all but its last 3 digits hidden, for logs and lists: {@link MaskedNumber}, as everywhere */
    public static String masked(String number) {
        return MaskedNumber.of(number);
    }
}
