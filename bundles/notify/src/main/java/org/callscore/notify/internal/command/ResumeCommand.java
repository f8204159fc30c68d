package org.callscore.notify.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.notify.Campaign;

/** {@code notify:resume CAMPAIGN}. */
@Command(scope = "notify", name = "resume", description = "Places calls again")
@Service
public class ResumeCommand extends StateCommand {

    @Override
    String did() {
        return "resumed";
    }

    @Override
    Campaign change(String campaignId) {
        return campaigns.resume(campaignId, actor());
    }
}
