package io.infusionbridge.infusion.error;

import java.time.Duration;

/** 429 RATE_LIMITED: over 10 requests a second; wait {@link #retryAfter()} before the next. */
public class InfusionRateLimitedException extends InfusionException {

    private final Duration retryAfter;

    public InfusionRateLimitedException(String method, String path, Duration retryAfter) {
        super(429, "RATE_LIMITED", method, path, "Infusion's rate limit refused " + method + " " + path
                + "; retry after " + retryAfter.toMillis() + " ms");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
