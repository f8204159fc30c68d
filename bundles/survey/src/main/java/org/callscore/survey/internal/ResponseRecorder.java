package org.callscore.survey.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.callscore.storage.Database;
import org.callscore.support.database.BoundedWriter;
import org.callscore.support.database.SqlFailures;
import org.callscore.survey.ResponseStatus;
import org.callscore.survey.SurveyAnswer;
import org.callscore.survey.SurveyOffer;
import org.callscore.survey.SurveyResponses;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each event straight to MariaDB when it answers within the writer's bound, and to the journal when it
 * does not. Once one event of a response is in the journal, the response's later events follow it there, so
 * they reach the database in the order they happened. Recording never fails a call: what neither MariaDB nor
 * the journal takes is logged in full.
 */
final class ResponseRecorder implements SurveyResponses {

    static final String MODULE = org.callscore.survey.SurveyResponses.SCHEMA;
    private static final Logger LOG = LoggerFactory.getLogger(ResponseRecorder.class);
    /** One instance: {@link BoundedWriter#writeTogether} puts events with the same statements together. */
    private static final BiConsumer<Handle, List<ResponseEvent>> WRITE = ResponseWriter::write;

    private final ResponseJournal journal;
    private final Supplier<Database> database;
    private final BoundedWriter writer;
    private static final int REPLAYED_TOGETHER = 50;
    /** One replay at a time, so events leave the journal in order. */
    private final Object replay = new Object();

    /**
     * @param database the database now, or null while there is none
     * @param writer   where callers' writes run, so that none waits on MariaDB longer than its bound
     */
    ResponseRecorder(ResponseJournal journal, Supplier<Database> database, BoundedWriter writer) {
        this.journal = journal;
        this.database = database;
        this.writer = writer;
    }

    @Override
    public void offered(SurveyOffer offer) {
        record(ResponseEvent.Offered.of(offer));
    }

    @Override
    public void answered(SurveyAnswer answer) {
        record(ResponseEvent.Answered.of(answer));
    }

    @Override
    public void ended(String responseId, ResponseStatus status, Instant at, Optional<String> comment) {
        record(new ResponseEvent.Ended(responseId, status, at, comment.orElse(null)));
    }

    @Override
    public int pending() {
        return journal.size();
    }

    void record(ResponseEvent event) {
        try {
            if (!written(event)) {
                keep(event);
            }
        } catch (RuntimeException | LinkageError e) { // LinkageError: classes of a bundle updated mid-call
            LOG.error("Survey event of response {} neither written nor journalled ({}); the event: {}",
                    event.responseId(), e, event.toLine());
        }
    }

    /** @return whether MariaDB has the event (or refused it for good, and it is set aside) */
    private boolean written(ResponseEvent event) {
        Database db = database.get();
        if (!BoundedWriter.ready(() -> db != null && db.isReady(MODULE)) || journal.holds(event.responseId())) {
            return false;
        }
        try {
            return writer.writeTogether(db::jdbi, db::checkNow, event, WRITE);
        } catch (RuntimeException refused) {
            reject(event, refused);
            return true;
        }
    }

    private void keep(ResponseEvent event) {
        try {
            if (journal.append(event)) {
                LOG.warn("MariaDB is not ready for surveys: answers are kept in the survey journal {} and written "
                        + "when it is", journal.file());
            }
        } catch (RuntimeException e) {
            LOG.error("Survey journal {} cannot be written ({}): the caller goes on, and this event is kept only "
                    + "in this log line: {}", journal.file(), e.getMessage(), event.toLine());
        }
    }

    /**
     * Writes what the journal holds, in order, stopping at the first event the database cannot take yet. Events
     * go in transactions of up to {@value #REPLAYED_TOGETHER} (an outage leaves thousands, and live calls go to
     * the journal until it is empty); a transaction MariaDB refuses is written again one event at a time, to set
     * aside only the event it refuses.
     */
    void replay() {
        synchronized (replay) {
            Database db = database.get();
            if (db == null || !db.isReady(MODULE)) {
                return;
            }
            List<ResponseEvent> events = journal.events();
            if (events.isEmpty()) {
                writer.resume(); // nothing waits and MariaDB answers the health check
                return;
            }
            int done = 0;
            try {
                while (done < events.size()) {
                    List<ResponseEvent> chunk = events.subList(done, Math.min(events.size(), done + REPLAYED_TOGETHER));
                    int taken;
                    try {
                        db.jdbi().useTransaction(handle -> ResponseWriter.write(handle, chunk));
                        taken = chunk.size();
                    } catch (RuntimeException e) {
                        if (!SqlFailures.refusedForGood(e)) {
                            paused(db, e);
                            return;
                        }
                        taken = replayedOneByOne(db, chunk);
                    }
                    done += taken;
                    if (taken < chunk.size()) {
                        return;
                    }
                }
                writer.resume();
            } finally {
                if (done > 0) {
                    journal.remove(events.subList(0, done));
                    LOG.info("{} survey events written to MariaDB from the journal; {} still waiting", done,
                            journal.size());
                }
            }
        }
    }

    /** @return how many events, from the first, MariaDB took or refused (set aside) before one it cannot take yet */
    private int replayedOneByOne(Database db, List<ResponseEvent> events) {
        int done = 0;
        for (ResponseEvent event : events) {
            try {
                ResponseWriter.write(db.jdbi(), event);
            } catch (RuntimeException e) {
                if (!SqlFailures.refusedForGood(e)) {
                    paused(db, e);
                    return done;
                }
                reject(event, e);
            }
            done++;
        }
        return done;
    }

    private static void paused(Database db, RuntimeException e) {
        LOG.debug("Survey journal replay paused: {}", SqlFailures.reason(e));
        db.checkNow();
    }

    private void reject(ResponseEvent event, RuntimeException e) {
        journal.reject(event);
        LOG.error("MariaDB refused a survey event of response {} ({}); it is kept in {} for an administrator",
                event.responseId(), SqlFailures.reason(e), journal.rejectedFile());
    }
}
