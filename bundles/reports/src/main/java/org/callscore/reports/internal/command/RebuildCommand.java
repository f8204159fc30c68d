package org.callscore.reports.internal.command;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.reports.ServiceReports;

/** {@code report:rebuild}: reads the whole queue_log again, showing its progress. */
@Command(scope = "report", name = "rebuild", description = "Empties the report sums and reads the whole queue_log "
        + "again (after changing how calls are counted); shows its progress")
@Service
public class RebuildCommand implements Action {

    @Reference(optional = true)
    ServiceReports reports;

    @Override
    public Object execute() {
        if (reports == null) {
            System.out.println(ReportOptions.UNAVAILABLE);
            return null;
        }
        AtomicLong shown = new AtomicLong(-1);
        long started = System.nanoTime();
        long rows = reports.rebuild(share -> {
            long percent = Math.round(share * 100);
            if (percent != shown.getAndSet(percent)) {
                System.out.print("\rRebuilding: " + percent + "%");
                System.out.flush();
            }
        });
        System.out.printf("%nRebuilt from %,d queue_log rows in %.1f s%n", rows,
                (System.nanoTime() - started) / 1e9);
        return null;
    }
}
