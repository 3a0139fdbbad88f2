package io.infusionbridge.infusion;

import io.infusionbridge.runtime.BridgeRuntime;
import io.infusionbridge.runtime.BridgeState;
import io.infusionbridge.support.AgainstSandbox;
import io.infusionbridge.support.TestBridge;
import io.infusionbridge.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The keep-alive spends a request only when the session has been idle for days, and it outlives a restart. */
class SessionKeepAliveTest extends AgainstSandbox {

    @TempDir
    Path dir;

    /** The bridge's clock, moved by the test as the sandbox's clock is. */
    static final class TestClock extends Clock {
        private Instant now = Instant.now();

        void advanceDays(long days) {
            now = now.plus(Duration.ofDays(days));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private long requests() {
        return admin.requests().stream().filter(r -> r.path().startsWith("/invoiceDeliveryStatuses")).count();
    }

    @Test
    void one_request_after_a_week_idle_keeps_the_session_alive_past_60_days_and_a_restart_remembers_it() throws Exception {
        TestClock clock = new TestClock();
        try (BridgeRuntime bridge = TestBridge.against(sandbox, TestDatabases.h2(dir), dir.resolve("data")).open()) {
            BridgeState state = new BridgeState(bridge.store().dataSource());
            SessionKeepAlive keepAlive = new SessionKeepAlive(bridge.client(), 7, state, clock);
            bridge.client().deliveryStatuses();
            admin.clearRequests();

            assertThat(keepAlive.check()).startsWith("session in use");
            clock.advanceDays(6);
            admin.advanceClockDays(6);
            assertThat(keepAlive.check()).startsWith("session in use");
            assertThat(requests()).as("a week has not passed: nothing spent").isZero();

            clock.advanceDays(44);
            admin.advanceClockDays(44);
            assertThat(keepAlive.check()).isEqualTo("kept the session alive with one request");
            assertThat(keepAlive.check()).startsWith("session in use");
            assertThat(requests()).isEqualTo(1);

            // 100 days since the bridge's last own request, 50 since the keep-alive: the session still works.
            clock.advanceDays(3);
            admin.advanceClockDays(50);
            assertThat(bridge.client().deliveryStatuses().size()).isPositive();

            // After a restart the last success comes from the database: no request to find out.
            admin.clearRequests();
            SessionKeepAlive restarted = new SessionKeepAlive(bridge.client(), 7, state, clock);
            assertThat(restarted.check()).startsWith("session in use");
            assertThat(requests()).isZero();
        }
    }

    @Test
    void nothing_succeeding_for_46_days_warns_that_the_session_is_about_to_expire() throws Exception {
        TestClock clock = new TestClock();
        try (BridgeRuntime bridge = TestBridge.against(sandbox, TestDatabases.h2(dir), dir.resolve("data")).open()) {
            SessionKeepAlive keepAlive = new SessionKeepAlive(bridge.client(), 7, new BridgeState(bridge.store().dataSource()), clock);
            bridge.client().deliveryStatuses();
            assertThat(keepAlive.check()).startsWith("session in use");
            String session = sandbox.sessionUuid();
            admin.regenerateSession();
            clock.advanceDays(46);
            assertThat(keepAlive.check()).startsWith("keep-alive request failed")
                    .contains("no request to Infusion has succeeded for 46 days: the session expires after 60 days unused")
                    .doesNotContain(session);
        }
    }
}
