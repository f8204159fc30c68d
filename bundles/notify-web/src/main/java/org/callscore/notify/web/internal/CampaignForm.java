package org.callscore.notify.web.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.callscore.notify.CampaignDefinition;
import org.callscore.notify.CampaignKeys;
import org.callscore.notify.CampaignWindow;
import org.callscore.notify.MachineHandling;
import org.callscore.notify.NotificationMessage;
import org.callscore.notify.RetryOutcome;
import org.callscore.notify.RetryRule;

/**
 * The new-campaign form's fields, read into a {@link CampaignDefinition}; a bad field names itself (its label on
 * the form), and the definition's own rules (the name, the keys) say theirs.
 */
final class CampaignForm {

    /** The retry fields of each outcome: {@code retry-busy-minutes}, {@code retry-busy-attempts}. */
    static final Map<RetryOutcome, String> RETRY_FIELDS = Map.of(RetryOutcome.BUSY, "busy", RetryOutcome.NO_ANSWER,
            "no-answer", RetryOutcome.FAILED, "failed", RetryOutcome.MACHINE, "machine");
    // the limits are the definition's own (CampaignDefinition.MOST_*): the form only names its field in the message
    private static final int MOST_DELAY_MINUTES = 7 * 24 * 60;

    private final UnaryOperator<String> field;

    /** @param field the form's fields by name (null when absent) */
    CampaignForm(UnaryOperator<String> field) {
        this.field = field;
    }

    /** @throws IllegalArgumentException naming the field, when one is missing or not what it should be */
    CampaignDefinition definition() {
        String name = required("name", "Name");
        NotificationMessage message = new NotificationMessage(switch (text("message-source")) {
            case "", "sound" -> NotificationMessage.MessageSource.SOUND;
            case "recorded" -> NotificationMessage.MessageSource.RECORDED;
            default -> throw new IllegalArgumentException("Message source must be sound or recorded");
        }, required("message", "Message"));
        CampaignWindow window = new CampaignWindow(day("first-day", "First day"), day("last-day", "Last day"),
                time("daily-from", "Daily from"), time("daily-until", "Daily until"), zone());
        Map<RetryOutcome, RetryRule> retries = new EnumMap<>(RetryOutcome.class);
        for (RetryOutcome outcome : RetryOutcome.values()) {
            String suffix = RETRY_FIELDS.get(outcome);
            String label = "Retry " + suffix.replace('-', ' ');
            int attempts = number("retry-" + suffix + "-attempts", label + ": attempts", 1,
                    CampaignDefinition.MOST_ATTEMPTS, 1);
            int minutes = number("retry-" + suffix + "-minutes", label + ": minutes", 0, MOST_DELAY_MINUTES, 0);
            if (attempts > 1) { // one attempt: never retried
                retries.put(outcome, new RetryRule(Duration.ofMinutes(minutes), attempts));
            }
        }
        MachineHandling machine = switch (text("machine")) {
            case "", "leave" -> MachineHandling.LEAVE_AFTER_BEEP;
            case "hang-up" -> MachineHandling.HANG_UP_AND_RETRY;
            default -> throw new IllegalArgumentException("Answering machine must be leave or hang-up");
        };
        String queue = text("key-queue");
        CampaignKeys keys = new CampaignKeys(key("key-repeat", "Repeat key"), key("key-agent", "Agent key"),
                queue.isEmpty() ? Optional.empty() : Optional.of(queue), key("key-opt-out", "Opt-out key"));
        return new CampaignDefinition(name, message, window,
                number("max-in-flight", "Calls in flight at most", 1, CampaignDefinition.MOST_IN_FLIGHT, 10),
                number("starts-per-second", "Calls started per second at most", 1,
                        CampaignDefinition.MOST_STARTS_PER_SECOND,
                        CampaignDefinition.DEFAULT_STARTS_PER_SECOND),
                retries, machine, keys);
    }

    private String text(String name) {
        String value = field.apply(name);
        return value == null ? "" : value.strip();
    }

    private String required(String name, String label) {
        String value = text(name);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(label + " is needed");
        }
        return value;
    }

    private LocalDate day(String name, String label) {
        return parsed(name, label, LocalDate::parse, "is not a day (2026-12-24)");
    }

    private LocalTime time(String name, String label) {
        return parsed(name, label, LocalTime::parse, "is not a time of day (09:30)");
    }

    /** @throws IllegalArgumentException naming the field by its label, its value and what it is not */
    private <T> T parsed(String name, String label, Function<String, T> parser, String isNot) {
        String value = required(name, label);
        try {
            return parser.apply(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(label + " '" + value + "' " + isNot);
        }
    }

    private Optional<ZoneId> zone() {
        String value = text("zone");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(value));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Time zone '" + value + "' is not a time zone (Europe/Lisbon)");
        }
    }

    private int number(String name, String label, int least, int most, int otherwise) {
        String value = text(name);
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= least && number <= most) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(label + " must be a whole number from " + least + " to " + most + ", not '"
                + value + "'");
    }

    private Optional<Character> key(String name, String label) {
        String value = text(name).toUpperCase(Locale.ROOT);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() != 1) {
            throw new IllegalArgumentException(label + " must be one key (0-9, * or #), not '" + value + "'");
        }
        return Optional.of(value.charAt(0));
    }
}
