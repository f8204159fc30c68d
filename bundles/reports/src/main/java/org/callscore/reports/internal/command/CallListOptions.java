package org.callscore.reports.internal.command;

import org.apache.karaf.shell.api.action.Option;
import org.callscore.reports.ReportGroup;
import org.callscore.reports.ReportQuery;

/** The report:* commands that list calls, newest first, up to a limit. */
abstract class CallListOptions extends ReportOptions {

    @Option(name = "--limit", description = "At most this many calls (default 100)")
    int limit = 100;

    @Override
    final String report() {
        return calls(query(ReportGroup.ALL));
    }

    /** @return the calls of the query's period (never grouped), as a table */
    abstract String calls(ReportQuery query);
}
