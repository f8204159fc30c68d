package org.callscore.notify.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.notify.Campaign;

/** {@code notify:start CAMPAIGN}. */
@Command(scope = "notify", name = "start", description = "Starts placing the calls of a draft campaign")
@Service
public class StartCommand extends StateCommand {

    @Override
    String did() {
        return "started";
    }

    @Override
    Campaign change(String campaignId) {
        return campaigns.start(campaignId, actor());
    }
}
