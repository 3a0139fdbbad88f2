package io.infusionbridge.infusion;

import java.time.Duration;

/**
 * How the bridge spends Infusion's request budget and rides out faults.
 *
 * @param requestsPerSecond   the licence's limit (10 by contract); 0 lifts it, for benchmarks against the sandbox only
 * @param spacingMargin       added to the 1000/limit ms between two requests, so network jitter never puts 11 in one window
 * @param maxAttempts         tries per request before a transient fault or a 429 is given up on
 * @param initialBackoff      first wait after a transient fault; doubles per attempt up to {@code maxBackoff}
 * @param maxBackoff          longest wait between two attempts
 * @param circuitFailureRate  share of failed calls (percent) that opens the circuit
 * @param circuitMinimumCalls calls seen before the circuit may open
 * @param circuitOpenFor      how long an open circuit refuses calls before it tries again
 * @param requestTimeout      how long one request may take
 * @param sessionProbeInterval while Infusion refuses the session, at most one request per this interval
 */
public record ApiLimits(int requestsPerSecond, Duration spacingMargin, int maxAttempts, Duration initialBackoff,
                        Duration maxBackoff, float circuitFailureRate, int circuitMinimumCalls, Duration circuitOpenFor,
                        Duration requestTimeout, Duration sessionProbeInterval) {

    public static ApiLimits defaults() {
        return new ApiLimits(10, Duration.ofMillis(5), 10, Duration.ofMillis(200), Duration.ofSeconds(10),
                50f, 20, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(1));
    }

    public ApiLimits withRequestsPerSecond(int perSecond) {
        return new ApiLimits(perSecond, spacingMargin, maxAttempts, initialBackoff, maxBackoff, circuitFailureRate,
                circuitMinimumCalls, circuitOpenFor, requestTimeout, sessionProbeInterval);
    }

    /** The time between two requests that keeps any 1000 ms window at or under the limit. */
    public Duration spacing() {
        return Duration.ofNanos(1_000_000_000L / requestsPerSecond).plus(spacingMargin);
    }
}
