package org.callscore.notify.internal.command;

import org.callscore.notify.Campaign;
import org.callscore.notify.Campaigns;

/** notify:start, pause, resume, stop: one campaign's state changed, and logged with the console user. */
abstract class StateCommand extends CampaignCommand {

    /** One of the changes of {@link Campaigns}: {@code Campaigns::start}. */
    interface Change {
        /** @return the campaign after the change */
        Campaign apply(Campaigns campaigns, String campaignId, String actor);
    }

    private final String did;
    private final Change change;

    /**
     * @param did what the command did, for the log: {@code started}
     * @param change what it does to the campaign
     */
    StateCommand(String did, Change change) {
        this.did = did;
        this.change = change;
    }

    @Override
    final String run() {
        Campaign before = named();
        Campaign after = change.apply(campaigns, before.id(), actor());
        if (after.state() == before.state()) {
            logged("%s campaign %s: it was %s already, nothing changed", did, after.name(), after.state());
        } else {
            logged("%s campaign %s (%s to %s)", did, after.name(), before.state(), after.state());
        }
        return line(after);
    }
}
