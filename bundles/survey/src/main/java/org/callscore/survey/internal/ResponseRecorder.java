package org.callscore.survey.internal;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.callscore.storage.Database;
import org.callscore.survey.ResponseStatus;
import org.callscore.survey.SurveyAnswer;
import org.callscore.survey.SurveyOffer;
import org.callscore.survey.SurveyResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each event straight to MariaDB when it answers, and to the journal when it does not. Once one event
 * of a response is in the journal, the response's later events follow it there, so they reach the database
 * in the order they happened.
 */
final class ResponseRecorder implements SurveyResponses {

    static final String MODULE = "survey";
    private static final int NO_SUCH_TABLE = 1146;
    private static final int ACCESS_DENIED = 1045;
    private static final Logger LOG = LoggerFactory.getLogger(ResponseRecorder.class);

    private final ResponseJournal journal;
    private final Supplier<Database> database;
    /** One replay at a time, so events leave the journal in order. */
    private final Object replay = new Object();

    /**
     * @param database the database now, or null while there is none
     */
    ResponseRecorder(ResponseJournal journal, Supplier<Database> database) {
        this.journal = journal;
        this.database = database;
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
        Database db = database.get();
        if (db != null && db.isReady(MODULE) && !journal.holds(event.responseId())) {
            try {
                ResponseWriter.write(db.jdbi(), event);
                return;
            } catch (RuntimeException e) {
                if (refusedForGood(e)) {
                    reject(event, e);
                    return;
                }
                LOG.warn("MariaDB did not take a survey event ({}); it is kept in the journal until it does",
                        reason(e));
                db.checkNow();
            }
        }
        boolean first = journal.size() == 0;
        journal.append(event);
        if (first) {
            LOG.warn("MariaDB is not ready for surveys: answers are kept in the survey journal and written when "
                    + "it is");
        }
    }

    /** Writes what the journal holds, in order, stopping at the first event the database cannot take yet. */
    void replay() {
        synchronized (replay) {
            Database db = database.get();
            List<ResponseEvent> events = journal.events();
            if (events.isEmpty() || db == null || !db.isReady(MODULE)) {
                return;
            }
            int done = 0;
            try {
                for (ResponseEvent event : events) {
                    try {
                        ResponseWriter.write(db.jdbi(), event);
                    } catch (RuntimeException e) {
                        if (!refusedForGood(e)) {
                            LOG.debug("Survey journal replay paused: {}", reason(e));
                            db.checkNow();
                            return;
                        }
                        reject(event, e);
                    }
                    done++;
                }
            } finally {
                if (done > 0) {
                    journal.remove(events.subList(0, done));
                    LOG.info("{} survey events written to MariaDB from the journal; {} still waiting", done,
                            journal.size());
                }
            }
        }
    }

    private void reject(ResponseEvent event, RuntimeException e) {
        journal.reject(event);
        LOG.error("MariaDB refused a survey event of response {} ({}); it is kept in {} for an administrator",
                event.responseId(), reason(e), journal.rejectedFile());
    }

    /** The database's own words, without the statement and its arguments that Jdbi adds to its messages. */
    private static String reason(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return cause.getMessage();
            }
        }
        return e.toString();
    }

    /**
     * A connection that is down or busy is worth waiting for, and so are a missing table or a refused login,
     * which an administrator fixes; a statement MariaDB rejects for its data (a value too long, a broken
     * constraint) will be rejected again, and must not hold up every event behind it.
     */
    private static boolean refusedForGood(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return false;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08: connection exception; 40: transaction rollback (deadlock); HY: pool, driver
                return state != null && !state.startsWith("08") && !state.startsWith("40") && !state.startsWith("HY")
                        && sql.getErrorCode() != NO_SUCH_TABLE && sql.getErrorCode() != ACCESS_DENIED;
            }
        }
        return false;
    }
}
