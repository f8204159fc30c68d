package org.callscore.notify.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.notify.Campaigns;

/** {@code notify:stop CAMPAIGN}. */
@Command(scope = "notify", name = "stop", description = "Ends the campaign for good: numbers still waiting are not called; calls in flight end normally")
@Service
public class StopCommand extends StateCommand {

    public StopCommand() {
        super("stopped", Campaigns::stop);
    }
}
