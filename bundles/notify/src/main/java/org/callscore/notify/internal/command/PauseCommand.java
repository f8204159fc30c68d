package org.callscore.notify.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.notify.Campaign;

/** {@code notify:pause CAMPAIGN}. */
@Command(scope = "notify", name = "pause", description = "No new calls until notify:resume; calls in flight end normally")
@Service
public class PauseCommand extends StateCommand {

    @Override
    String did() {
        return "paused";
    }

    @Override
    Campaign change(String campaignId) {
        return campaigns.pause(campaignId, actor());
    }
}
