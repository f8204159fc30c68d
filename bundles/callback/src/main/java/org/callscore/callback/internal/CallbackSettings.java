package org.callscore.callback.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.callscore.callback.AttemptOutcome;
import org.callscore.ivr.BusinessHours;
import org.callscore.support.rules.NodeName;
import org.callscore.support.rules.TableName;

/**
 * The callback configuration, read once per change: the fixed settings of {@link CallbackConfig} and the per-queue
 * lines ({@code hours.QUEUE}, {@code holidays.QUEUE}, {@code server.QUEUE}).
 */
final class CallbackSettings {

    /** A queue's business hours in one customer's zone, or why they cannot be known now. */
    record QueueHours(Optional<BusinessHours> hours, Optional<String> problem) {
    }

    final CallbackConfig config;
    private final Map<String, Object> properties;
    final RetryRules rules;
    final String node;
    final String cdrTable;

    CallbackSettings(CallbackConfig config, Map<String, Object> properties) {
        this.config = config;
        this.properties = Map.copyOf(properties);
        Map<AttemptOutcome, RetryRules.Rule> byOutcome = new EnumMap<>(AttemptOutcome.class);
        byOutcome.put(AttemptOutcome.BUSY, rule(config.retry_busy_delay_minutes(), config.retry_busy_attempts()));
        byOutcome.put(AttemptOutcome.NO_ANSWER,
                rule(config.retry_no_answer_delay_minutes(), config.retry_no_answer_attempts()));
        byOutcome.put(AttemptOutcome.AGENT_NO_ANSWER,
                rule(config.retry_agent_no_answer_delay_minutes(), config.retry_agent_no_answer_attempts()));
        byOutcome.put(AttemptOutcome.FAILED, rule(config.retry_failed_delay_minutes(), config.retry_failed_attempts()));
        byOutcome.put(AttemptOutcome.LOST, rule(config.retry_lost_delay_minutes(), config.retry_lost_attempts()));
        this.rules = new RetryRules(byOutcome, Duration.ofHours(Math.max(1, config.expiry_hours())));
        this.node = NodeName.of(config.node());
        this.cdrTable = TableName.of("cdr.table", config.cdr_table());
    }

    private static RetryRules.Rule rule(int delayMinutes, int attempts) {
        return new RetryRules.Rule(Duration.ofMinutes(Math.max(0, delayMinutes)), Math.max(1, attempts));
    }

    /** @return the value of {@code key.QUEUE}, else of {@code key}, else empty */
    Optional<String> perQueue(String key, String queue) {
        Object value = properties.get(key + "." + queue);
        if (value == null) {
            value = properties.get(key);
        }
        return Optional.ofNullable(value).map(Object::toString).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** @return the Asterisk server the queue's callbacks are placed on; empty: the only one there is */
    Optional<String> server(String queue) {
        return perQueue("server", queue);
    }

    /**
     * @param calendars the IVR's calendars now; null when the IVR module is not running
     * @return the queue's hours with floating times read in {@code zone}; no calendar named: always open
     */
    QueueHours hours(String queue, ZoneId zone, Map<String, BusinessHours.Calendar> calendars) {
        List<String> hourNames = names(perQueue("hours", queue));
        List<String> holidayNames = names(perQueue("holidays", queue));
        if (hourNames.isEmpty() && holidayNames.isEmpty()) {
            return new QueueHours(Optional.empty(), Optional.empty());
        }
        if (calendars == null) {
            return new QueueHours(Optional.empty(), Optional.of("the IVR module, which reads the calendars, is not running"));
        }
        List<BusinessHours.Calendar> hours = new ArrayList<>();
        List<BusinessHours.Calendar> holidays = new ArrayList<>();
        for (String name : hourNames) {
            BusinessHours.Calendar calendar = calendars.get(name);
            if (calendar == null) {
                return new QueueHours(Optional.empty(), Optional.of("no calendar " + name + ".ics (hours of queue " + queue + ")"));
            }
            hours.add(calendar);
        }
        for (String name : holidayNames) {
            BusinessHours.Calendar calendar = calendars.get(name);
            if (calendar == null) {
                return new QueueHours(Optional.empty(), Optional.of("no calendar " + name + ".ics (holidays of queue " + queue + ")"));
            }
            holidays.add(calendar);
        }
        return new QueueHours(Optional.of(BusinessHours.of(hours, holidays, zone)), Optional.empty());
    }

    private static List<String> names(Optional<String> value) {
        return value.map(v -> List.of(v.split("[\\s,]+"))).orElse(List.of());
    }
}
