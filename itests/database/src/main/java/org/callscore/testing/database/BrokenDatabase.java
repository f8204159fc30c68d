package org.callscore.testing.database;

import org.callscore.storage.BackgroundTask;
import org.callscore.storage.Database;
import org.callscore.storage.DatabaseStatus;
import org.callscore.testing.components.Eventually;
import org.jdbi.v3.core.Jdbi;

/**
 * A {@link Database} that, while broken, throws a given {@link Throwable} from every method, as a bundle
 * updated under a running task or a driver gone bad can; repaired, it is the database it wraps again.
 */
public final class BrokenDatabase implements Database {

    private final Database database;
    private volatile Error failure;

    public BrokenDatabase(Database database) {
        this.database = database;
    }

    /** From now on every call throws {@code error}. */
    public void breakWith(Error error) {
        failure = error;
    }

    /**
     * Breaks the database as a storage bundle updated under a running task does (NoClassDefFoundError), runs
     * {@code meanwhile} (what gives the task work to do: MariaDB back, rows to read) and waits for a run of
     * {@code task} that fails.
     *
     * @return the error's message, which the task's last cause should name
     */
    public String breakUntilARunFails(BackgroundTask task, Runnable meanwhile) {
        String message = "injected: storage bundle updated";
        breakWith(new NoClassDefFoundError(message));
        meanwhile.run();
        Eventually.until("a failed run of " + task.status().name(), () -> task.status().failures() > 0);
        return message;
    }

    public void repair() {
        failure = null;
    }

    private void failIfBroken() {
        Error error = failure;
        if (error != null) {
            throw error;
        }
    }

    @Override
    public Jdbi jdbi() {
        failIfBroken();
        return database.jdbi();
    }

    @Override
    public DatabaseStatus status() {
        failIfBroken();
        return database.status();
    }

    @Override
    public boolean isReady(String module) {
        failIfBroken();
        return database.isReady(module);
    }

    @Override
    public void checkNow() {
        failIfBroken();
        database.checkNow();
    }
}
