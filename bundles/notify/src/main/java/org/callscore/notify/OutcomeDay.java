package org.callscore.notify;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The attempts of one campaign that ended on one day, by outcome; definitions in docs/metrics.md (notifications).
 *
 * @param heardMillis the message heard in all, over the answered attempts
 */
public record OutcomeDay(LocalDate day, String campaignId, String campaign, long attempts, long answered,
        long machine, long busy, long noAnswer, long failed, long optedOut, long lost, long heardMillis) {

    public OutcomeDay {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(campaign, "campaign");
    }
}
