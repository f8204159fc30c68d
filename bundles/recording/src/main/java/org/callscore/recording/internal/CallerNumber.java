package org.callscore.recording.internal;

import java.util.Optional;

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

    /** @return the digits, last first */
    static String reversed(String number) {
        return new StringBuilder(digits(number)).reverse().toString();
    }
}
