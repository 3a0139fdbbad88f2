package io.infusionbridge.sandbox;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Faults the sandbox injects into API answers, as a test or demo asks. {@code fullPageMeansMore}: every
 * full sync page says more is available, so a round ends on an empty page (the contract allows a server
 * to answer that way, and a client must cope).
 */
record SandboxFaults(double errorRate, double dropRate, long delayMillis, long rateLimitStormUntilNanos, boolean fullPageMeansMore) {

    static final SandboxFaults NONE = new SandboxFaults(0, 0, 0, 0, false);

    boolean inRateLimitStorm() {
        return rateLimitStormUntilNanos != 0 && System.nanoTime() < rateLimitStormUntilNanos;
    }

    boolean drawError() {
        return errorRate > 0 && ThreadLocalRandom.current().nextDouble() < errorRate;
    }

    boolean drawDrop() {
        return dropRate > 0 && ThreadLocalRandom.current().nextDouble() < dropRate;
    }
}
