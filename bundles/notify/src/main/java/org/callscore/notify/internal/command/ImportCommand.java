package org.callscore.notify.internal.command;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.notify.Campaign;
import org.callscore.notify.ImportFormat;
import org.callscore.notify.ImportReport;

/** {@code notify:import CAMPAIGN FILE}: customers from a CSV or XLSX file, every rejected row said. */
@Command(scope = "notify", name = "import", description = "Adds customers from a .csv or .xlsx file (columns number, "
        + "name, zone, any others kept as fields): says every bad row by line and reason, the duplicates merged and "
        + "the numbers skipped as do-not-call")
@Service
public class ImportCommand extends CampaignCommand {

    @Argument(index = 1, name = "file", description = "The .csv or .xlsx file", required = true)
    String file;

    @Override
    String run() throws Exception {
        Campaign target = named();
        ImportFormat format = ImportFormat.ofFileName(file);
        ImportReport report;
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            report = campaigns.importCustomers(target.id(), format, in, actor());
        }
        logged("imported %s into campaign %s: %d added, %d bad rows, %d duplicates merged, %d on the do-not-call list",
                file, target.name(), report.added(), report.bad().size(), report.duplicates().size(),
                report.doNotCall().size());
        StringBuilder text = new StringBuilder();
        text.append("Imported into ").append(target.name()).append(": ").append(report.added()).append(" added, ")
                .append(report.bad().size()).append(" bad, ").append(report.duplicates().size())
                .append(" duplicates merged, ").append(report.doNotCall().size()).append(" on the do-not-call list\n");
        report.bad().forEach(b -> text.append("  line ").append(b.line()).append(": ").append(b.reason()).append('\n'));
        report.duplicates().forEach(d -> text.append("  line ").append(d.line()).append(": duplicate of ")
                .append(d.firstLine() == 0 ? "a number imported earlier" : "line " + d.firstLine()).append(", merged\n"));
        report.doNotCall().forEach(s -> text.append("  line ").append(s.line()).append(": on the do-not-call list, "
                + "skipped\n"));
        return text.toString();
    }
}
