package io.infusionbridge.infusion;

import io.infusionbridge.infusion.error.InfusionUnavailableException;
import io.infusionbridge.runtime.BridgeRuntime;
import io.infusionbridge.runtime.IdleMonitor;
import io.infusionbridge.support.AgainstSandbox;
import io.infusionbridge.support.MirrorRow;
import io.infusionbridge.support.SandboxAdmin;
import io.infusionbridge.support.TestBridge;
import io.infusionbridge.support.TestDatabases;
import io.infusionbridge.sync.SyncReconciler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client keeps to the licence's limit and rides out 429s, 5xx, dropped connections and outages. */
class ApiResilienceTest extends AgainstSandbox {

    @TempDir
    Path dir;

    private TestBridge bridge() {
        return TestBridge.against(sandbox, TestDatabases.h2(dir), dir.resolve("data"));
    }

    @Test
    void six_sync_routes_at_once_never_exceed_ten_requests_in_any_second() throws Exception {
        try (BridgeRuntime bridge = bridge().with("bridge.sync.page-size", "5").start()) {
            IdleMonitor.Result idle = bridge.awaitIdle(Duration.ofSeconds(90));
            assertThat(idle.idle()).isTrue();
            assertThat(idle.problems()).isEmpty();
            List<SandboxAdmin.Logged> log = admin.requests();
            assertThat(log).as("enough load to press against the limit").hasSizeGreaterThan(60);
            assertThat(SandboxAdmin.maxCountedInAnySecond(log)).isBetween(8, 10);
            assertThat(log).noneMatch(r -> r.status() == 429);
            assertThat(bridge.client().rateLimitedAnswers()).isZero();
        }
    }

    @Test
    void a_429_storm_is_waited_out_with_retry_after() throws Exception {
        admin.faults(0, 0, 0, 2500);
        try (BridgeRuntime bridge = bridge().open()) {
            SyncReconciler.Drift drift = new SyncReconciler(bridge.client(), bridge.store(), 50).reconcile(EntityType.CUSTOMER_INVOICES);
            assertThat(drift.records()).isEqualTo(admin.entities(EntityType.CUSTOMER_INVOICES).size());
            List<SandboxAdmin.Logged> log = admin.requests();
            assertThat(log).anyMatch(r -> r.status() == 429);
            long storm = log.stream().filter(r -> r.status() == 429).count();
            assertThat(storm).as("one 429 per Retry-After second, not a hammering").isLessThanOrEqualTo(4);
            assertThat(bridge.client().rateLimitedAnswers()).isEqualTo(storm);
        }
    }

    @Test
    void server_faults_and_dropped_connections_are_retried_to_success() throws Exception {
        admin.faults(0.25, 0.15, 0, 0);
        try (BridgeRuntime bridge = bridge().with("infusion.circuit-breaker.minimum-calls", "100").open()) {
            SyncReconciler reconciler = new SyncReconciler(bridge.client(), bridge.store(), 20);
            for (EntityType type : EntityType.values()) {
                reconciler.reconcile(type);
                assertThat(MirrorRow.all(bridge.store().dataSource(), type)).as(type.key())
                        .hasSameSizeAs(admin.entities(type));
            }
            List<SandboxAdmin.Logged> log = admin.requests();
            assertThat(log).anyMatch(r -> r.status() == 503);
            assertThat(log).as("dropped connections").anyMatch(r -> r.status() == 0);
        }
    }

    @Test
    void a_request_that_outlives_its_timeout_is_retried_then_reported() throws Exception {
        admin.faults(0, 0, 1500, 0);
        try (BridgeRuntime bridge = bridge().with("infusion.request-timeout", "500ms").with("infusion.retry.max-attempts", "2").open()) {
            assertThatThrownBy(() -> bridge.client().syncPage(EntityType.PRODUCTS, 10))
                    .isInstanceOf(InfusionUnavailableException.class)
                    .hasMessageContaining("GET /sync/products")
                    .hasMessageContaining("still failing after 2 attempts")
                    .hasMessageContaining("no answer within");
        }
    }

    @Test
    void the_circuit_breaker_stops_hammering_an_outage() throws Exception {
        admin.faults(1.0, 0, 0, 0);
        try (BridgeRuntime bridge = bridge().with("infusion.circuit-breaker.minimum-calls", "5")
                .with("infusion.retry.max-attempts", "2").with("infusion.circuit-breaker.open-for", "60s").open()) {
            InfusionUnavailableException last = null;
            for (int i = 0; i < 6 && (last == null || !last.getMessage().contains("circuit breaker")); i++) {
                try {
                    bridge.client().syncPage(EntityType.PRODUCTS, 10);
                } catch (InfusionUnavailableException e) {
                    last = e;
                }
            }
            assertThat(last).isNotNull();
            assertThat(last.getMessage()).contains("circuit breaker");
            int sentWhenOpened = admin.requests().size();
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> bridge.client().syncPage(EntityType.PRODUCTS, 10))
                        .isInstanceOf(InfusionUnavailableException.class).hasMessageContaining("circuit breaker");
            }
            assertThat(admin.requests()).as("no request reaches Infusion while the circuit is open").hasSize(sentWhenOpened);
        }
    }
}
