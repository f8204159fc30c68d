package org.callscore.notify.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.notify.Campaigns;

/** {@code notify:start CAMPAIGN}. */
@Command(scope = "notify", name = "start", description = "Starts placing the calls of a draft campaign")
@Service
public class StartCommand extends StateCommand {

    public StartCommand() {
        super("started", Campaigns::start);
    }
}
