package org.callscore.notify.internal.command;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.callscore.notify.CampaignDefinition;
import org.callscore.notify.CampaignKeys;
import org.callscore.notify.CampaignWindow;
import org.callscore.notify.MachineHandling;
import org.callscore.notify.NotificationMessage;
import org.callscore.notify.RetryOutcome;
import org.callscore.notify.RetryRule;
import org.callscore.support.options.CommandOptions;

/**
 * A campaign definition as an administrator writes it: {@code key = value} lines (docs/notifications.md), or the
 * same keys from {@code notify:create}'s options. Every mistake names its key.
 */
final class CampaignFile {

    static final Set<String> KEYS = Set.of("name", "message", "first.day", "last.day", "daily.from", "daily.until",
            "zone", "max.in.flight", "starts.per.second", "machine", "key.repeat", "key.agent", "agent.queue",
            "key.opt.out", "retry.busy", "retry.no.answer", "retry.failed", "retry.machine");

    private CampaignFile() {
    }

    static CampaignDefinition definition(Map<String, String> values) {
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown keys " + unknown + "; a campaign has " + new TreeSet<>(KEYS));
        }
        String name = required(values, "name");
        CampaignWindow window = new CampaignWindow(CommandOptions.date("first.day", required(values, "first.day")),
                CommandOptions.date("last.day", required(values, "last.day")), time(values, "daily.from"),
                time(values, "daily.until"),
                Optional.ofNullable(values.get("zone")).filter(z -> !z.isBlank()).map(z -> CommandOptions.zone("zone", z)));
        Map<RetryOutcome, RetryRule> retries = new EnumMap<>(RetryOutcome.class);
        for (RetryOutcome outcome : RetryOutcome.values()) {
            String key = "retry." + outcome.name().toLowerCase(Locale.ROOT).replace('_', '.');
            Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank()).ifPresent(v -> retries.put(outcome, retry(key, v)));
        }
        CampaignKeys keys = new CampaignKeys(key(values, "key.repeat"), key(values, "key.agent"),
                Optional.ofNullable(values.get("agent.queue")).filter(q -> !q.isBlank()), key(values, "key.opt.out"));
        return new CampaignDefinition(name, message(required(values, "message")), window,
                number(values, "max.in.flight", 10), number(values, "starts.per.second",
                        CampaignDefinition.DEFAULT_STARTS_PER_SECOND), retries,
                machine(values.getOrDefault("machine", "leave")), keys);
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required");
        }
        return value.strip();
    }

    /** {@code sound:custom/outage} or {@code recorded:outage-north}; a bare name is a sound. */
    static NotificationMessage message(String text) {
        int colon = text.indexOf(':');
        String kind = colon < 0 ? "sound" : text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String name = colon < 0 ? text.strip() : text.substring(colon + 1).strip();
        return switch (kind) {
            case "sound" -> NotificationMessage.sound(name);
            case "recorded" -> new NotificationMessage(NotificationMessage.MessageSource.RECORDED, name);
            default -> throw new IllegalArgumentException("message: '" + text + "' is neither sound:NAME nor recorded:NAME");
        };
    }

    private static LocalTime time(Map<String, String> values, String key) {
        try {
            return LocalTime.parse(required(values, key));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(key + ": '" + values.get(key) + "' is not a time as HH:mm");
        }
    }

    private static int number(Map<String, String> values, String key, int otherwise) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a whole number");
        }
    }

    /** {@code 10m x3}: retried after 10 minutes, at most 3 attempts in all; the delay in s, m or h. */
    static RetryRule retry(String key, String value) {
        String[] parts = value.strip().toLowerCase(Locale.ROOT).split("\\s*x\\s*");
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,6}[smh]") || !parts[1].matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not DELAY xATTEMPTS, e.g. 10m x3");
        }
        long amount = Long.parseLong(parts[0].substring(0, parts[0].length() - 1));
        Duration delay = switch (parts[0].charAt(parts[0].length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        return new RetryRule(delay, Integer.parseInt(parts[1]));
    }

    private static Optional<Character> key(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.strip().length() != 1) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not one key");
        }
        return Optional.of(value.strip().charAt(0));
    }

    static MachineHandling machine(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "leave", "leave-after-beep" -> MachineHandling.LEAVE_AFTER_BEEP;
            case "hang-up", "hang-up-and-retry", "retry" -> MachineHandling.HANG_UP_AND_RETRY;
            default -> throw new IllegalArgumentException("machine: '" + value + "' is neither leave nor hang-up");
        };
    }

    /** @return the definition as its file would say it, for notify:list and notify:create's answer */
    static String describe(CampaignDefinition d) {
        StringBuilder text = new StringBuilder();
        text.append("message ").append(d.message().source().name().toLowerCase(Locale.ROOT)).append(':')
                .append(d.message().name()).append(", days ").append(d.window().firstDay()).append(" to ")
                .append(d.window().lastDay()).append(", ").append(d.window().dailyFrom()).append('-')
                .append(d.window().dailyUntil()).append(" in ")
                .append(d.window().zone().map(Object::toString).orElse("each customer's zone (else the site's)"))
                .append(", at most ").append(d.maxInFlight()).append(" in flight, ").append(d.startsPerSecond())
                .append(" per second");
        return text.toString();
    }
}
