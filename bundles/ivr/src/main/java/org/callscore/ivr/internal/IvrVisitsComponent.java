package org.callscore.ivr.internal;

import org.callscore.ivr.IvrVisit;
import org.callscore.ivr.IvrVisits;
import org.callscore.storage.BackgroundTask;
import org.callscore.storage.Database;
import org.callscore.storage.TaskStatus;
import org.callscore.support.bundle.CallPathClasses;
import org.callscore.support.database.BoundedWriter;
import org.callscore.support.database.ReplayedWrites;
import org.callscore.support.files.ModuleFiles;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@link IvrVisits} service: MariaDB when it answers, the spool folder in Karaf's data folder when it does
 * not, replayed every few seconds. The database is optional so that visits are spooled even while no
 * DataSource is configured.
 */
@Component(configurationPid = "org.callscore.ivr.visits", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true) // the replay runs whether or not a call is using the service
@Designate(ocd = IvrVisitsComponent.Config.class)
public class IvrVisitsComponent extends ReplayedWrites implements IvrVisits {

    @ObjectClassDefinition(name = "CallScore IVR visits", description = "Where IVR visits wait while MariaDB is down")
    @interface Config {

        @AttributeDefinition(name = "Spool folder",
                description = "Relative paths are taken from Karaf's data folder. Keep it on a local disk.")
        String spool_folder() default "callscore/ivr-visits";

        @AttributeDefinition(name = "Replay interval (s)",
                description = "How often spooled visits are offered to MariaDB again")
        int replay_interval_seconds() default 2;

        @AttributeDefinition(name = "Write time-out (ms)",
                description = "The longest a caller waits for MariaDB to take an IVR visit (after the destination "
                        + "is set); a later one goes to the spool, and so do the next ones, without waiting, until "
                        + "MariaDB takes the spool's visits again")
        int write_timeout_millis() default 500;

        @AttributeDefinition(name = "Writer threads",
                description = "How many IVR visits may be written to MariaDB at once, each on a pooled connection")
        int writer_threads() default 4;
    }

    /** Writes that may wait for a free writer; more go to the spool at once. */
    private static final int WAITING_WRITES = 1000;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Database database;

    private VisitRecorder recorder;

    @Activate
    void activate(BundleContext context, Config config) {
        CallPathClasses.load(context.getBundle());
        BoundedWriter writer = startWriter("ivr", config.write_timeout_millis(), config.writer_threads(),
                WAITING_WRITES);
        recorder = new VisitRecorder(new VisitSpool(ModuleFiles.resolve("karaf.data", "data", config.spool_folder())),
                () -> database, writer);
        replayEvery("ivr-visit-replay", config.replay_interval_seconds(), recorder::replay,
                task -> BackgroundTask.register(context, task.name(), () -> task.status(TaskStatus::new))::unregister);
    }

    @Override
    public void record(IvrVisit visit) {
        recorder.record(visit);
    }

    @Override
    public int pending() {
        return recorder.pending();
    }
}
