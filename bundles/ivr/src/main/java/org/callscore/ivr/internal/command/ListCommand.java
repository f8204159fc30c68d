package org.callscore.ivr.internal.command;

import java.time.Instant;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.ivr.IvrCatalog;
import org.callscore.ivr.IvrVisits;
import org.callscore.support.command.ModuleCommand;

/** {@code ivr:list}: the menu files in use, their menus, open or closed now, the files refused, visits waiting. */
@Command(scope = "ivr", name = "list",
        description = "Lists the IVR menu files in use (menus, depth, agent key), each menu's keys and whether its "
                + "business hours say open now, the calendars, the files refused and why, and visits waiting for MariaDB")
@Service
public class ListCommand extends ModuleCommand {

    @Reference(optional = true)
    IvrCatalog catalog;

    @Reference(optional = true)
    IvrVisits visits;

    public ListCommand() {
        super("The IVR catalog is not running (see scr:list)");
    }

    @Override
    protected Optional<String> text() {
        return Optional.ofNullable(catalog)
                .map(running -> IvrListing.render(running, visits == null ? -1 : visits.pending(), Instant.now()));
    }
}
