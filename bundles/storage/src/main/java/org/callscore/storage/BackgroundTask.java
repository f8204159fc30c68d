package org.callscore.storage;

import org.osgi.annotation.versioning.ProviderType;

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
}
