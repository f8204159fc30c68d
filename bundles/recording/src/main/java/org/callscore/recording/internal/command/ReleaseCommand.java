package org.callscore.recording.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.recording.internal.RecordingIndexComponent;

/** {@code recording:release}: ends a legal hold. */
@Command(scope = "recording", name = "release", description = "Ends the legal hold on a recording (by id), or with "
        + "--caller the hold on a caller's number")
@Service
public class ReleaseCommand extends RecordingCommand {

    @Argument(index = 0, required = true, description = "recording id, or the caller's number with --caller")
    String what;
    @Argument(index = 1, required = true, description = "why (kept in the access log)")
    String why;
    @Option(name = "--caller") boolean caller;

    @Override
    String run(RecordingIndexComponent index) {
        if (caller) {
            return index.releaseCaller(what, console(), why) ? "Released the caller's hold\n"
                    : "That caller had no hold\n";
        }
        return "Released:\n" + line(index.release(Long.parseLong(what), console(), why));
    }
}
