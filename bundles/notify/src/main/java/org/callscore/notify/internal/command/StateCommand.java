package org.callscore.notify.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.callscore.notify.Campaign;

/** notify:start, pause, resume, stop: one campaign's state changed, and logged with the console user. */
abstract class StateCommand extends NotifyCommand {

    @Argument(index = 0, name = "campaign", description = "The campaign's name or id", required = true)
    String campaign;

    /** @return the campaign after the change */
    abstract Campaign change(String campaignId);

    /** @return what the command did, for the log: {@code started} */
    abstract String did();

    @Override
    final String run() {
        Campaign before = campaign(campaign);
        Campaign after = change(before.id());
        if (after.state() == before.state()) {
            logged("%s campaign %s: it was %s already, nothing changed", did(), after.name(), after.state());
        } else {
            logged("%s campaign %s (%s to %s)", did(), after.name(), before.state(), after.state());
        }
        return line(after);
    }
}
