package io.infusionbridge.infusion;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.infusionbridge.infusion.error.InfusionTransientException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
    // The session state every route shares: a refused session pauses them all until a new one works.
    private volatile String refusedSession;
    private volatile long lastProbeNanos;
    private volatile Instant lastSuccess;
    private final Map<String, String> missingPermissions = new ConcurrentHashMap<>();

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

    /** The gate of this licence at this Infusion with these limits; the licence is only kept as a hash. */
    public static LicenceGate of(java.net.URI baseUrl, String licenseUuid, ApiLimits limits) {
        String name = "infusion-" + hash(baseUrl + "|" + licenseUuid) + "-" + Integer.toHexString(limits.hashCode());
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

    /**
     * Whether a request with {@code session} may go out. While Infusion refuses that session, only one probe
     * per {@code probeInterval} is let through; a different session (a new one was configured) goes at once.
     */
    public synchronized boolean maySend(String session, Duration probeInterval) {
        if (refusedSession == null || !refusedSession.equals(session)) {
            return true;
        }
        long now = System.nanoTime();
        if (now - lastProbeNanos >= probeInterval.toNanos()) {
            lastProbeNanos = now;
            return true;
        }
        return false;
    }

    /** Infusion refused {@code session}: answers true when this is news (the first refusal of it). */
    public synchronized boolean sessionRefused(String session) {
        boolean news = !session.equals(refusedSession);
        refusedSession = session;
        lastProbeNanos = System.nanoTime();
        return news;
    }

    /** A request succeeded: answers true when that ends a pause. */
    public synchronized boolean succeeded(String session, String operation) {
        lastSuccess = Instant.now();
        missingPermissions.remove(operation);
        if (refusedSession != null && refusedSession.equals(session)) {
            return false;
        }
        boolean resumed = refusedSession != null;
        refusedSession = null;
        return resumed;
    }

    /** Notes a refused operation; answers true when it is news. */
    public boolean permissionMissing(String operation, String message) {
        return missingPermissions.put(operation, message) == null;
    }

    /** Whether Infusion currently refuses the session in use. */
    public boolean sessionPaused() {
        return refusedSession != null;
    }

    /** Operations Infusion refused for lack of a role, with the message saying so. */
    public Map<String, String> missingPermissions() {
        return Map.copyOf(missingPermissions);
    }

    /** When a request last succeeded in this JVM, or null. */
    public Instant lastSuccess() {
        return lastSuccess;
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
