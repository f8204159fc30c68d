package org.callscore.ivr;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The record of IVR visits. {@link #record} returns once the visit is in MariaDB or, while MariaDB does not
 * take it, in the spool folder on disk, from which it is written later, once.
 */
@ProviderType
public interface IvrVisits {

    /**
     * The module name of the IVR's tables, as its bundle declares them ({@code ModuleSchema}) and as
     * {@code Database.isReady} and {@code callscore:status} name them.
     */
    String SCHEMA = "ivr";

    void record(IvrVisit visit);

    /** @return visits waiting in the spool for MariaDB */
    int pending();
}
