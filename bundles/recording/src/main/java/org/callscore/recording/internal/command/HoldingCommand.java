package org.callscore.recording.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Option;
import org.callscore.recording.internal.RecordingIndexComponent;

/** {@code recording:hold} and {@code recording:release}: one recording by id, or with --caller a caller's number. */
abstract class HoldingCommand extends RecordingCommand {

    @Argument(index = 0, required = true, description = "recording id, or the caller's number with --caller")
    String what;
    @Argument(index = 1, required = true, description = "why (kept in the access log)")
    String why;
    @Option(name = "--caller")
    boolean caller;

    private final boolean hold;

    HoldingCommand(boolean hold) {
        this.hold = hold;
    }

    @Override
    final String run(RecordingIndexComponent index) {
        if (caller && hold) {
            return "Held every recording of that caller: " + index.holdCaller(what, console(), why) + " now\n";
        }
        if (caller) {
            return index.releaseCaller(what, console(), why) ? "Released the caller's hold\n"
                    : "That caller had no hold\n";
        }
        long id = Long.parseLong(what);
        return hold ? "Held:\n" + line(index.hold(id, console(), why))
                : "Released:\n" + line(index.release(id, console(), why));
    }
}
