package org.callscore.reports.internal.command;

import java.util.Optional;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.callscore.reports.ServiceReports;
import org.callscore.support.command.ModuleCommand;

/** A report:* command without period options; it needs the reports component. */
abstract class ReportsCommand extends ModuleCommand {

    @Reference(optional = true)
    ServiceReports reports;

    ReportsCommand() {
        super(ReportOptions.UNAVAILABLE);
    }

    @Override
    protected final Optional<String> text() {
        return reports == null ? Optional.empty() : Optional.of(report());
    }

    /** @return what the command shows, given the reports component runs */
    abstract String report();
}
