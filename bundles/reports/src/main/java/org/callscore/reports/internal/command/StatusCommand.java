package org.callscore.reports.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.reports.IngestionStatus;

/** {@code report:status}: where the reading of queue_log stands, what it awaits and what it set aside. */
@Command(scope = "report", name = "status", description = "Shows where the reading of queue_log stands: the source, "
        + "the last id read, calls still open, ids awaited, rows set aside, the last run and its problem")
@Service
public class StatusCommand extends ReportsCommand {

    @Override
    String report() {
        return text(reports.status());
    }

    static String text(IngestionStatus s) {
        StringBuilder out = new StringBuilder();
        out.append("Source:      ").append(s.source()).append('\n');
        out.append("Last id:     ").append(s.lastId()).append('\n');
        out.append("Open calls:  ").append(s.openCalls()).append(" (waiting or talking, not in the sums yet)\n");
        out.append("Awaited ids: ").append(s.awaitedIds())
                .append(" (below the last id, not committed yet; given up after queue_log.gap.seconds)\n");
        out.append("Set aside:   ").append(s.setAside()).append(s.setAside() == 0 ? "\n"
                : " rows not counted: SELECT * FROM reports_set_aside ORDER BY id DESC\n");
        out.append("Last run:    ").append(s.lastRun().map(Object::toString).orElse("none yet")).append('\n');
        s.problem().ifPresent(p -> out.append("Problem:     ").append(p).append('\n'));
        s.rebuildProgress().ifPresent(p -> out.append("Rebuilding:  ").append(Math.round(p * 100)).append(" %\n"));
        return out.toString();
    }
}
