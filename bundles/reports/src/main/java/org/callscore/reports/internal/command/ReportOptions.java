package org.callscore.reports.internal.command;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.callscore.support.options.CommandOptions;
import org.callscore.reports.ReportGroup;
import org.callscore.reports.ReportQuery;
import org.callscore.reports.ServiceReports;

/** The options the report:* commands share, and the query they make. */
abstract class ReportOptions {

    @Option(name = "--from", description = "First day included, yyyy-MM-dd (default: the first day of this month)")
    String from;

    @Option(name = "--to", description = "First day no longer included, yyyy-MM-dd (default: tomorrow)")
    String to;

    @Option(name = "--queue", description = "Only calls through this queue")
    String queue;

    @Option(name = "--agent", description = "Only calls answered by this agent")
    String agent;

    @Option(name = "--zone", description = "Time zone days start in (default: the site's, site.zone)")
    String zone;

    @Reference(optional = true)
    ServiceReports reports;

    static final String UNAVAILABLE = "Reports unavailable: the reports component has not started (it needs the "
            + "database; see callscore:status and scr:list)";

    /** @return the query the options ask for, with the defaults relative to {@code today} */
    ReportQuery query(LocalDate today, ZoneId zoneId, ReportGroup by) {
        LocalDate first = from == null ? today.withDayOfMonth(1) : CommandOptions.date("--from", from);
        LocalDate end = to == null ? today.plusDays(1) : CommandOptions.date("--to", to);
        if (!first.isBefore(end)) {
            throw new IllegalArgumentException("--from " + first + " must be before --to " + end
                    + " (--to is the first day not included)");
        }
        return new ReportQuery(first, end, zoneId, Optional.ofNullable(queue), Optional.ofNullable(agent), by);
    }

    ReportQuery query(ReportGroup by) {
        ZoneId zoneId = zone == null ? reports.siteZone() : CommandOptions.zone("--zone", zone);
        return query(LocalDate.now(zoneId), zoneId, by);
    }

    static String title(String what, ReportQuery query) {
        StringBuilder title = new StringBuilder(what).append(" from ").append(query.from()).append(" to ")
                .append(query.to()).append(" (excluded), ").append(query.zone());
        query.queue().ifPresent(q -> title.append(", queue ").append(q));
        query.agent().ifPresent(a -> title.append(", agent ").append(a));
        return title.toString();
    }
}
