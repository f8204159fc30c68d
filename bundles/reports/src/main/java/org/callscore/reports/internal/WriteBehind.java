package org.callscore.reports.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the batches of one ingestion run on a thread of its own while the next batch is read and aggregated:
 * one write at a time, in the order given, so each transaction (a batch's calls, sums and position) commits after
 * the one before. The thread is started by the first write handed over and ends with {@link #close}.
 */
final class WriteBehind implements AutoCloseable {

    private final String name;
    private ExecutorService thread;
    private Future<?> pending;

    WriteBehind(String name) {
        this.name = name;
    }

    /** Waits for the write before (rethrowing its failure), then starts this one. */
    void submit(Runnable write) {
        await();
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(task -> {
                Thread t = new Thread(task, name);
                t.setDaemon(true);
                return t;
            });
        }
        pending = thread.submit(write);
    }

    /** Waits until the write handed over last has committed; its failure is thrown here, as it was thrown. */
    void await() {
        Future<?> last = pending;
        if (last == null) {
            return;
        }
        pending = null;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    last.get();
                    return;
                } catch (InterruptedException e) {
                    // the write goes on in its transaction whatever happens here: its outcome must be known
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for the last write (its failure is thrown) and ends the thread. */
    @Override
    public void close() {
        try {
            await();
        } finally {
            if (thread != null) {
                thread.shutdown();
                thread = null;
            }
        }
    }
}
