package org.callscore.recording.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.recording.internal.RecordingIndexComponent;

/** {@code recording:hold}: a legal hold on one recording, or on every recording of a caller. */
@Command(scope = "recording", name = "hold", description = "Puts a recording (by id), or with --caller every "
        + "recording of a caller's number (those indexed later too), under a legal hold: no rule purges it")
@Service
public class HoldCommand extends RecordingCommand {

    @Argument(index = 0, required = true, description = "recording id, or the caller's number with --caller")
    String what;
    @Argument(index = 1, required = true, description = "why (kept in the access log)")
    String why;
    @Option(name = "--caller") boolean caller;

    @Override
    String run(RecordingIndexComponent index) {
        if (caller) {
            return "Held every recording of that caller: " + index.holdCaller(what, console(), why) + " now\n";
        }
        return "Held:\n" + line(index.hold(Long.parseLong(what), console(), why));
    }
}
