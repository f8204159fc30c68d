package org.callscore.recording.internal;

import java.util.Optional;
import java.util.Set;

/** A caller's number as the index keeps it: digits, a leading + kept; and its digits reversed, for search. */
final class CallerNumber {

    private CallerNumber() {
    }

    /** @return the number normalised, empty when it has no digit (anonymous, a name) */
    static Optional<String> normalised(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = digits(raw);
        if (digits.isEmpty() || digits.length() > 32) {
            return Optional.empty();
        }
        return Optional.of(raw.trim().startsWith("+") ? "+" + digits : digits);
    }

    static String digits(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> out.append((char) c));
        return out.toString();
    }

    /** E.164's two-digit country codes; the others are 1 and 7 (one digit) or three digits: the codes are prefix-free. */
    private static final Set<String> TWO_DIGIT_COUNTRIES = Set.of("20", "27", "30", "31", "32", "33", "34", "36", "39",
            "40", "41", "43", "44", "45", "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60",
            "61", "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");

    /**
     * Fewer digits than these, after its trunk prefix (0) or with its international prefix (00), and a number is
     * taken for the end of one (0007919: its last digits), not for a whole number.
     */
    private static final int WHOLE_NATIONAL = 6;
    private static final int WHOLE_INTERNATIONAL = 10;

    /**
     * A searched number. {@code endsWith}: the digits the caller's number ends with, an international prefix
     * ({@code +}, {@code 00}) left off. {@code national}: for a whole number written with its country code
     * ({@code +44 20 7946 0018}) or its trunk prefix ({@code 020 7946 0018}), the number without them
     * ({@code 2079460018}), to find the same number as the CDR wrote it the other way.
     */
    record Search(String endsWith, Optional<String> national, boolean international) {
    }

    /** @throws IllegalArgumentException when no digit is left to search by */
    static Search search(String query) {
        String digits = digits(query);
        boolean plus = query.strip().startsWith("+");
        boolean international = plus || digits.startsWith("00") && digits.length() >= WHOLE_INTERNATIONAL;
        String endsWith = plus ? digits : international ? digits.substring(2) : digits;
        Optional<String> national = Optional.empty();
        if (international) {
            national = Optional.of(endsWith.substring(countryCodeLength(endsWith)));
        } else if (digits.startsWith("0")) {
            national = Optional.of(digits.replaceFirst("^0+", "")).filter(n -> n.length() >= WHOLE_NATIONAL);
        }
        if (endsWith.isEmpty() || national.filter(String::isEmpty).isPresent()) {
            throw new IllegalArgumentException("caller: give some digits of the number after its prefix, not '"
                    + query + "'");
        }
        return new Search(endsWith, national, international);
    }

    private static int countryCodeLength(String international) {
        if (international.startsWith("1") || international.startsWith("7")) {
            return Math.min(1, international.length());
        }
        return Math.min(international.length(), international.length() >= 2
                && TWO_DIGIT_COUNTRIES.contains(international.substring(0, 2)) ? 2 : 3);
    }

    /** @return the digits, last first */
    static String reversed(String number) {
        return new StringBuilder(digits(number)).reverse().toString();
    }
}
