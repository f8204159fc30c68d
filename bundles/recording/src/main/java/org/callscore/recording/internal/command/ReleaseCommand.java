package org.callscore.recording.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code recording:release}: ends a legal hold. */
@Command(scope = "recording", name = "release", description = "Ends the legal hold on a recording (by id), or with "
        + "--caller the hold on a caller's number")
@Service
public class ReleaseCommand extends HoldingCommand {

    public ReleaseCommand() {
        super(false);
    }
}
