package org.callscore.ivr.internal;

import java.util.function.Supplier;

import org.callscore.ivr.IvrVisit;
import org.callscore.ivr.IvrVisits;
import org.callscore.storage.Database;
import org.callscore.support.database.BoundedWriter;
import org.callscore.support.database.SpoolReplay;
import org.callscore.support.database.SqlFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each visit straight to MariaDB when it answers within the writer's bound, and to the spool when it
 * does not; the spool is offered to MariaDB again by {@link #replay()}. Recording never throws: a visit neither
 * MariaDB nor the spool takes is logged in full.
 */
final class VisitRecorder implements IvrVisits {

    static final String MODULE = org.callscore.ivr.IvrVisits.SCHEMA;
    private static final Logger LOG = LoggerFactory.getLogger(VisitRecorder.class);

    private final VisitSpool spool;
    private final Supplier<Database> database;
    private final BoundedWriter writer;
    private final SpoolReplay<IvrVisit> replays;

    /**
     * @param database the database now, or null while there is none
     * @param writer   where callers' writes run, so that none waits on MariaDB longer than its bound
     */
    VisitRecorder(VisitSpool spool, Supplier<Database> database, BoundedWriter writer) {
        this.spool = spool;
        this.database = database;
        this.writer = writer;
        this.replays = new SpoolReplay<>(LOG, spool.files(), new SpoolReplay.Names("IVR visit", "IVR visit", "IVR visits"),
                VisitSpool::read, IvrVisit::id, VisitWriter::write);
    }

    @Override
    public void record(IvrVisit visit) {
        try {
            if (!written(visit)) {
                keep(visit);
            }
        } catch (RuntimeException | LinkageError e) { // LinkageError: classes of a bundle updated mid-call
            LOG.error("IVR visit {} neither written nor spooled ({}): {}", visit.id(), e, visit);
        }
    }

    /** @return whether MariaDB has the visit (or refused it for good) */
    private boolean written(IvrVisit visit) {
        Database db = database.get();
        if (!BoundedWriter.ready(() -> db != null && db.isReady(MODULE))) {
            return false;
        }
        try {
            return writer.write(db::jdbi, db::checkNow, jdbi -> VisitWriter.write(jdbi, visit));
        } catch (RuntimeException refused) {
            LOG.error("MariaDB refused IVR visit {} ({}); it is not stored: {}", visit.id(), SqlFailures.reason(refused),
                    visit);
            return true;
        }
    }

    private void keep(IvrVisit visit) {
        try {
            spool.put(visit);
            replays.spooled();
        } catch (RuntimeException e) {
            LOG.error("IVR visit spool {} cannot be written ({}): the caller goes on, and this visit is kept only in "
                    + "this log line: {}", spool.folder(), e.getMessage(), visit);
        }
    }

    @Override
    public int pending() {
        return replays.pending();
    }

    /** Writes the spooled visits, stopping at the first one the database cannot take yet. */
    void replay() {
        Database db = database.get();
        if (db != null && db.isReady(MODULE)) {
            replays.replay(db::jdbi, db::checkNow, writer);
        }
    }
}
