package org.callscore.notify.internal;

import java.time.Clock;
import java.time.Duration;

import org.callscore.ami.AmiEventListener;
import org.callscore.ami.ManagersByServer;
import org.callscore.site.SiteZone;
import org.callscore.storage.BackgroundTask;
import org.callscore.storage.Database;
import org.callscore.storage.TaskStatus;
import org.callscore.support.bundle.CallPathClasses;
import org.callscore.support.task.PeriodicTask;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The notification dialler: every {@code dial.interval.millis} it claims and starts calls of running campaigns, and
 * it listens to the shipped context's hang-up event and to Asterisk's Hangup of its channels (which frees their place
 * in the in-flight limit). Immediate: it owns a schedule. Every AMI server and the database are optional; while one
 * is missing, numbers wait.
 */
@Component(configurationPid = NotifyConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = AmiEventListener.class,
        property = {AmiEventListener.EVENTS + "=UserEvent", AmiEventListener.EVENTS + "=" + Dialler.HANGUP_EVENT,
                AmiEventListener.EVENTS + "=" + Dialler.CHANNEL_GONE})
@Designate(ocd = NotifyConfig.class)
public class DiallerComponent extends ManagersByServer {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Database database;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SiteZone siteZone;

    private Dialler dialler;
    private PeriodicTask task;

    @Activate
    void activate(BundleContext context, NotifyConfig config) {
        CallPathClasses.load(context.getBundle());
        dialler = new Dialler(() -> database, this::managers, config,
                () -> SiteZone.of(siteZone), Clock.systemUTC());
        events(dialler::onEvent);
        task = PeriodicTask.start("notify-dialler", Duration.ofSeconds(1),
                Duration.ofMillis(Math.max(50, config.dial_interval_millis())), dialler::tick,
                t -> BackgroundTask.register(context, t.name(), () -> t.status(TaskStatus::new))::unregister);
    }

    @Deactivate
    void deactivate() {
        task.close();
        dialler.close();
    }
}
