package io.infusionbridge.sandbox;

import java.util.concurrent.ThreadLocalRandom;

/** Faults the sandbox injects into API answers, as a test or demo asks. */
record SandboxFaults(double errorRate, double dropRate, long delayMillis, long rateLimitStormUntilNanos) {

    static final SandboxFaults NONE = new SandboxFaults(0, 0, 0, 0);

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
