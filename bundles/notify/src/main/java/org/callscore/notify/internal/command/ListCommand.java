package org.callscore.notify.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.notify.Campaign;

/** {@code notify:list}: every campaign, newest first, with its progress. */
@Command(scope = "notify", name = "list", description = "Lists the campaigns, newest first, with their progress")
@Service
public class ListCommand extends NotifyCommand {

    @Override
    String run() {
        StringBuilder text = new StringBuilder();
        for (Campaign c : campaigns.list()) {
            text.append(line(c)).append("  ").append(CampaignFile.describe(c.definition())).append("\n  ")
                    .append(ProgressCommand.figures(campaigns.progress(c.id()))).append('\n');
        }
        return text.length() == 0 ? "No campaigns (notify:create)\n" : text.toString();
    }
}
