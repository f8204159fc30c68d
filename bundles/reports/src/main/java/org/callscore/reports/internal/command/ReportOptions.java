package org.callscore.reports.internal.command;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.callscore.reports.ReportGroup;
import org.callscore.reports.ReportQuery;
import org.callscore.reports.ServiceReports;
import org.callscore.support.command.PeriodOptions;
import org.callscore.support.command.PeriodTitle;

/** The options the report:* commands share, and the query they make. */
abstract class ReportOptions extends PeriodOptions {

    @Option(name = "--agent", description = "Only calls answered by this agent")
    String agent;

    @Reference(optional = true)
    ServiceReports reports;

    static final String UNAVAILABLE = "Reports unavailable: the reports component has not started (it needs the "
            + "database; see callscore:status and scr:list)";

    ReportOptions() {
        super(UNAVAILABLE);
    }

    @Override
    protected final Optional<String> text() {
        return reports == null ? Optional.empty() : Optional.of(report());
    }

    /** @return the report the command shows, given the reports component runs */
    abstract String report();

    /** @return the query the options ask for, with the defaults relative to {@code today} */
    ReportQuery query(LocalDate today, ZoneId zoneId, ReportGroup by) {
        Days days = days(today);
        return new ReportQuery(days.first(), days.end(), zoneId, Optional.ofNullable(queue),
                Optional.ofNullable(agent), by);
    }

    ReportQuery query(ReportGroup by) {
        ZoneId zoneId = zone(reports.siteZone());
        return query(LocalDate.now(zoneId), zoneId, by);
    }

    static String title(String what, ReportQuery query) {
        return PeriodTitle.of(what, query.from(), query.to(), query.zone(), query.queue(), query.agent());
    }
}
