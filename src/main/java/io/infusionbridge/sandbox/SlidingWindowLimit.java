package io.infusionbridge.sandbox;

import java.util.ArrayDeque;

/** At most {@code limit} requests in any 1000 ms: exactly the contract's rule, not an approximation. */
final class SlidingWindowLimit {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final ArrayDeque<Long> counted = new ArrayDeque<>();
    private volatile int limit;

    SlidingWindowLimit(int limit) {
        this.limit = limit;
    }

    void setLimit(int limit) {
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    /** Counts the request and answers true, or answers false (and counts nothing) when the window is full. */
    synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        while (!counted.isEmpty() && now - counted.peekFirst() >= WINDOW_NANOS) {
            counted.pollFirst();
        }
        if (limit > 0 && counted.size() >= limit) {
            return false;
        }
        counted.addLast(now);
        if (limit <= 0 && counted.size() > 10_000) {
            counted.pollFirst();
        }
        return true;
    }
}
