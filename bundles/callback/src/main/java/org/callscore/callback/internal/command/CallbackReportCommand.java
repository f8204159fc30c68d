package org.callscore.callback.internal.command;

import static org.callscore.support.table.TextTable.number;
import static org.callscore.support.table.TextTable.percent;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.callback.CallbackFigureQuery;
import org.callscore.callback.CallbackFigureRow;
import org.callscore.callback.CallbackFigures;
import org.callscore.site.SiteZone;
import org.callscore.support.command.PeriodOptions;
import org.callscore.support.command.PeriodTitle;
import org.callscore.support.options.CommandOptions;
import org.callscore.support.table.TextTable;

/**
 * {@code report:callbacks}: the callback figures of a period. In the report scope beside the service reports, but
 * served by the callback bundle, the only reader of the callback tables: a site without callbacks has no such
 * command, and the reports bundle never imports the callback API.
 */
@Command(scope = "report", name = "callbacks", description = "Shows callbacks requested, reached, failed, expired, "
        + "cancelled and open, time to reach, share reached on time and the N-day closure rate per group")
@Service
public class CallbackReportCommand extends PeriodOptions {

    private static final String NL = System.lineSeparator();

    @Option(name = "--by", description = "One row per: all, queue, agent, day, week, month or year (default: all)")
    String by = "all";

    @Option(name = "--agent", description = "Only callbacks assigned to this agent")
    String agent;

    @Option(name = "--closure-days", description = "The N of the N-day closure rate (default: 3)")
    int closureDays = 3;

    @Reference(optional = true)
    CallbackFigures figures;

    @Reference(optional = true)
    SiteZone siteZone;

    public CallbackReportCommand() {
        super("Callback figures unavailable: the callback module has not started (see scr:list)");
    }

    @Override
    protected Optional<String> text() {
        if (figures == null) {
            return Optional.empty();
        }
        ZoneId zoneId = zone(SiteZone.of(siteZone));
        Days days = days(LocalDate.now(zoneId));
        CallbackFigureQuery query = new CallbackFigureQuery(days.first(), days.end(), zoneId,
                Optional.ofNullable(queue), Optional.ofNullable(agent),
                CommandOptions.choice("--by", by, CallbackFigureQuery.Grouping.class), closureDays);
        return Optional.of(render(query, figures.figures(query)));
    }

    static String render(CallbackFigureQuery query, List<CallbackFigureRow> rows) {
        StringBuilder out = new StringBuilder(PeriodTitle.of("Callbacks requested", query.from(), query.to(),
                query.zone(), query.queue(), query.agent()));
        out.append(", by ").append(query.groupBy().name().toLowerCase(Locale.ROOT)).append(NL);
        if (rows.isEmpty()) {
            return out.append("No callbacks match.").append(NL).toString();
        }
        String row = TextTable.row("%-{w}s %7s %6s %6s %7s %6s %5s %9s %9s %7s %9s%n", "Group",
                rows.stream().map(CallbackFigureRow::key).toList());
        out.append(String.format(Locale.ROOT, row, "Group", "Request", "Done", "Failed", "Expired", "Cancel", "Open",
                "MeanReach", "MedReach", "OnTime%", query.closureDays() + "dClose%"));
        for (CallbackFigureRow r : rows) {
            out.append(String.format(Locale.ROOT, row, r.key(), r.requested(), r.done(), r.failed(), r.expired(),
                    r.cancelled(), r.open(), number(r.meanSecondsToReach(), 0), number(r.medianSecondsToReach(), 0),
                    percent(r.onTimeRate()), percent(r.closureRate())));
        }
        return out.append("Reach times in seconds from the request.").append(NL).toString();
    }
}
