package org.callscore.notify.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.callscore.notify.Campaign;

/** notify:start, pause, resume, stop: one campaign's state changed. */
abstract class StateCommand extends NotifyCommand {

    @Argument(index = 0, name = "campaign", description = "The campaign's name or id", required = true)
    String campaign;

    /** @return the campaign after the change */
    abstract Campaign change(String campaignId);

    @Override
    final String run() {
        return line(change(campaign(campaign).id()));
    }
}
