package org.callscore.notify;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * @param campaignId only this campaign; empty: all
 * @param from       the first day (site zone), included
 * @param to         the last day, included
 */
public record OutcomeQuery(Optional<String> campaignId, LocalDate from, LocalDate to) {

    public OutcomeQuery {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
    }
}
