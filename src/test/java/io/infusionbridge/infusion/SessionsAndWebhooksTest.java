package io.infusionbridge.infusion;

import com.fasterxml.jackson.databind.JsonNode;
import io.infusionbridge.infusion.component.InfusionSyncConsumer;
import io.infusionbridge.runtime.BridgeRuntime;
import io.infusionbridge.support.AgainstSandbox;
import io.infusionbridge.support.Eventually;
import io.infusionbridge.support.Http;
import io.infusionbridge.support.PodFolders;
import io.infusionbridge.support.SandboxAdmin;
import io.infusionbridge.support.TestBridge;
import io.infusionbridge.support.TestDatabases;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions that die, roles that are missing, webhooks, read-only mode: the bridge keeps working or says why. */
class SessionsAndWebhooksTest extends AgainstSandbox {

    private static final String HEADER = "invoice_number,consignment_number,carrier,status,event_time,signed_by\n";
    private static final String SECRET = io.infusionbridge.support.IssuedSecrets.remember("hook-secret-7f3a9c2e1b");

    @TempDir
    Path dir;

    PodFolders folders;
    Path secrets;
    int port;

    @BeforeEach
    void start() throws Exception {
        folders = new PodFolders(dir.resolve("data"));
        secrets = dir.resolve("secrets.properties");
        Files.writeString(secrets, "infusion.session-uuid=" + sandbox.sessionUuid() + "\nbridge.webhooks.secret=" + SECRET + "\n");
        port = Http.freePort();
    }

    private TestBridge bridge() {
        return TestBridge.against(sandbox, TestDatabases.h2(dir), dir.resolve("data"))
                .with("infusion.session-uuid", "")
                .with("bridge.secrets-file", secrets.toString())
                .with("bridge.http-port", String.valueOf(port))
                .with("bridge.pod.read-lock-min-age", "200").with("bridge.pod.poll-delay", "200")
                .with("bridge.pod.refused-retry-delay", "1000");
    }

    /** The overall status and the Infusion check's message, as /observe/health shows them. */
    private String health() throws Exception {
        JsonNode health = io.infusionbridge.infusion.InfusionJson.mapper().readTree(Http.get("http://127.0.0.1:" + port + "/observe/health").body());
        for (JsonNode check : health.path("checks")) {
            if (check.path("name").asText().equals("infusion-session")) {
                // Camel's health output escapes "/" as "\/".
                return health.path("status").asText() + " / " + check.path("status").asText() + ": "
                        + check.path("message").asText().replace("\\/", "/");
            }
        }
        return health.toString();
    }

    private String drop(int... invoices) throws Exception {
        StringBuilder file = new StringBuilder(HEADER);
        for (int n : invoices) {
            file.append("INV-").append(n).append(",NZC").append(n).append(",A,DELIVERED,2026-12-01T14:00:00+13:00,\n");
        }
        String name = "file-" + invoices[0] + ".csv";
        folders.drop("generic", name, file.toString());
        return name;
    }

    private Map<String, Long> successfulPuts() {
        return admin.requests().stream().filter(r -> r.method().equals("PUT") && r.status() == 200)
                .collect(Collectors.groupingBy(SandboxAdmin.Logged::path, Collectors.counting()));
    }

    private void pausedThenResumedByTheSecretsFile(BridgeRuntime bridge, Runnable breakTheSession) throws Exception {
        assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
        // Cleared first: a sync round may run into the dead session before the file is even dropped.
        admin.clearRequests();
        breakTheSession.run();
        String file = drop(100_101, 100_102, 100_103);
        Eventually.holds(Duration.ofSeconds(10), "Infusion refused the session", () -> admin.requests().stream().anyMatch(r -> r.status() == 401));
        Thread.sleep(4000);
        List<SandboxAdmin.Logged> log = admin.requests();
        List<SandboxAdmin.Logged> fromFirstRefusal = log.subList(log.indexOf(log.stream().filter(r -> r.status() == 401).findFirst().orElseThrow()), log.size());
        assertThat(fromFirstRefusal).as("paused: no more than the request that found out (plus one already in flight)").hasSizeLessThanOrEqualTo(2);
        assertThat(folders.files("inbox/pod")).extracting(p -> p.getFileName().toString()).contains(file);
        assertThat(health()).startsWith("DOWN / DOWN").contains("a new session ID was generated in Infusion").contains("secrets.properties")
                .doesNotContain(sandbox.sessionUuid());

        String fresh = admin.regenerateSession();
        Files.writeString(secrets, "infusion.session-uuid=" + fresh + "\nbridge.webhooks.secret=" + SECRET + "\n");
        Eventually.holds(Duration.ofSeconds(20), "the queued file was applied with the new session", () -> successfulPuts().size() == 3);
        assertThat(successfulPuts().values()).allMatch(n -> n == 1);
        Eventually.holds(Duration.ofSeconds(10), "the Infusion health check is UP again", () -> health().contains("/ UP"));
        assertThat(folders.files("processed")).hasSize(1);
    }

    @Test
    void a_regenerated_session_pauses_all_work_until_the_new_id_is_in_the_secrets_file() throws Exception {
        try (BridgeRuntime bridge = bridge().start()) {
            pausedThenResumedByTheSecretsFile(bridge, admin::regenerateSession);
        }
    }

