package org.callscore.ivr.internal.command;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.ivr.IvrCatalog;
import org.callscore.ivr.IvrVisits;

/** {@code ivr:list}: the menu files in use, their menus, open or closed now, the files refused, visits waiting. */
@Command(scope = "ivr", name = "list",
        description = "Lists the IVR menu files in use (menus, depth, agent key), each menu's keys and whether its "
                + "business hours say open now, the calendars, the files refused and why, and visits waiting for MariaDB")
@Service
public class ListCommand implements Action {

    @Reference(optional = true)
    IvrCatalog catalog;

    @Reference(optional = true)
    IvrVisits visits;

    @Override
    public Object execute() {
        if (catalog == null) {
            System.out.println("The IVR catalog is not running (see scr:list)");
            return null;
        }
        System.out.print(IvrListing.render(catalog, visits == null ? -1 : visits.pending(), Instant.now()));
        return null;
    }
}
