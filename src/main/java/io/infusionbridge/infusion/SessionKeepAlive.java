package io.infusionbridge.infusion;

import io.infusionbridge.infusion.error.InfusionException;
import io.infusionbridge.runtime.BridgeState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Infusion expires a session after 60 days without a request. When no request has succeeded for the
 * configured days, one cheap GET keeps it alive; as the 60 days approach with nothing succeeding, it warns.
 * The last success is kept in the database, so a restart neither forgets how long the session has been
 * idle nor spends a request to find out.
 */
public class SessionKeepAlive {

    static final String LAST_SUCCESS = "infusion.last-success";
    private static final Logger LOG = LoggerFactory.getLogger(SessionKeepAlive.class);
    private static final Duration LIFETIME = Duration.ofDays(60);
    private static final Duration WARN_AFTER = LIFETIME.minusDays(15);

    private final InfusionClient client;
    private final Duration keepAliveAfter;
    private final BridgeState state;
    private final Clock clock;
    private final Instant started;
    /** The gate's last success as seen at the last check: a change means requests succeeded since. */
    private Instant gateSuccessSeen;
    private Instant lastSuccess;

    public SessionKeepAlive(InfusionClient client, int keepAliveDays, BridgeState state, Clock clock) throws SQLException {
        this.client = client;
        this.keepAliveAfter = Duration.ofDays(keepAliveDays);
        this.state = state;
        this.clock = clock;
        this.started = clock.instant();
        this.gateSuccessSeen = client.gate().lastSuccess();
        this.lastSuccess = state.get(LAST_SUCCESS).map(Instant::parse).orElse(null);
    }

    /** Answers what it did, for the route's log. Run it every hour or so: the days are counted at that grain. */
    public synchronized String check() throws SQLException {
        Instant now = clock.instant();
        Instant gateSuccess = client.gate().lastSuccess();
        if (gateSuccess != null && !gateSuccess.equals(gateSuccessSeen)) {
            gateSuccessSeen = gateSuccess;
            succeeded(now);
        }
        Duration idle = Duration.between(lastSuccess == null ? started : lastSuccess, now);
        if (lastSuccess != null && idle.compareTo(keepAliveAfter) < 0) {
            return "session in use (last success " + lastSuccess + ")";
        }
        String expiring = null;
        if (idle.compareTo(WARN_AFTER) >= 0) {
            expiring = "no request to Infusion has succeeded for " + idle.toDays() + " days: the session expires after 60 days unused";
            LOG.warn(expiring);
        }
        try {
            client.deliveryStatuses();
            gateSuccessSeen = client.gate().lastSuccess();
            succeeded(now);
            return "kept the session alive with one request";
        } catch (InfusionException e) {
            return "keep-alive request failed: " + e.getMessage() + (expiring == null ? "" : "; " + expiring);
        }
    }

    private void succeeded(Instant at) throws SQLException {
        lastSuccess = at;
        state.put(LAST_SUCCESS, at.toString());
    }
}
