package io.infusionbridge.infusion;

import io.infusionbridge.infusion.error.InfusionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Infusion expires a session after 60 days without a request. When no request has succeeded for the
 * configured days, one cheap GET keeps it alive; as the 60 days approach with nothing succeeding, it warns.
 */
public class SessionKeepAlive {

    private static final Logger LOG = LoggerFactory.getLogger(SessionKeepAlive.class);
    private static final Duration LIFETIME = Duration.ofDays(60);

    private final InfusionClient client;
    private final Duration keepAliveAfter;
    private final Instant started = Instant.now();

    public SessionKeepAlive(InfusionClient client, int keepAliveDays) {
        this.client = client;
        this.keepAliveAfter = Duration.ofDays(keepAliveDays);
    }

    /** Answers what it did, for the route's log. */
    public String check() {
        Instant last = client.gate().lastSuccess();
        Instant since = last == null ? started : last;
        Duration idle = Duration.between(since, Instant.now());
        if (last != null && idle.compareTo(keepAliveAfter) < 0) {
            return "session in use (last success " + last + ")";
        }
        if (idle.compareTo(LIFETIME.minusDays(15)) >= 0) {
            LOG.warn("No request to Infusion has succeeded for {} days: the session expires after 60 days unused", idle.toDays());
        }
        try {
            client.deliveryStatuses();
            return "kept the session alive with one request";
        } catch (InfusionException e) {
            return "keep-alive request failed: " + e.getMessage();
        }
    }
}
