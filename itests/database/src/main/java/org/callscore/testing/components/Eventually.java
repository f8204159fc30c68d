package org.callscore.testing.components;

import java.util.function.BooleanSupplier;

/** Waits for a background thread to have done something; the limit is generous, it only stops a stuck test. */
public final class Eventually {

    private static final long LIMIT_MILLIS = 30_000;

    private Eventually() {
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
