package org.callscore.storage;

import org.jdbi.v3.core.Jdbi;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The CallScore database. The service exists while a DataSource is configured, whether or not MariaDB
 * answers: check {@link #status()} or {@link #isReady(String)} rather than assuming it does.
 */
@ProviderType
public interface Database {

    /** @return Jdbi over the shared connection pool; its calls fail with an exception while MariaDB is down */
    Jdbi jdbi();

    /** @return the last known state, refreshed every few seconds */
    DatabaseStatus status();

    /**
     * @param module a module name as in {@link ModuleSchema}
     * @return whether MariaDB answers and the module's tables are at the latest version its bundle has
     */
    boolean isReady(String module);

    /**
     * Asks for a health check and pending migrations now, e.g. after a write failed, rather than at the next
     * scheduled check. Returns at once.
     */
    void checkNow();
}
