package org.callscore.reports.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A row of reports_hourly: the UTC hour and site-zone day in which calls entered, their queue and agent
 * ({@code ""}: nobody answered).
 */
record Bucket(Instant hourUtc, LocalDate localDate, String queue, String agent) {

    static Bucket of(Instant entered, ZoneId siteZone, String queue, String agent) {
        return new Bucket(entered.truncatedTo(ChronoUnit.HOURS), entered.atZone(siteZone).toLocalDate(), queue,
                agent);
    }
}
