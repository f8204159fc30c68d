package org.callscore.recording.web.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

import org.callscore.recording.RecordingQuery;

/**
 * The recordings page's filters, from its query string: every field optional, a bad one named in a clear error.
 * Times are the site's local times ({@code datetime-local} or a plain date); durations in seconds; scores 1 to 5.
 *
 * @param values the fields as given (blank ones dropped), to fill the form and the paging links again
 */
record RecordingFilters(Map<String, String> values) {

    static final String[] FIELDS = { "caller", "agent", "queue", "from", "to", "min-duration", "max-duration",
            "min-score", "max-score", "complaint", "call" };
    static final int PAGE_SIZE = 50;

    /** @param parameter the request's parameters by name */
    static RecordingFilters of(Function<String, String> parameter) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = parameter.apply(field);
            if (value != null && !value.isBlank()) {
                values.put(field, value.strip());
            }
        }
        return new RecordingFilters(Map.copyOf(values));
    }

    String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** @return the call asked for by its uniqueid or linkedid (a link from the dashboard), if any */
    Optional<String> call() {
        return Optional.ofNullable(values.get("call"));
    }

    /**
     * @param page the page, from 1
     * @throws IllegalArgumentException naming the field, when one is not what it should be
     */
    RecordingQuery query(ZoneId zone, int page) {
        OptionalDouble minScore = score("min-score");
        OptionalDouble maxScore = score("max-score");
        String complaint = value("complaint");
        if (!complaint.isEmpty() && !complaint.equals("yes") && !complaint.equals("no")) {
            throw new IllegalArgumentException("complaint must be yes, no or empty, not '" + complaint + "'");
        }
        Optional<String> caller = Optional.of(value("caller").replaceAll("[^0-9]", "")).filter(s -> !s.isEmpty());
        if (caller.isEmpty() && !value("caller").isEmpty()) {
            throw new IllegalArgumentException("caller must hold digits of the number, not '" + value("caller") + "'");
        }
        return new RecordingQuery(caller, text("agent"), text("queue"), time("from", zone), time("to", zone),
                duration("min-duration"), duration("max-duration"), minScore, maxScore,
                complaint.isEmpty() ? Optional.empty() : Optional.of(complaint.equals("yes")), Set.of(),
                (page - 1) * PAGE_SIZE, PAGE_SIZE);
    }

    private Optional<String> text(String field) {
        return Optional.ofNullable(values.get(field));
    }

    private Optional<Instant> time(String field, ZoneId zone) {
        String text = value(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of((text.length() == 10 ? LocalDate.parse(text).atStartOfDay()
                    : LocalDateTime.parse(text)).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a date (2026-12-02) or a date and time "
                    + "(2026-12-02T10:30), not '" + text + "'");
        }
    }

    private Optional<Duration> duration(String field) {
        String text = value(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(text);
            if (seconds >= 0 && seconds <= 86_400 * 7) {
                return Optional.of(Duration.ofSeconds(seconds));
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(field + " must be a number of seconds, not '" + text + "'");
    }

    private OptionalDouble score(String field) {
        String text = value(field);
        if (text.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            double score = Double.parseDouble(text);
            if (score >= 1 && score <= 5) {
                return OptionalDouble.of(score);
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(field + " must be a score from 1 to 5, not '" + text + "'");
    }
}
