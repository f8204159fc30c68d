package org.callscore.support.task;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One module's periodic work on its own daemon thread, run again after any failure. A plain
 * {@code scheduleWithFixedDelay} stops for good, silently, after one uncaught exception; this logs each
 * distinct cause once at ERROR (again only after a run succeeded in between), keeps the last run and the last
 * error for {@code callscore:status}, and goes on.
 * <p>
 * It knows nothing of OSGi services: a {@link Publisher} shows it to administrators (in CallScore, as the
 * storage's {@code BackgroundTask} service), so that this helper needs no contract and no contract needs it.
 */
public final class PeriodicTask implements AutoCloseable {

    /** Shows a started task to administrators, e.g. as a service, until the returned handle is closed. */
    @FunctionalInterface
    public interface Publisher {
        AutoCloseable publish(PeriodicTask task);
    }

    /** The record a task's status is read into, given by its canonical constructor (e.g. a status record's {@code ::new}). */
    @FunctionalInterface
    public interface StatusShape<T> {
        T of(String name, Duration interval, long runs, long failures, Optional<Instant> lastRun,
                Optional<Instant> lastError, Optional<String> lastCause, boolean failing);
    }

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);
    private static final int REMEMBERED_CAUSES = 64;
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final String name;
    private final Duration interval;
    private final Runnable work;
    private final ScheduledThreadPoolExecutor thread;
    private final AtomicBoolean extraRunPending = new AtomicBoolean();
    private final Set<String> loggedCauses = new LinkedHashSet<>();
    private AutoCloseable publication;

    private volatile long runs;
    private volatile long failures;
    private volatile Instant lastRun;
    private volatile Instant lastError;
    private volatile String lastCause;
    private volatile boolean failing;

    private PeriodicTask(String name, Duration interval, Runnable work) {
        this.name = name;
        this.interval = interval;
        this.work = work;
        this.thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "callscore-" + name);
            t.setDaemon(true);
            return t;
        });
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    private PeriodicTask publishedBy(Publisher publisher) {
        publication = publisher == null ? null : publisher.publish(this);
        return this;
    }

    /**
     * Starts {@code work} after {@code initialDelay}, then again {@code interval} after each run ends.
     *
     * @param publisher shows the task to administrators; null shows it nowhere (outside OSGi)
     */
    public static PeriodicTask start(String name, Duration initialDelay, Duration interval, Runnable work,
            Publisher publisher) {
        PeriodicTask task = new PeriodicTask(name, atLeastOneMilli(interval), work).publishedBy(publisher);
        task.thread.scheduleWithFixedDelay(task::runGuarded, Math.max(0, initialDelay.toMillis()),
                task.interval.toMillis(), TimeUnit.MILLISECONDS);
        return task;
    }

    /**
     * Runs {@code work} once on the calling thread (so that, e.g., a catalog has its files before its service
     * is used), then every {@code interval} on the task's thread. A failure of that first run is handled like
     * any other: logged, shown, and tried again.
     */
    public static PeriodicTask startAfterFirstRun(String name, Duration interval, Runnable work,
            Publisher publisher) {
        PeriodicTask task = new PeriodicTask(name, atLeastOneMilli(interval), work).publishedBy(publisher);
        task.runGuarded();
        task.thread.scheduleWithFixedDelay(task::runGuarded, task.interval.toMillis(), task.interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return task;
    }

    private static Duration atLeastOneMilli(Duration interval) {
        return interval.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : interval;
    }

    /** Runs the work once more as soon as the thread is free; calls made while one is pending add nothing. */
    public void runSoon() {
        if (extraRunPending.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    extraRunPending.set(false);
                    runGuarded();
                });
            } catch (RejectedExecutionException stopped) {
                extraRunPending.set(false);
            }
        }
    }

    /** Stops the schedule: a run in progress may finish for a few seconds, then its thread is interrupted. */
    @Override
    public void close() {
        if (publication != null) {
            try {
                publication.close();
            } catch (Exception alreadyGone) { // NOPMD: e.g. the bundle stopped first, its services gone with it
                LOG.debug("Background task {} was no longer shown: {}", name, alreadyGone.toString());
            }
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
                LOG.warn("Background task {} did not finish within {} s of being stopped; interrupted", name,
                        STOP_GRACE.toSeconds());
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** @return the task's name, e.g. {@code survey-journal-replay} */
    public String name() {
        return name;
    }

    /** @return how the task has run so far, read into {@code shape} */
    public synchronized <T> T status(StatusShape<T> shape) {
        return shape.of(name, interval, runs, failures, Optional.ofNullable(lastRun), Optional.ofNullable(lastError),
                Optional.ofNullable(lastCause), failing);
    }

    private void runGuarded() {
        try {
            work.run();
            succeeded();
        } catch (Throwable t) { // NOPMD: whatever it is, the next run must still happen
            failed(t);
        }
    }

    private synchronized void succeeded() {
        lastRun = Instant.now();
        runs++;
        if (failing) {
            LOG.info("Background task {} runs again without error", name);
        }
        failing = false;
        loggedCauses.clear();
    }

    private synchronized void failed(Throwable t) {
        Instant now = Instant.now();
        String cause = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        lastRun = now;
        lastError = now;
        lastCause = cause;
        runs++;
        failures++;
        failing = true;
        if (loggedCauses.add(cause)) {
            if (loggedCauses.size() > REMEMBERED_CAUSES) {
                loggedCauses.remove(loggedCauses.iterator().next());
            }
            LOG.error("Background task {} failed; it runs again in {} ms (this cause is logged once): {}", name,
                    interval.toMillis(), cause, t);
        } else {
            LOG.debug("Background task {} failed again: {}", name, cause);
        }
    }
}
