package org.callscore.notify.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.notify.Campaign;
import org.callscore.notify.CampaignProgress;

/** {@code notify:progress CAMPAIGN}: done, in flight, waiting and failed numbers. */
@Command(scope = "notify", name = "progress", description = "How far a campaign is: numbers done, in flight, "
        + "waiting and failed")
@Service
public class ProgressCommand extends CampaignCommand {

    @Override
    String run() {
        Campaign c = named();
        return line(c) + figures(campaigns.progress(c.id())) + "\n";
    }

    static String figures(CampaignProgress p) {
        return "total " + p.total() + ", done " + p.done() + ", in flight " + p.inFlight() + ", waiting " + p.waiting()
                + ", failed " + p.failed();
    }
}
