package org.callscore.notify.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.notify.Campaigns;

/** {@code notify:pause CAMPAIGN}. */
@Command(scope = "notify", name = "pause", description = "No new calls until notify:resume; calls in flight end normally")
@Service
public class PauseCommand extends StateCommand {

    public PauseCommand() {
        super("paused", Campaigns::pause);
    }
}
