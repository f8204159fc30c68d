package org.callscore.support.database;

import java.time.Duration;

import org.callscore.support.task.PeriodicTask;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The base of a component that writes what callers leave (IVR visits, survey answers, callback requests): each write
 * goes to MariaDB through a {@link BoundedWriter}, so a caller waits a bounded time; what MariaDB does not take waits
 * on disk (the module's spool or journal) and is replayed every few seconds on a {@link PeriodicTask}.
 * <p>
 * The subclass is the component: its activate method calls {@link #startWriter}, then {@link #replayEvery}; bnd
 * finds this deactivate method through {@code -dsannotations-options: inherit} (parent pom).
 */
public abstract class ReplayedWrites {

    private BoundedWriter writer;
    private PeriodicTask replayer;

    /**
     * @param module  names the writer's threads and log lines, e.g. {@code ivr}
     * @param waiting writes that may wait for a free writer; more go to disk at once
     * @return the writer the callers' writes and the replay go through
     */
    protected final BoundedWriter startWriter(String module, int timeoutMillis, int threads, int waiting) {
        writer = new BoundedWriter(module, Duration.ofMillis(timeoutMillis), threads, waiting);
        return writer;
    }

    /**
     * Replays what waits on disk at once, then {@code intervalSeconds} (at least one) after each replay ends.
     *
     * @param publisher shows the task in {@code callscore:status}
     */
    protected final void replayEvery(String task, int intervalSeconds, Runnable replay,
            PeriodicTask.Publisher publisher) {
        replayer = PeriodicTask.start(task, Duration.ZERO, Duration.ofSeconds(Math.max(1, intervalSeconds)), replay,
                publisher);
    }

    @Deactivate
    public void deactivate() {
        replayer.close(); // a replay in progress finishes its write
        writer.close();
    }
}
