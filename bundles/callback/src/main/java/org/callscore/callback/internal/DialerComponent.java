package org.callscore.callback.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.callscore.ami.AmiEventListener;
import org.callscore.ami.ManagersByServer;
import org.callscore.ivr.IvrCatalog;
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

/**
 * The dialler: every {@code dial.interval.seconds} it claims due callbacks and places them through the AMI
 * services, and it listens to the AMI events that tell an attempt's outcome. Immediate: it owns a schedule. Every
 * AMI server and the database are optional; while one is missing, callbacks wait.
 */
@Component(configurationPid = CallbackConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = AmiEventListener.class,
        property = {AmiEventListener.EVENTS + "=UserEvent", AmiEventListener.EVENTS + "=" + Dialer.RESULT_EVENT,
                AmiEventListener.EVENTS + "=" + Dialer.LEG_EVENT})
public class DialerComponent extends ManagersByServer {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Database database;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile IvrCatalog catalog;

    private Dialer dialer;
    private PeriodicTask task;

    @Activate
    void activate(BundleContext context, CallbackConfig config, Map<String, Object> properties) {
        CallPathClasses.load(context.getBundle());
        CallbackSettings settings = new CallbackSettings(config, properties);
        dialer = new Dialer(() -> database, this::managers, settings,
                (queue, zone) -> settings.hours(queue, zone, CallbacksComponent.calendars(catalog)), Clock.systemUTC());
        events(dialer::onEvent);
        task = PeriodicTask.start("callback-dialler", Duration.ofSeconds(1),
                Duration.ofSeconds(Math.max(1, config.dial_interval_seconds())), dialer::tick,
                t -> BackgroundTask.register(context, t.name(), () -> t.status(TaskStatus::new))::unregister);
    }

    @Deactivate
    void deactivate() {
        task.close();
        dialer.close();
    }
}