    @Test
    void a_session_unused_for_61_days_pauses_the_same_way() throws Exception {
        try (BridgeRuntime bridge = bridge().with("bridge.sync.delay", "600000").start()) {
            pausedThenResumedByTheSecretsFile(bridge, () -> admin.advanceClockDays(61));
        }
    }

    @Test
    void a_read_only_api_user_stops_writes_with_the_operation_named_while_sync_goes_on() throws Exception {
        try (BridgeRuntime bridge = bridge().start()) {
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            admin.roles("READ");
            String file = drop(100_111);
            Eventually.holds(Duration.ofSeconds(10), "the write was refused", () -> admin.requests().stream().anyMatch(r -> r.status() == 403));
            admin.clearRequests();
            Thread.sleep(2000);
            assertThat(admin.requests()).as("sync goes on").anyMatch(r -> r.path().startsWith("/sync/") && r.status() == 200);
            assertThat(health()).startsWith("DOWN / DOWN").contains("PUT /customerInvoices/{uuid}").contains("role");
            assertThat(folders.files("inbox/pod")).extracting(p -> p.getFileName().toString()).contains(file);
            assertThat(folders.files("failed")).isEmpty();
        }
    }

    @Test
    void a_webhook_burst_makes_at_most_two_sync_runs_and_a_wrong_secret_triggers_nothing() throws Exception {
        try (BridgeRuntime bridge = bridge().with("bridge.sync.delay", "600000").start()) {
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            InfusionSyncConsumer invoices = (InfusionSyncConsumer) bridge.context().getRoute("sync-customer-invoices").getConsumer();
            String url = "http://127.0.0.1:" + port + "/webhooks/infusion";
            String body = "{\"entityType\":\"CustomerInvoice\",\"eventTimestamp\":\"2026-12-04T10:15:30.123Z\"}";

            HttpResponse<String> wrong = Http.post(url, "X-Infusion-Webhook-Secret", "guess", body);
            HttpResponse<String> missing = Http.post(url, null, null, body);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(missing.statusCode()).isEqualTo(401);
            Thread.sleep(500);
            assertThat(invoices.getTriggeredRounds()).isZero();

            admin.clearRequests();
            long started = System.nanoTime();
            assertThat(Http.postBurst(url, "X-Infusion-Webhook-Secret", SECRET, body, 50)).hasSize(50).containsOnly(202);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the burst the issue describes: 50 in one second")
                    .isLessThan(Duration.ofSeconds(1));
            Thread.sleep(3000);
            assertThat(invoices.getTriggeredRounds()).isBetween(1L, 2L);
            assertThat(admin.requests()).filteredOn(r -> r.path().equals("/sync/customerInvoices")).hasSizeBetween(1, 2);

            HttpResponse<String> supplier = Http.post(url, "X-Infusion-Webhook-Secret", SECRET, "{\"entityType\":\"Supplier\"}");
            assertThat(supplier.statusCode()).isEqualTo(202);
            assertThat(supplier.body()).contains("not synced by the bridge");
        }
    }

    @Test
    void infusions_own_webhook_delivery_brings_a_change_into_the_mirror_without_polling() throws Exception {
        try (BridgeRuntime bridge = bridge().with("bridge.sync.delay", "600000").start()) {
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            String url = "http://127.0.0.1:" + port + "/webhooks/infusion";
            bridge.client().registerWebhook("CustomerInvoice", url, "X-Infusion-Webhook-Secret", SECRET);
            JsonNode invoice = admin.entities(io.infusionbridge.infusion.EntityType.CUSTOMER_INVOICES).get(30);
            admin.change(io.infusionbridge.infusion.EntityType.CUSTOMER_INVOICES, invoice.get("uuid").asText(),
                    io.infusionbridge.infusion.InfusionJson.mapper().createObjectNode().put("courierReference", "VIA-HOOK"));
            Eventually.holds(Duration.ofSeconds(10), "the change reached the mirror", () -> "VIA-HOOK".equals(
                    io.infusionbridge.support.MirrorRow.column(bridge.store().dataSource(), io.infusionbridge.infusion.EntityType.CUSTOMER_INVOICES,
                            invoice.get("uuid").asText(), "courier_reference")));
        }
    }

    @Test
    void read_only_mode_writes_nothing_and_reports_every_intended_write() throws Exception {
        try (BridgeRuntime bridge = bridge().with("bridge.read-only", "true").start()) {
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            folders.dropSample("generic", "generic.csv");
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            assertThat(admin.requests()).noneMatch(r -> r.method().equals("PUT") || r.method().equals("POST"));
            List<CSVRecord> report = folders.report("generic.csv");
            assertThat(report).filteredOn(r -> r.get("outcome").equals("would-apply")).hasSize(4)
                    .allSatisfy(r -> assertThat(r.get("reason")).contains("read-only mode").contains("would write PUT /customerInvoices/"));
            assertThat(report.get(2).get("reason")).contains("courierReference NZC1000001").contains("deliveryStatusCode DELV");
        }
    }
}
