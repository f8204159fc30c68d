package org.callscore.recording.internal.command;

import java.time.Duration;
import java.time.Instant;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.recording.internal.RecordingIndexComponent;

/** {@code recording:access-log}: who heard, downloaded, held or purged what, granted or refused. */
@Command(scope = "recording", name = "access-log", description = "Every attempt to hear, download, hold, release or "
        + "purge a recording, newest first: --hours (24), --limit (100)")
@Service
public class AccessLogCommand extends RecordingCommand {

    @Option(name = "--hours") int hours = 24;
    @Option(name = "--limit") int limit = 100;

    @Override
    String run(RecordingIndexComponent index) {
        StringBuilder out = new StringBuilder();
        index.accessLog(Instant.now().minus(Duration.ofHours(Math.max(1, hours))), limit).forEach(a -> out.append(
                String.format("%-24s %-8d %-16s %-15s %-8s %-8s %s%n", a.at(), a.recordingId(), a.user(), a.address(),
                        a.action(), a.granted() ? "granted" : "REFUSED", a.detail())));
        return out.append(out.length() == 0 ? "No access in that time\n" : "").toString();
    }
}
