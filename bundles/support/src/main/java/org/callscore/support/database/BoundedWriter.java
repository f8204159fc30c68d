package org.callscore.support.database;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Database writes made while a caller waits, which must never keep the caller waiting longer than a bound,
 * whatever MariaDB does (stopped, frozen by a lock, a network that stops answering without closing). Each write
 * runs on a small pool of writer threads; the caller waits at most the bound. A write that is late, or that
 * finds every writer busy, is handed back to the module, which keeps the event in its journal or spool.
 * <p>
 * After one late write the writer <em>bypasses</em> MariaDB: later writes are handed back at once, so a frozen
 * database costs callers one bound, not one per event, until the module's replay has written to MariaDB again
 * and calls {@link #resume()}.
 * <p>
 * Only idempotent writes belong here: a late write is left to finish (interrupting a JDBC call mid-protocol
 * would leave its pooled connection in an unknown state), so it may reach MariaDB after the journal has the
 * same event too.
 * <p>
 * {@link #writeTogether} writes the events that callers hand over at the same moment in one transaction: MariaDB
 * flushes its log once per commit, and with one commit per event the callers of a busy site would queue behind
 * each other's flushes (the survey benchmark: 50 ms per answer at 50 calls at once, docs/benchmarks.md). The
 * module writes them with one statement or JDBC batch per table, not one per event; and an event handed over
 * alone is written without a transaction (MariaDB's autocommit), which spares the two round trips of its begin
 * and end: on a busy machine each round trip is a wait for MariaDB's thread and then for the writer's.
 */
public final class BoundedWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedWriter.class);
    /** The most events one transaction of {@link #writeTogether} holds; more wait for the next one. */
    private static final int MOST_TOGETHER = 50;

    private final String name;
    private final Duration bound;
    private final ThreadPoolExecutor writers;
    private final AtomicBoolean bypassing = new AtomicBoolean();
    private final AtomicBoolean saturated = new AtomicBoolean();
    /** What {@link #writeTogether} callers handed over and no writer has taken yet, oldest first. */
    private final ConcurrentLinkedQueue<Together> waiting = new ConcurrentLinkedQueue<>();

    /**
     * @param name    what is written, for thread names and log lines, e.g. {@code survey} or {@code ivr}
     * @param bound   the longest a caller waits for one write
     * @param threads how many writes may be in MariaDB at once (each holds a pooled connection)
     * @param queue   how many writes may wait for a writer; more are handed back at once
     */
    public BoundedWriter(String name, Duration bound, int threads, int queue) {
        this.name = name;
        this.bound = bound.isNegative() || bound.isZero() ? Duration.ofMillis(1) : bound;
        AtomicInteger number = new AtomicInteger();
        int size = Math.max(1, threads);
        this.writers = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, queue)), runnable -> {
                    Thread t = new Thread(runnable, "callscore-" + name + "-writer-" + number.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        writers.allowCoreThreadTimeOut(true); // no idle threads while nobody calls
    }

    /** @return the longest a caller waits for one write */
    public Duration bound() {
        return bound;
    }

    /**
     * Runs {@code write} and waits for it at most {@link #bound()}.
     *
     * @return true when it was written in time; false when the caller must keep the event itself (the write was
     *         late, every writer was busy, or MariaDB is bypassed after a late write)
     * @throws RuntimeException what the write threw within the bound (e.g. MariaDB refused the statement)
     */
    public boolean write(Runnable write) {
        if (bypassing.get()) {
            return false;
        }
        Future<?> pending;
        try {
            pending = writers.submit(write);
        } catch (RejectedExecutionException busy) {
            return busy();
        }
        return written(pending, () -> pending.cancel(false)); // one waiting for a writer never starts
    }

    private boolean busy() {
        if (saturated.compareAndSet(false, true)) {
            LOG.warn("All writers of {} events are busy with MariaDB: they go to the journal or spool until "
                    + "one is free", name);
        }
        return false;
    }

    /**
     * Waits for a write at most the bound.
     *
     * @param withdraw on time-out: keeps the write from starting if it has not (one started is left to finish)
     */
    private boolean written(Future<?> pending, Runnable withdraw) {
        try {
            pending.get(bound.toNanos(), TimeUnit.NANOSECONDS);
            saturated.set(false);
            return true;
        } catch (TimeoutException late) {
            withdraw.run();
            if (bypassing.compareAndSet(false, true)) {
                LOG.warn("MariaDB did not finish writing {} events within {} ms: they go to the journal or spool "
                        + "without waiting until MariaDB takes a replayed one", name, bound.toMillis());
            }
            return false;
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException interrupted) {
            withdraw.run();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Writes a caller's event to MariaDB within the bound, for a module that keeps what MariaDB does not take.
     *
     * @param jdbi     the database now (the storage's {@code Database::jdbi})
     * @param checkNow asks for a health check of the database (the storage's {@code Database::checkNow})
     * @param write    the statements, on the database's Jdbi (idempotent: a late write may finish after all)
     * @return true when MariaDB has it; false when the caller must keep it: late (the first late one asks for a
     *         health check), every writer busy, MariaDB bypassed, or MariaDB down (logged, health check asked)
     * @throws RuntimeException when MariaDB refused it for its data ({@link SqlFailures#refusedForGood}): keeping
     *                          it for a retry would only hold up what follows
     */
    public boolean write(Supplier<Jdbi> jdbi, Runnable checkNow, Consumer<Jdbi> write) {
        return toMariaDb(checkNow, () -> write(() -> write.accept(jdbi.get())));
    }

    /**
     * Like {@link #write(Supplier, Runnable, Consumer)}, but the event is written with the other events handed over
     * meanwhile with the same {@code statements} (up to 50), in one transaction, so that a caller waits about one
     * commit however many calls write at once. When MariaDB refuses that transaction for one event's data, each event
     * is written again on its own, so that only the caller of the refused one gets the exception.
     *
     * @param event      what the caller records
     * @param statements writes events on a handle: in the shared transaction when there are several, with
     *                   autocommit when there is one (so each statement must be idempotent and safe on its own, as
     *                   above); the same instance for every call, since events are grouped by it
     */
    public <E> boolean writeTogether(Supplier<Jdbi> jdbi, Runnable checkNow, E event,
            BiConsumer<Handle, List<E>> statements) {
        return toMariaDb(checkNow, () -> together(jdbi.get(), event, statements));
    }

    private boolean toMariaDb(Runnable checkNow, BooleanSupplier attempt) {
        boolean wasBypassing = bypassing.get();
        try {
            if (attempt.getAsBoolean()) {
                return true;
            }
            if (!wasBypassing) {
                checkNow.run(); // too slow: is it down?
            }
            return false;
        } catch (RuntimeException e) {
            if (SqlFailures.refusedForGood(e)) {
                throw e;
            }
            LOG.warn("MariaDB did not take a {} event ({}); it is kept in the journal or spool until it does", name,
                    SqlFailures.reason(e));
            checkNow.run();
            return false;
        }
    }

    /** One event handed to {@link #writeTogether}: a writer takes it, or its caller withdraws it, never both. */
    private static final class Together {
        final Jdbi jdbi;
        final Object event;
        final BiConsumer<Handle, List<Object>> statements;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        private final AtomicBoolean claimed = new AtomicBoolean();

        @SuppressWarnings("unchecked") // events are grouped by statements, so each one gets events of its own type
        <E> Together(Jdbi jdbi, E event, BiConsumer<Handle, List<E>> statements) {
            this.jdbi = jdbi;
            this.event = event;
            this.statements = (BiConsumer<Handle, List<Object>>) (BiConsumer<Handle, ?>) statements;
        }

        boolean sameBatch(Together other) {
            return jdbi == other.jdbi && statements == other.statements;
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }
    }

    private <E> boolean together(Jdbi jdbi, E written, BiConsumer<Handle, List<E>> statements) {
        if (bypassing.get()) {
            return false;
        }
        Together event = new Together(jdbi, written, statements);
        waiting.add(event);
        Runnable withdraw = () -> {
            if (event.claim()) {
                waiting.remove(event);
            }
        };
        try {
            writers.execute(this::writeWaiting); // one run per event: a run that finds its event taken ends at once
        } catch (RejectedExecutionException full) {
            if (event.claim()) {
                waiting.remove(event);
                return busy();
            }
            // a writer took it meanwhile: wait for it as for any other
        }
        return written(event.done, withdraw);
    }

    /** On a writer: takes what waits (same database and statements, up to the limit) and writes it at once. */
    private void writeWaiting() {
        List<Together> batch = new ArrayList<>();
        for (Iterator<Together> it = waiting.iterator(); it.hasNext() && batch.size() < MOST_TOGETHER;) {
            Together event = it.next();
            if (!batch.isEmpty() && !event.sameBatch(batch.get(0))) {
                continue; // another kind of event, or the database was replaced meanwhile: it goes in another
            }
            it.remove();
            if (event.claim()) {
                batch.add(event);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            write(batch);
            batch.forEach(event -> event.done.complete(null));
        } catch (RuntimeException | Error failed) {
            if (batch.size() > 1 && (SqlFailures.refusedForGood(failed) || rolledBack(failed))) {
                // find whose data MariaDB refuses; or a deadlock between two transactions: alone, none has one
                batch.forEach(BoundedWriter::writeAlone);
            } else {
                batch.forEach(event -> event.done.completeExceptionally(failed));
            }
        }
    }

    private static void write(List<Together> batch) {
        Together first = batch.get(0);
        List<Object> events = batch.stream().map(together -> together.event).toList();
        if (events.size() == 1) {
            first.jdbi.useHandle(handle -> first.statements.accept(handle, events));
        } else {
            first.jdbi.useTransaction(handle -> first.statements.accept(handle, events));
        }
    }

    /** @return whether MariaDB rolled the transaction back (a deadlock, a lock wait too long), SQL state 40 */
    private static boolean rolledBack(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                return sql.getSQLState() != null && sql.getSQLState().startsWith("40");
            }
        }
        return false;
    }

    private static void writeAlone(Together event) {
        try {
            write(List.of(event));
            event.done.complete(null);
        } catch (RuntimeException | Error failed) {
            event.done.completeExceptionally(failed);
        }
    }

    /**
     * @param ready whether the module's tables are ready (e.g. {@code db != null && db.isReady(module)})
     * @return whether a caller's event should be offered to MariaDB now: false without a database, or when the
     *         database cannot even say (its bundle being updated mid-call), so that the event is kept instead
     */
    public static boolean ready(BooleanSupplier ready) {
        try {
            return ready.getAsBoolean();
        } catch (RuntimeException | LinkageError unknown) {
            return false;
        }
    }

    /** @return whether writes are handed back at once because an earlier one was late */
    public boolean bypassing() {
        return bypassing.get();
    }

    /** MariaDB took a write off the call path (a replay): callers' writes go to it again. */
    public void resume() {
        if (bypassing.compareAndSet(true, false)) {
            LOG.info("MariaDB takes {} events again: they go straight to it", name);
        }
    }

    /** Stops the writers; writes still running finish on their own (they are idempotent and journalled). */
    @Override
    public void close() {
        writers.shutdown();
    }
}
