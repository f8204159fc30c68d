package org.callscore.survey.internal;

import java.time.Instant;
import java.util.Optional;

import org.callscore.storage.BackgroundTask;
import org.callscore.storage.Database;
import org.callscore.storage.TaskStatus;
import org.callscore.support.bundle.CallPathClasses;
import org.callscore.support.database.BoundedWriter;
import org.callscore.support.database.ReplayedWrites;
import org.callscore.support.files.ModuleFiles;
import org.callscore.survey.ResponseStatus;
import org.callscore.survey.SurveyAnswer;
import org.callscore.survey.SurveyOffer;
import org.callscore.survey.SurveyResponses;
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
 * The {@link SurveyResponses} service: MariaDB when it answers, the journal in Karaf's data folder when it
 * does not, replayed every few seconds. The database is optional so that answers are journalled even while
 * no DataSource is configured.
 */
@Component(configurationPid = "org.callscore.survey.responses", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true) // the replay runs whether or not a call is using the service
@Designate(ocd = SurveyResponsesComponent.Config.class)
public class SurveyResponsesComponent extends ReplayedWrites implements SurveyResponses {

    @ObjectClassDefinition(name = "CallScore survey responses",
            description = "Where survey answers wait while MariaDB is down")
    @interface Config {

        @AttributeDefinition(name = "Journal file",
                description = "Relative paths are taken from Karaf's data folder. Keep it on a local disk.")
        String journal_file() default "callscore/survey-journal.log";

        @AttributeDefinition(name = "Replay interval (s)",
                description = "How often journalled answers are offered to MariaDB again")
        int replay_interval_seconds() default 2;

        @AttributeDefinition(name = "Write time-out (ms)",
                description = "The longest a caller waits for MariaDB to take one survey event; a later one goes "
                        + "to the journal, and so do the next ones, without waiting, until MariaDB takes the "
                        + "journal's events again")
        int write_timeout_millis() default 500;

        @AttributeDefinition(name = "Writer threads",
                description = "How many survey events may be written to MariaDB at once, each on a pooled "
                        + "connection")
        int writer_threads() default 4;
    }

    /** Writes that may wait for a free writer; more go to the journal at once. */
    private static final int WAITING_WRITES = 1000;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Database database;

    private ResponseRecorder recorder;

    @Activate
    void activate(BundleContext context, Config config) {
        CallPathClasses.load(context.getBundle());
        BoundedWriter writer = startWriter("survey", config.write_timeout_millis(), config.writer_threads(),
                WAITING_WRITES);
        recorder = new ResponseRecorder(new ResponseJournal(ModuleFiles.resolve("karaf.data", "data",
                config.journal_file())), () -> database, writer);
        replayEvery("survey-journal-replay", config.replay_interval_seconds(), recorder::replay,
                task -> BackgroundTask.register(context, task.name(), () -> task.status(TaskStatus::new))::unregister);
    }

    @Override
    public void offered(SurveyOffer offer) {
        recorder.offered(offer);
    }

    @Override
    public void answered(SurveyAnswer answer) {
        recorder.answered(answer);
    }

    @Override
    public void ended(String responseId, ResponseStatus status, Instant at, Optional<String> comment) {
        recorder.ended(responseId, status, at, comment);
    }

    @Override
    public int pending() {
        return recorder.pending();
    }
}
