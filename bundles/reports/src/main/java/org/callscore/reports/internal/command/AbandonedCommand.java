package org.callscore.reports.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.reports.ReportQuery;

/** {@code report:abandoned}: the abandoned calls (or the repeat callers) of a period, newest first. */
@Command(scope = "report", name = "abandoned", description = "Lists the calls abandoned while waiting (caller, queue, "
        + "time, wait), newest first; --repeat lists the calls whose caller called again instead")
@Service
public class AbandonedCommand extends CallListOptions {

    @Option(name = "--repeat", description = "List the calls whose caller called again within the FCR window")
    boolean repeat;

    @Override
    String calls(ReportQuery query) {
        return repeat
                ? ServiceTable.calls(title("Repeat callers' calls entered", query), reports.repeatCallers(query, limit))
                : ServiceTable.calls(title("Abandoned calls entered", query), reports.abandoned(query, limit));
    }
}
