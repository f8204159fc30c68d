package org.callscore.callback.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

import org.callscore.callback.CallbackMessage;
import org.callscore.support.rules.QueueName;
import org.callscore.support.rules.Uuid;
import org.callscore.support.text.LogText;
import org.callscore.support.rules.UniqueId;

/**
 * What a callback's fields may hold. Every refusal is an {@code IllegalArgumentException} naming the field and the
 * rule; nothing refused is stored.
 */
final class RequestRules {

    /** The width of the reason column. */
    static final int REASON_MAX = 500;
    /** The width of the agent and actor columns. */
    static final int NAME_MAX = 128;
    /** ITU-T E.164 allows 15 digits; a little more leaves room for a trunk prefix. */
    static final int NUMBER_MAX_DIGITS = 20;
    /** How far ahead a customer may ask to be called. */
    static final Duration FURTHEST_ASKED = Duration.ofDays(366);

    private static final Pattern MESSAGE_FILE = Pattern.compile("/[A-Za-z0-9._/-]{1,254}\\.[a-z0-9]{1,8}");
    /** Separators people write in a number; they are dropped. */
    private static final String SEPARATORS = " -./()";

    private RequestRules() {
    }

    static String queue(String queue) {
        if (!QueueName.isValid(queue)) {
            throw new IllegalArgumentException("queue: not a queue name (at most " + QueueName.MAX_BYTES
                    + " bytes, no spaces, none of []:,;|\"'`\\, not 'general')");
        }
        return queue;
    }

    /** @return the digits of {@code number}, a leading {@code +} kept */
    static String number(String number) {
        String text = number.strip();
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.length() == 0 && i == 0) {
                digits.append(c);
            } else if (SEPARATORS.indexOf(c) < 0) {
                throw new IllegalArgumentException("customerNumber: only digits, a leading + and the separators "
                        + "space - . / ( ) may be given");
            }
        }
        int count = digits.length() - (digits.indexOf("+") == 0 ? 1 : 0);
        if (count < 1 || count > NUMBER_MAX_DIGITS) {
            throw new IllegalArgumentException("customerNumber: 1 to " + NUMBER_MAX_DIGITS + " digits, not " + count);
        }
        return digits.toString();
    }

    /**
     * @return the zone of that IANA id (a region like {@code Europe/Paris}, or {@code UTC}); a fixed offset such as
     *         {@code +02:00} is refused: it knows no daylight-saving change, so hours read in it would be an hour off
     *         for half the year
     */
    static ZoneId zone(String id) {
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            throw new IllegalArgumentException("customerZone: not an IANA time zone id (e.g. Europe/Paris): "
                    + LogText.of(id));
        }
        return ZoneId.of(id);
    }

    /** @return the reason with line breaks and tabs as spaces */
    static String reason(String reason) {
        String text = reason.replaceAll("[\\r\\n\\t]+", " ").strip();
        if (text.length() > REASON_MAX) {
            throw new IllegalArgumentException("reason: at most " + REASON_MAX + " characters, not " + text.length());
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("reason: no control characters");
        }
        return text;
    }

    /** An agent's name (queue_log's agent column) or an actor's login. */
    static String name(String field, String name) {
        if (name.isBlank() || name.length() > NAME_MAX || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + ": 1 to " + NAME_MAX + " characters, no control characters");
        }
        return name.strip();
    }

    static Optional<Instant> askedFor(Optional<Instant> askedFor, Instant now) {
        if (askedFor.isPresent() && askedFor.get().isAfter(now.plus(FURTHEST_ASKED))) {
            throw new IllegalArgumentException("askedFor: at most " + FURTHEST_ASKED.toDays() + " days ahead");
        }
        return askedFor;
    }

    static Optional<String> uniqueId(Optional<String> uniqueId) {
        uniqueId.ifPresent(u -> {
            if (!UniqueId.isValid(u)) {
                throw new IllegalArgumentException("callUniqueId: not an Asterisk uniqueid");
            }
        });
        return uniqueId;
    }

    static Optional<String> surveyResponse(Optional<String> response) {
        response.ifPresent(r -> {
            if (!Uuid.isValid(r)) {
                throw new IllegalArgumentException("surveyResponse: not a survey response id (a UUID)");
            }
        });
        return response;
    }

    /** A message's file goes into the agent's Playback(): only a name CallScore would choose. */
    static Optional<CallbackMessage> message(Optional<CallbackMessage> message) {
        message.ifPresent(m -> {
            if (!MESSAGE_FILE.matcher(m.file()).matches() || m.file().contains("/../") || m.file().contains("/./")) {
                throw new IllegalArgumentException("message: the file must be an absolute path of letters, digits, "
                        + "'.', '_', '-' and '/', at most 255");
            }
            if (m.length().isNegative()) {
                throw new IllegalArgumentException("message: a length below zero");
            }
            m.recording().filter(id -> id < 1).ifPresent(id -> {
                throw new IllegalArgumentException("message: the recording id must be positive");
            });
        });
        return message;
    }

    static boolean isId(String id) {
        return Uuid.isValid(id);
    }
}
