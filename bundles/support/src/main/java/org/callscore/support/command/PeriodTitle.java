package org.callscore.support.command;

import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.Optional;

/**
 * The first line of a report on a period ({@code report:*}, {@code survey:results}): what is counted, the period
 * with its end excluded, the zone, and the queue and agent asked for, worded the same in every report.
 */
public final class PeriodTitle {

    private PeriodTitle() {
    }

    /**
     * @param what what is counted, e.g. {@code Calls entered}
     * @param from the first day (or time) included
     * @param to   the first day (or time) no longer included
     * @return e.g. {@code Calls entered from 2026-12-01 to 2026-12-04 (excluded), Europe/Berlin, queue sales}
     */
    public static String of(String what, Temporal from, Temporal to, ZoneId zone, Optional<String> queue,
            Optional<String> agent) {
        StringBuilder title = new StringBuilder(what).append(" from ").append(from).append(" to ").append(to)
                .append(" (excluded), ").append(zone);
        queue.ifPresent(q -> title.append(", queue ").append(q));
        agent.ifPresent(a -> title.append(", agent ").append(a));
        return title.toString();
    }
}
