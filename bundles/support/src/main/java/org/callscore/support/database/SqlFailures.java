package org.callscore.support.database;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells a write that is worth trying again from one MariaDB will refuse every time, for modules that keep what
 * they could not write (a journal, a spool) until the database takes it.
 */
public final class SqlFailures {

    private static final int NO_SUCH_TABLE = 1146;
    private static final int ACCESS_DENIED = 1045;

    private SqlFailures() {
    }

    /**
     * A connection that is down or busy is worth waiting for, and so are a missing table or a refused login,
     * which an administrator fixes. A statement MariaDB rejects for its data (a value too long, a broken
     * constraint) will be rejected again, and must not hold up what waits behind it.
     *
     * @return whether MariaDB refused the statement for its data
     */
    public static boolean refusedForGood(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return false;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                // 08: connection; 40: transaction rollback (deadlock); HY: pool and driver; none: the driver's own
                boolean connectionOrPool = state.isEmpty() || state.startsWith("08") || state.startsWith("40")
                        || state.startsWith("HY");
                return !connectionOrPool && sql.getErrorCode() != NO_SUCH_TABLE && sql.getErrorCode() != ACCESS_DENIED;
            }
        }
        return false;
    }

    /** @return the database's own words, without the statement and arguments Jdbi adds to its messages */
    public static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return cause.getMessage();
            }
        }
        return failure.toString();
    }
}
