package org.callscore.testing.components;

import java.util.function.BooleanSupplier;

import org.callscore.storage.BackgroundTask;

/** Waits for a background thread to have done something; the limit is generous, it only stops a stuck test. */
public final class Eventually {

    private static final long LIMIT_MILLIS = 30_000;

    private Eventually() {
    }

    /** Waits for a run of the task that starts after this call (e.g. one that sees a change just made). */
    public static void anotherRun(BackgroundTask task, String what) {
        long runs = task.status().runs();
        until(what, () -> task.status().runs() > runs + 1);
    }

    public static void until(String what, BooleanSupplier condition) {
        long end = System.currentTimeMillis() + LIMIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("never happened: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }
}
