package io.infusionbridge.pod;

import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.runtime.BridgeRuntime;
import io.infusionbridge.support.AgainstSandbox;
import io.infusionbridge.support.CuttableProxy;
import io.infusionbridge.support.Eventually;
import io.infusionbridge.support.PodFolders;
import io.infusionbridge.support.SandboxAdmin;
import io.infusionbridge.support.TestBridge;
import io.infusionbridge.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL going away under a running bridge: carrier files wait in the inbox, then apply exactly once. */
class DatabaseOutageTest extends AgainstSandbox {

    private static final String HEADER = "invoice_number,consignment_number,carrier,status,event_time,signed_by\n";

    @TempDir
    Path dir;

    @Test
    void a_file_that_meets_an_unreachable_database_waits_in_the_inbox_and_is_applied_once_when_it_is_back() throws Exception {
        TestDatabases.Db postgres = TestDatabases.postgres();
        URI direct = URI.create(postgres.url().substring("jdbc:".length()));
        PodFolders folders = new PodFolders(dir.resolve("data"));
        try (CuttableProxy proxy = CuttableProxy.to(direct.getHost(), direct.getPort())) {
            TestDatabases.Db viaProxy = new TestDatabases.Db(postgres.url().replace(":" + direct.getPort() + "/", ":" + proxy.port() + "/"),
                    postgres.user(), postgres.schema());
            try (BridgeRuntime bridge = TestBridge.against(sandbox, viaProxy, dir.resolve("data"))
                    .with("bridge.sync.delay", "600000").with("bridge.pod.read-lock-min-age", "200").with("bridge.pod.poll-delay", "200")
                    .with("bridge.pod.refused-retry-delay", "1000").with("bridge.db.connection-timeout", "1000").start()) {
                assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
                admin.clearRequests();

                proxy.cut();
                folders.drop("generic", "during-outage.csv", HEADER
                        + "INV-100090,NZC90,A,DELIVERED,2026-12-01T14:00:00+13:00,\n"
                        + "INV-100091,NZC91,A,IN_TRANSIT,2026-12-01T14:00:00+13:00,\n");
                Thread.sleep(5000);
                assertThat(folders.files("inbox/pod")).extracting(p -> p.getFileName().toString())
                        .filteredOn(n -> !n.endsWith(".camelLock")).containsExactly("during-outage.csv");
                assertThat(folders.files("failed")).isEmpty();

                proxy.restore();
                Eventually.holds(Duration.ofSeconds(30), "the file was processed once the database was back",
                        () -> folders.files("processed").size() == 1);
                assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            }
        } finally {
            TestDatabases.dropSchema(postgres);
        }
        Map<String, Long> puts = admin.requests().stream().filter(r -> r.method().equals("PUT") && r.status() == 200)
                .collect(Collectors.groupingBy(SandboxAdmin.Logged::path, Collectors.counting()));
        assertThat(puts).hasSize(2).allSatisfy((path, count) -> assertThat(count).isEqualTo(1));
        assertThat(folders.files("failed")).isEmpty();
        assertThat(folders.report("during-outage.csv")).extracting(r -> r.get("outcome")).containsExactly("applied", "applied");
        assertThat(admin.entities(EntityType.CUSTOMER_INVOICES)).filteredOn(i -> i.get("invoiceNumber").asText().equals("INV-100090"))
                .singleElement().satisfies(i -> assertThat(i.get("deliveryStatusCode").asText()).isEqualTo("DELV"));
    }
}
