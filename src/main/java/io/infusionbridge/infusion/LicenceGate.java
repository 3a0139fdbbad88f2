package io.infusionbridge.infusion;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.infusionbridge.infusion.error.InfusionTransientException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything one licence's requests share, whichever route or thread sends them: the rate limiter, the
 * pause a 429 imposes, and the circuit breaker. One instance per licence in the whole JVM.
 */
public final class LicenceGate {

    private static final ConcurrentMap<String, LicenceGate> GATES = new ConcurrentHashMap<>();

    private final RateLimiter rateLimiter;
    private final CircuitBreaker circuitBreaker;
    private final AtomicLong pausedUntilNanos = new AtomicLong(System.nanoTime());

    private LicenceGate(String name, ApiLimits limits) {
        // One permit per slot of 1000/limit ms (plus margin): a fixed window of 10 per second could put 20
        // requests into one sliding second, evenly spaced single permits cannot.
        this.rateLimiter = limits.requestsPerSecond() <= 0 ? null : RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(limits.spacing())
                .timeoutDuration(Duration.ofDays(1))
                .build());
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
        String name = "infusion-" + hash(licenseUuid) + "-" + limits.requestsPerSecond() + "-" + limits.spacing().toNanos();
        return GATES.computeIfAbsent(name, n -> new LicenceGate(n, limits));
    }

    /** Blocks until this licence may send its next request. */
    public void awaitTurn() throws InterruptedException {
        long wait = pausedUntilNanos.get() - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        if (rateLimiter != null && !rateLimiter.acquirePermission()) {
            throw new IllegalStateException("rate limiter gave no permit within a day");
        }
    }

    /** After a 429, nobody on this licence sends anything until {@code retryAfter} has passed. */
    public void pauseFor(Duration retryAfter) {
        long until = System.nanoTime() + retryAfter.toNanos();
        pausedUntilNanos.accumulateAndGet(until, Math::max);
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
