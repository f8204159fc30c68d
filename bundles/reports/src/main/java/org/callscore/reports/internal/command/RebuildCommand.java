package org.callscore.reports.internal.command;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code report:rebuild}: reads the whole queue_log again, showing its progress. */
@Command(scope = "report", name = "rebuild", description = "Empties the report sums and reads the whole queue_log "
        + "again (after changing how calls are counted); shows its progress")
@Service
public class RebuildCommand extends ReportsCommand {

    @Override
    String report() {
        AtomicLong shown = new AtomicLong(-1);
        long started = System.nanoTime();
        long rows = reports.rebuild(share -> {
            long percent = Math.round(share * 100);
            if (percent != shown.getAndSet(percent)) {
                System.out.print("\rRebuilding: " + percent + "%");
                System.out.flush();
            }
        });
        return String.format("%nRebuilt from %,d queue_log rows in %.1f s%n", rows, (System.nanoTime() - started) / 1e9);
    }
}
