package io.infusionbridge.infusion;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.infusionbridge.infusion.error.InfusionTransientException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Everything one licence's requests share, whichever route or thread sends them: the request slots that
 * keep to the rate limit, the pause a 429 imposes, and the circuit breaker. One instance per licence in
 * the whole JVM.
 */
public final class LicenceGate {

    private static final ConcurrentMap<String, LicenceGate> GATES = new ConcurrentHashMap<>();

    private final long spacingNanos;
    private final CircuitBreaker circuitBreaker;
    private long nextSlotNanos = System.nanoTime();

    private LicenceGate(String name, ApiLimits limits) {
        this.spacingNanos = limits.requestsPerSecond() <= 0 ? 0 : limits.spacing().toNanos();
        this.circuitBreaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .failureRateThreshold(limits.circuitFailureRate())
                .minimumNumberOfCalls(limits.circuitMinimumCalls())
                .slidingWindowSize(Math.max(limits.circuitMinimumCalls(), 20))
                .waitDurationInOpenState(limits.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(e -> e instanceof InfusionTransientException)
                .build());
    }

    /** The gate of this licence with these limits; the licence is only kept as a hash. */
    public static LicenceGate of(String licenseUuid, ApiLimits limits) {
        String name = "infusion-" + hash(licenseUuid) + "-" + Integer.toHexString(limits.hashCode());
        return GATES.computeIfAbsent(name, n -> new LicenceGate(n, limits));
    }

    /**
     * Blocks until this licence may send its next request. Requests get evenly spaced slots, in the order
     * they ask: with slots 1000/limit ms (plus margin) apart, no 1000 ms window can ever hold more than the
     * limit. A fixed-window limiter (Resilience4j's RateLimiter refreshes permits per cycle) lets two
     * requests meet at a cycle boundary and puts limit+1 into one sliding second, which Infusion answers
     * with 429; this gate cannot.
     */
    public void awaitTurn() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlotNanos);
            nextSlotNanos = slot + spacingNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** After a 429, nobody on this licence sends anything until {@code retryAfter} has passed. */
    public synchronized void pauseFor(Duration retryAfter) {
        nextSlotNanos = Math.max(nextSlotNanos, System.nanoTime() + retryAfter.toNanos());
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    private static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
