package org.callscore.notify.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.notify.Campaigns;

/** {@code notify:resume CAMPAIGN}. */
@Command(scope = "notify", name = "resume", description = "Places calls again")
@Service
public class ResumeCommand extends StateCommand {

    public ResumeCommand() {
        super("resumed", Campaigns::resume);
    }
}
