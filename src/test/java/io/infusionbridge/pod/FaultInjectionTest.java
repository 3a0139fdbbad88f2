package io.infusionbridge.pod;

import com.fasterxml.jackson.databind.JsonNode;
import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.InfusionJson;
import io.infusionbridge.runtime.BridgeRuntime;
import io.infusionbridge.sandbox.SandboxServer;
import io.infusionbridge.support.MirrorRow;
import io.infusionbridge.support.PodFolders;
import io.infusionbridge.support.SandboxAdmin;
import io.infusionbridge.support.TestBridge;
import io.infusionbridge.support.TestDatabases;
import io.infusionbridge.sync.SyncReconciler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several carrier files and a sync while the sandbox answers 10% with 5xx, drops 5% of connections, takes
 * 300 ms per answer, regenerates the session once and storms with 429s once: every row is applied exactly
 * once, and after a resync the mirror equals Infusion.
 */
class FaultInjectionTest {

    private static final int PER_FILE = 12;

    @TempDir
    Path dir;

    private static String file(int first) {
        StringBuilder file = new StringBuilder("invoice_number,consignment_number,carrier,status,event_time,signed_by\n");
        for (int i = 0; i < PER_FILE; i++) {
            int n = first + i;
            file.append("INV-").append(n).append(",F").append(n).append(",A,IN_TRANSIT,2026-12-01T09:00:00+13:00,\n");
            file.append("INV-").append(n).append(",F").append(n).append(",A,DELIVERED,2026-12-01T15:00:00+13:00,Pat\n");
        }
        return file.toString();
    }

    @Test
    void under_faults_every_row_is_applied_exactly_once_and_the_mirror_converges() throws Exception {
        try (SandboxServer sandbox = new SandboxServer(0).start()) {
            SandboxAdmin admin = new SandboxAdmin(sandbox.adminUrl());
            Path secrets = dir.resolve("secrets.properties");
            Files.writeString(secrets, "infusion.session-uuid=" + sandbox.sessionUuid() + "\n");
            PodFolders folders = new PodFolders(dir.resolve("data"));
            try (BridgeRuntime bridge = TestBridge.against(sandbox, TestDatabases.h2(dir), dir.resolve("data"))
                    .with("infusion.session-uuid", "").with("bridge.secrets-file", secrets.toString())
                    .with("bridge.sync.delay", "1000").with("bridge.pod.read-lock-min-age", "200").with("bridge.pod.poll-delay", "200")
                    .with("bridge.pod.refused-retry-delay", "1000").with("infusion.circuit-breaker.minimum-calls", "50").start()) {
                assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
                admin.faults(0.10, 0.05, 300, 0);

                folders.drop("generic", "faults-1.csv", file(100_121));
                for (JsonNode product : admin.entities(EntityType.PRODUCTS).subList(0, 3)) {
                    admin.change(EntityType.PRODUCTS, product.get("uuid").asText(),
                            InfusionJson.mapper().createObjectNode().put("description", "changed under faults"));
                }
                Thread.sleep(3000);
                String fresh = admin.regenerateSession();
                Thread.sleep(2000);
                Files.writeString(secrets, "infusion.session-uuid=" + fresh + "\n");
                folders.drop("generic", "faults-2.csv", file(100_141));
                Thread.sleep(2000);
                admin.faults(0.10, 0.05, 300, 2500);
                folders.drop("generic", "faults-3.csv", file(100_161));
                assertThat(bridge.awaitIdle(Duration.ofSeconds(240)).idle()).isTrue();

                List<SandboxAdmin.Logged> log = admin.requests();
                assertThat(log).as("faults were injected").anyMatch(r -> r.status() == 503).anyMatch(r -> r.status() == 0)
                        .anyMatch(r -> r.status() == 429).anyMatch(r -> r.status() == 401);
                Map<String, Long> applied = log.stream().filter(r -> r.method().equals("PUT") && r.status() == 200)
                        .collect(Collectors.groupingBy(SandboxAdmin.Logged::path, Collectors.counting()));
                assertThat(applied).hasSize(3 * PER_FILE);
                assertThat(applied.values()).as("each invoice written exactly once").allMatch(n -> n == 1);
                Map<String, JsonNode> invoices = admin.entities(EntityType.CUSTOMER_INVOICES).stream()
                        .collect(Collectors.toMap(i -> i.get("invoiceNumber").asText(), Function.identity()));
                for (int first : new int[] {100_121, 100_141, 100_161}) {
                    for (int i = 0; i < PER_FILE; i++) {
                        JsonNode invoice = invoices.get("INV-" + (first + i));
                        assertThat(invoice.get("courierReference").asText()).isEqualTo("F" + (first + i));
                        assertThat(invoice.get("deliveryStatusCode").asText()).isEqualTo("DELV");
                    }
                }
                assertThat(folders.files("processed")).hasSize(3);
                assertThat(folders.files("failed")).isEmpty();

                admin.clearFaults();
                SyncReconciler reconciler = new SyncReconciler(bridge.client(), bridge.store(), 500);
                for (EntityType type : EntityType.values()) {
                    reconciler.reconcile(type);
                    Map<String, Long> infusion = admin.entities(type).stream()
                            .collect(Collectors.toMap(r -> r.get("uuid").asText(), r -> r.get("versionNumber").asLong()));
                    Map<String, Long> mirror = MirrorRow.all(bridge.store().dataSource(), type).stream()
                            .collect(Collectors.toMap(MirrorRow::uuid, MirrorRow::versionNumber));
                    assertThat(mirror).as(type + ": the mirror equals Infusion").isEqualTo(infusion);
                }
            }
        }
    }
}
