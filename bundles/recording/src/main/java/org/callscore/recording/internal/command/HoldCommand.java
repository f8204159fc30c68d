package org.callscore.recording.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code recording:hold}: a legal hold on one recording, or on every recording of a caller. */
@Command(scope = "recording", name = "hold", description = "Puts a recording (by id), or with --caller every "
        + "recording of a caller's number (those indexed later too), under a legal hold: no rule purges it")
@Service
public class HoldCommand extends HoldingCommand {

    public HoldCommand() {
        super(true);
    }
}
