package org.callscore.console.internal;

import java.util.Comparator;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import org.callscore.agi.server.FastAgiServer;
import org.callscore.storage.BackgroundTask;
import org.callscore.storage.Database;
import org.callscore.storage.TaskStatus;
import org.callscore.support.bundle.EachService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;

/** {@code callscore:status}: is CallScore listening, what does it serve, does the database answer. */
@Command(scope = "callscore", name = "status",
        description = "Shows where the FastAGI server listens, the AGI applications registered, whether the "
                + "database answers, each module's schema version and each background task's last run and error")
@Service
public class StatusCommand implements Action {

    @Reference(optional = true)
    FastAgiServer server;

    @Reference(optional = true)
    Database database;

    @Reference
    BundleContext context;

    @Override
    public Object execute() throws InvalidSyntaxException {
        System.out.print(new StatusReport(context.getBundle().getVersion().toString(), server, database, tasks())
                .render());
        return null;
    }

    /** Every module's background tasks, as they are now: a task whose bundle is stopping is left out. */
    private List<TaskStatus> tasks() throws InvalidSyntaxException {
        List<TaskStatus> tasks = EachService.ask(context, BackgroundTask.class, BackgroundTask::status);
        tasks.sort(Comparator.comparing(TaskStatus::name));
        return tasks;
    }
}
