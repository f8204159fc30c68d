package org.callscore.callback.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.callscore.callback.Callback;
import org.callscore.callback.CallbackAttempt;
import org.callscore.callback.CallbackChange;
import org.callscore.callback.CallbackQuery;
import org.callscore.callback.CallbackRequest;
import org.callscore.callback.Callbacks;
import org.callscore.ivr.IvrCatalog;
import org.callscore.site.SiteZone;
import org.callscore.storage.BackgroundTask;
import org.callscore.storage.Database;
import org.callscore.storage.TaskStatus;
import org.callscore.support.bundle.CallPathClasses;
import org.callscore.support.database.BoundedWriter;
import org.callscore.support.database.ReplayedWrites;
import org.callscore.support.files.ModuleFiles;
import org.callscore.support.files.RecordSpool;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Callbacks} service: MariaDB when it answers, the spool folder in Karaf's data folder when it does not,
 * replayed every few seconds. The database, the IVR's calendars and the site zone are optional, so that a caller's
 * request is kept even while none of them is there.
 */
@Component(configurationPid = CallbackConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true) // the replay runs whether or not anyone uses the service
@Designate(ocd = CallbackConfig.class)
public class CallbacksComponent extends ReplayedWrites implements Callbacks {

    private static final Logger LOG = LoggerFactory.getLogger(CallbacksComponent.class);
    /** Writes that may wait for a free writer; more go to the spool at once. */
    private static final int WAITING_WRITES = 200;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Database database;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile IvrCatalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SiteZone siteZone;

    private CallbackBook book;

    @Activate
    void activate(BundleContext context, CallbackConfig config, Map<String, Object> properties) {
        CallPathClasses.load(context.getBundle());
        CallbackSettings settings = new CallbackSettings(config, properties);
        BoundedWriter writer = startWriter("callback", config.write_timeout_millis(), config.writer_threads(),
                WAITING_WRITES);
        RecordSpool spool = new RecordSpool(ModuleFiles.resolve("karaf.data", "data", config.spool_folder()), ".request",
                (file, why) -> LOG.error("Callback spool: {} {}", file, why));
        book = new CallbackBook(spool, () -> database, writer, Clock.systemUTC(), this::zone, () -> settings,
                (queue, zone) -> settings.hours(queue, zone, calendars(catalog)));
        replayEvery("callback-request-replay", config.replay_interval_seconds(), book::replay,
                task -> BackgroundTask.register(context, task.name(), () -> task.status(TaskStatus::new))::unregister);
    }

    static Map<String, org.callscore.ivr.BusinessHours.Calendar> calendars(IvrCatalog catalog) {
        return catalog == null ? null : catalog.calendars();
    }

    private ZoneId zone() {
        return SiteZone.of(siteZone);
    }

    /** @return how many requests wait in the spool for MariaDB */
    int pending() {
        return book.pending();
    }

    @Override
    public String request(CallbackRequest request) {
        return book.request(request);
    }

    @Override
    public Callback move(String id, Optional<Instant> askedFor, String actor) {
        return book.move(id, askedFor, actor);
    }

    @Override
    public Callback assign(String id, Optional<String> agent, String actor) {
        return book.assign(id, agent, actor);
    }

    @Override
    public Callback cancel(String id, String actor, String why) {
        return book.cancel(id, actor, why);
    }

    @Override
    public Callback close(String id, String actor, String note) {
        return book.close(id, actor, note);
    }

    @Override
    public Optional<Callback> byId(String id) {
        return book.byId(id);
    }

    @Override
    public List<Callback> find(CallbackQuery query) {
        return book.find(query);
    }

    @Override
    public List<CallbackChange> history(String id) {
        return book.history(id);
    }

    @Override
    public List<CallbackAttempt> attempts(String id) {
        return book.attempts(id);
    }
}
