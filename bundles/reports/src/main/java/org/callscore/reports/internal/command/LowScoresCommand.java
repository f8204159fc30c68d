package org.callscore.reports.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.reports.ReportQuery;

/** {@code report:low-scores}: the surveyed calls that went badly, for quality staff to listen to. */
@Command(scope = "report", name = "low-scores", description = "Lists the surveyed calls with a complaint or a low "
        + "mean score (call uniqueid, queue, agent, mean, voice comment), newest first")
@Service
public class LowScoresCommand extends CallListOptions {

    @Option(name = "--max-mean", description = "A call whose mean 1-5 score is at most this is listed (default 2)")
    double maxMean = 2.0;

    @Override
    String calls(ReportQuery query) {
        return ServiceTable.lowScored(title("Low-scored calls surveyed", query),
                reports.lowScored(query, maxMean, limit));
    }
}
