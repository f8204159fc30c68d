package org.callscore.notify.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.callscore.notify.Campaign;

/** A notify:* command about one campaign, named (or given by id) in its first argument. */
abstract class CampaignCommand extends NotifyCommand {

    @Argument(index = 0, name = "campaign", description = "The campaign's name or id", required = true)
    String campaign;

    /** @return the campaign the first argument names */
    final Campaign named() {
        return campaign(campaign);
    }
}
