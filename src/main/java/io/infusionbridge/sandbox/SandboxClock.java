package io.infusionbridge.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The sandbox's notion of now: real time plus an offset tests can move forward (token expiry). */
final class SandboxClock {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private volatile Duration offset = Duration.ZERO;
    private Instant lastChange = Instant.EPOCH;

    Instant now() {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MILLIS);
    }

    void advance(Duration by) {
        offset = offset.plus(by);
    }

    void reset() {
        offset = Duration.ZERO;
    }

    Duration offset() {
        return offset;
    }

    /** A change's timestamp: never earlier than the previous change's, so sync order follows time. */
    synchronized Instant changeTime() {
        Instant now = now();
        lastChange = now.isAfter(lastChange) ? now : lastChange;
        return lastChange;
    }

    static String format(Instant instant) {
        return TIMESTAMP.format(instant);
    }
}
