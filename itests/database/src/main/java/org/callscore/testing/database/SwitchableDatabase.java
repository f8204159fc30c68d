package org.callscore.testing.database;

import org.callscore.storage.Database;
import org.callscore.storage.DatabaseStatus;
import org.jdbi.v3.core.Jdbi;

/**
 * A {@link Database} over the unit tests' MariaDB that a test can take away and give back. Like the storage
 * bundle's health check, what {@link #isReady} says lags behind: after {@link #cut()} writes fail while it
 * still says ready, until something calls {@link #checkNow()}.
 */
public final class SwitchableDatabase implements Database {

    /** Nothing listens on port 1: every statement fails at once, as with MariaDB stopped. */
    private static final Jdbi NOWHERE = Jdbi.create("jdbc:mariadb://127.0.0.1:1/callscore_unit?connectTimeout=500",
            "nobody", "");

    private final Jdbi real;
    private volatile Jdbi frozen;
    private volatile boolean up = true;
    private volatile boolean readyReported = true;

    public SwitchableDatabase(Jdbi real) {
        this.real = real;
    }

    /** MariaDB goes away, and the health check has seen it. */
    public void goDown() {
        up = false;
        readyReported = false;
    }

    /** MariaDB goes away, and the health check has not noticed yet. */
    public void cut() {
        up = false;
    }

    /**
     * MariaDB stops answering without closing anything (a held lock, a network that drops packets): a
     * statement waits, and the health check has not noticed yet.
     *
     * @return what it was asked meanwhile, until {@link #comeBack()}
     */
    public FrozenMariaDb freeze() {
        FrozenMariaDb hole = new FrozenMariaDb();
        blackHole = hole;
        frozen = Jdbi.create("jdbc:mariadb://127.0.0.1:" + hole.port() + "/callscore_unit", "nobody", "");
        return hole;
    }

    private volatile FrozenMariaDb blackHole;

    /** MariaDB is back, and the health check has seen it. */
    public void comeBack() {
        up = true;
        readyReported = true;
        frozen = null;
        if (blackHole != null) {
            blackHole.close();
            blackHole = null;
        }
    }

    /** @return what {@link #isReady} says now */
    public boolean readyReported() {
        return readyReported;
    }

    @Override
    public Jdbi jdbi() {
        Jdbi hole = frozen;
        return hole != null ? hole : up ? real : NOWHERE;
    }

    @Override
    public DatabaseStatus status() {
        throw new UnsupportedOperationException("not needed by the tests");
    }

    @Override
    public boolean isReady(String module) {
        return readyReported;
    }

    @Override
    public void checkNow() {
        readyReported = up;
    }
}
