package org.callscore.reports.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.reports.ReportGroup;
import org.callscore.reports.ReportQuery;
import org.callscore.reports.ServiceReports;
import org.callscore.support.options.CommandOptions;

/** {@code report:service}: the service-level figures of a period, as a table. */
@Command(scope = "report", name = "service", description = "Shows calls offered, answered, abandoned, service level, "
        + "ASA, waits, talk and handle time, first-call resolution and survey figures per group")
@Service
public class ServiceCommand extends ReportOptions {

    @Option(name = "--by", description = "One row per: all, queue, agent, hour, day, week, month or year (default: all)")
    String by = "all";

    @Option(name = "--rank", description = "With --by agent: rank agents by answered, handle-time, "
            + "first-call-resolution, ring-no-answer, csat or survey-mean")
    String rank;

    @Override
    String report() {
        ReportQuery query = query(CommandOptions.choice("--by", by, ReportGroup.class));
        String title = title("Calls entered", query) + ", by " + by;
        return ServiceTable.render(rank == null ? title : title + ", ranked by " + rank, rank == null
                ? reports.report(query) : reports.ranking(query, CommandOptions.choice("--rank", rank, ServiceReports.Ranking.class)));
    }
}
