package org.callscore.console;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.agi.FastAgiServer;
import org.callscore.storage.Database;
import org.osgi.framework.BundleContext;

/** {@code callscore:status}: is CallScore listening, what does it serve, does the database answer. */
@Command(scope = "callscore", name = "status",
        description = "Shows where the FastAGI server listens, the AGI applications registered, whether the "
                + "database answers and each module's schema version")
@Service
public class StatusCommand implements Action {

    @Reference(optional = true)
    FastAgiServer server;

    @Reference(optional = true)
    Database database;

    @Reference
    BundleContext context;

    @Override
    public Object execute() {
        System.out.print(new StatusReport(context.getBundle().getVersion().toString(), server, database).render());
        return null;
    }
}
