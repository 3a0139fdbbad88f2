package io.infusionbridge.support;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition the bridge reaches asynchronously, failing with a description when it does not. */
public final class Eventually {

    private Eventually() {
    }

    public static void holds(Duration within, String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.call())) {
                return;
            }
            Thread.sleep(100);
        }
        if (!Boolean.TRUE.equals(condition.call())) {
            throw new AssertionError("within " + within.toSeconds() + " s: " + what);
        }
    }
}
