package org.callscore.storage;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * A module's periodic work (a folder scan, a journal replay, an ingestion, a health check), registered as a
 * service while it runs so that {@code callscore:status} can show every task of every module.
 */
@ProviderType
public interface BackgroundTask {

    /** Service property: the task's name, e.g. {@code survey-journal-replay}. */
    String NAME_PROPERTY = "callscore.task.name";

    /** @return how the task has run so far */
    TaskStatus status();

    /**
     * Shows a module's task in {@code callscore:status} until the registration is unregistered: the one way a
     * task is published, so that its name is always under {@link #NAME_PROPERTY}.
     */
    static ServiceRegistration<BackgroundTask> register(BundleContext context, String name, BackgroundTask task) {
        return context.registerService(BackgroundTask.class, task,
                FrameworkUtil.asDictionary(Map.of(NAME_PROPERTY, name)));
    }
}
