package org.callscore.recording.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.recording.internal.Keeping;
import org.callscore.recording.internal.RecordingIndexComponent;

/** {@code recording:purge}: what the retention rules remove; only with {@code --really} is it removed. */
@Command(scope = "recording", name = "purge", description = "Lists the recordings the retention rules purge now "
        + "(held ones never); --really deletes their files, keeping each row as a tombstone")
@Service
public class PurgeCommand extends RecordingCommand {

    @Option(name = "--really") boolean really;
    @Option(name = "--limit") int limit = 1000;

    @Override
    String run(RecordingIndexComponent index) {
        List<Keeping.Due> due = index.due(limit);
        StringBuilder out = new StringBuilder();
        due.forEach(d -> out.append(String.format("%-8d %-20s %-12s %s (%s)%n", d.recording().id(),
                d.recording().startedAt(), d.recording().queue().orElse("-"), d.file(), d.rule())));
        if (really) {
            index.purge(due, console());
            out.append("Purged ").append(due.size()).append(" recording(s); tombstones kept\n");
        } else {
            out.append(due.size()).append(" recording(s) would be purged; nothing done (--really to purge)\n");
        }
        return out.toString();
    }
}
