package org.callscore.ivr.internal;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.callscore.ivr.IvrVisit;
import org.callscore.ivr.IvrVisits;
import org.callscore.storage.Database;
import org.callscore.storage.SqlFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each visit straight to MariaDB when it answers, and to the spool when it does not; the spool is
 * offered to MariaDB again by {@link #replay()}.
 */
final class VisitRecorder implements IvrVisits {

    static final String MODULE = "ivr";
    private static final Logger LOG = LoggerFactory.getLogger(VisitRecorder.class);

    private final VisitSpool spool;
    private final Supplier<Database> database;
    private final Object replay = new Object();

    /** @param database the database now, or null while there is none */
    VisitRecorder(VisitSpool spool, Supplier<Database> database) {
        this.spool = spool;
        this.database = database;
    }

    @Override
    public void record(IvrVisit visit) {
        Database db = database.get();
        if (db != null && db.isReady(MODULE)) {
            try {
                VisitWriter.write(db.jdbi(), visit);
                return;
            } catch (RuntimeException e) {
                if (SqlFailures.refusedForGood(e)) {
                    LOG.error("MariaDB refused IVR visit {} ({}); it is not stored", visit.id(), SqlFailures.reason(e));
                    return;
                }
                LOG.warn("MariaDB did not take an IVR visit ({}); it waits in {} until it does", SqlFailures.reason(e),
                        spool.folder());
                db.checkNow();
            }
        }
        boolean first = spool.size() == 0;
        spool.put(visit);
        if (first) {
            LOG.warn("MariaDB is not ready for IVR visits: they wait in {} and are written when it is", spool.folder());
        }
    }

    @Override
    public int pending() {
        return spool.size();
    }

    /** Writes the spooled visits, stopping at the first one the database cannot take yet. */
    void replay() {
        synchronized (replay) {
            Database db = database.get();
            if (db == null || !db.isReady(MODULE) || spool.size() <= 0) {
                return;
            }
            int written = 0;
            for (VisitSpool.Entry entry : spool.entries((file, why) -> LOG.error(
                    "IVR visit spool: unreadable file moved to {}.rejected: {}", file, why))) {
                try {
                    VisitWriter.write(db.jdbi(), entry.visit());
                    spool.remove(entry);
                    written++;
                } catch (RuntimeException e) {
                    if (!SqlFailures.refusedForGood(e)) {
                        LOG.debug("IVR visit replay paused: {}", SqlFailures.reason(e));
                        db.checkNow();
                        break;
                    }
                    Path kept = spool.reject(entry.file());
                    LOG.error("MariaDB refused IVR visit {} ({}); it is kept in {} for an administrator",
                            entry.visit().id(), SqlFailures.reason(e), kept);
                }
            }
            if (written > 0) {
                LOG.info("{} IVR visits written to MariaDB from the spool; {} still waiting", written, spool.size());
            }
        }
    }
}
