package org.callscore.testing.database;

import java.util.function.IntSupplier;

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

    /**
     * What a replay of the writes kept while MariaDB was down must survive: MariaDB comes back while this
     * database is broken, a replay fails naming the error and keeps its one pending write; once repaired, a
     * later replay writes it.
     *
     * @param pending how many writes wait for MariaDB (one when called)
     */
    public void replayFailsThenRecovers(BackgroundTask task, SwitchableDatabase mariadb, IntSupplier pending) {
        String injected = breakUntilARunFails(task, mariadb::comeBack);
        String cause = task.status().lastCause().orElse("");
        if (!cause.contains(injected)) {
            throw new AssertionError("the failed run's cause is '" + cause + "', not the injected " + injected);
        }
        if (pending.getAsInt() != 1) {
            throw new AssertionError("the failed replay left " + pending.getAsInt() + " writes pending, not 1");
        }
        repair();
        Eventually.until("the pending write is replayed", () -> pending.getAsInt() == 0);
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
