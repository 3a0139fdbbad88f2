package io.infusionbridge.pod;

import com.fasterxml.jackson.databind.JsonNode;
import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.runtime.BridgeRuntime;
import io.infusionbridge.runtime.IdleMonitor;
import io.infusionbridge.support.AgainstSandbox;
import io.infusionbridge.support.PodFolders;
import io.infusionbridge.support.SandboxAdmin;
import io.infusionbridge.support.TestBridge;
import io.infusionbridge.support.TestDatabases;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The three sample carrier files against the sandbox give exactly the invoice fields their README implies. */
class PodSamplesTest extends AgainstSandbox {

    @TempDir
    Path dir;

    PodFolders folders;

    @BeforeEach
    void start() throws Exception {
        folders = new PodFolders(dir.resolve("data"));
    }

    private BridgeRuntime bridge() throws Exception {
        return TestBridge.against(sandbox, TestDatabases.h2(dir), dir.resolve("data"))
                .with("bridge.sync.delay", "600000").with("bridge.pod.read-lock-min-age", "200").with("bridge.pod.poll-delay", "200").start();
    }

    private Map<String, JsonNode> invoices() {
        return admin.entities(EntityType.CUSTOMER_INVOICES).stream()
                .collect(Collectors.toMap(i -> i.get("invoiceNumber").asText(), Function.identity()));
    }

    private static void assertInvoice(Map<String, JsonNode> invoices, String number, String reference, String status) {
        JsonNode invoice = invoices.get(number);
        assertThat(invoice.get("courierReference").asText(null)).as(number + " courier reference").isEqualTo(reference);
        assertThat(invoice.get("deliveryStatusCode").asText()).as(number + " delivery status").isEqualTo(status);
    }

    private static void assertRow(List<CSVRecord> report, int row, String invoice, String outcome, String reasonContains) {
        CSVRecord line = report.get(row - 1);
        assertThat(line.get("row")).isEqualTo(String.valueOf(row));
        assertThat(line.get("invoice")).as("row " + row).isEqualTo(invoice);
        assertThat(line.get("outcome")).as("row " + row + ": " + line.get("reason")).isEqualTo(outcome);
        assertThat(line.get("reason")).as("row " + row).contains(reasonContains);
    }

    @Test
    void the_three_samples_set_exactly_the_fields_their_readme_implies_with_one_put_per_changed_invoice() throws Exception {
        try (BridgeRuntime bridge = bridge()) {
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            admin.clearRequests();
            folders.dropSample("generic", "generic.csv");
            folders.dropSample("courier-a", "courier-a-tracking-export.csv");
            folders.dropSample("courier-b", "courier-b-pod.csv");
            IdleMonitor.Result idle = bridge.awaitIdle(Duration.ofSeconds(60));
            assertThat(idle.idle()).isTrue();

            Map<String, JsonNode> invoices = invoices();
            assertInvoice(invoices, "INV-100001", "NZC1000001", "DELV");
            assertInvoice(invoices, "INV-100002", "NZC1000002", "INTR");
            assertInvoice(invoices, "INV-100003", "NZC1000003", "DEXC");
            assertInvoice(invoices, "INV-100004", "NZC1000004", "DELV");
            assertInvoice(invoices, "INV-100005", "AB1234567890", "DELV");
            assertInvoice(invoices, "INV-100006", "AB1234567891", "INTR");
            assertInvoice(invoices, "INV-100007", "AB1234567892", "DELV");
            assertInvoice(invoices, "INV-100008", "AB1234567893", "DEXC");
            assertInvoice(invoices, "INV-100009", "CB-55001", "DELV");
            assertInvoice(invoices, "INV-100010", "CB-55002, CB-55003", "DELV");
            assertInvoice(invoices, "INV-100011", null, "RTS");

            List<CSVRecord> generic = folders.report("generic.csv");
            assertThat(generic).hasSize(7);
            assertRow(generic, 1, "INV-100001", "superseded", "row 3 has a later event");
            assertRow(generic, 2, "INV-100001", "superseded", "row 3 has a later event");
            assertRow(generic, 3, "INV-100001", "applied", "courier reference NZC1000001 and delivery status DELV");
            assertRow(generic, 4, "INV-100002", "applied", "delivery status INTR");
            assertRow(generic, 5, "INV-100003", "applied", "delivery status DEXC");
            assertRow(generic, 6, "INV-100004", "applied", "delivery status DELV");
            assertRow(generic, 7, "INV-999999", "not-found", "not found in Infusion (looked up in the local mirror, after a sync, and by search)");

            List<CSVRecord> courierA = folders.report("courier-a-tracking-export.csv");
            assertThat(courierA).hasSize(6);
            assertRow(courierA, 1, "INV-100005", "superseded", "row 3");
            assertRow(courierA, 2, "INV-100005", "superseded", "row 3");
            assertRow(courierA, 3, "INV-100005", "applied", "AB1234567890");
            assertRow(courierA, 4, "INV-100006", "applied", "AB1234567891");
            assertRow(courierA, 5, "INV-100007", "applied", "AB1234567892");
            assertRow(courierA, 6, "INV-100008", "applied", "DEXC");

            List<CSVRecord> courierB = folders.report("courier-b-pod.csv");
            assertThat(courierB).hasSize(5);
            assertRow(courierB, 1, "INV-100009", "superseded", "row 2");
            assertRow(courierB, 2, "INV-100009", "applied", "CB-55001");
            assertRow(courierB, 3, "INV-100010", "applied", "consignment CB-55002 is in the courier reference");
            assertRow(courierB, 4, "INV-100010", "applied", "CB-55002, CB-55003");
            assertRow(courierB, 5, "", "invalid", "no invoice reference");

            List<SandboxAdmin.Logged> log = admin.requests();
            List<SandboxAdmin.Logged> puts = log.stream().filter(r -> r.method().equals("PUT")).toList();
            assertThat(puts).as("one PUT per changed invoice").hasSize(10).allMatch(r -> r.status() == 200);
            assertThat(puts.stream().map(SandboxAdmin.Logged::path).distinct()).hasSize(10);
            assertThat(log).as("beyond sync and writes, only the one search for the unknown invoice")
                    .allMatch(r -> r.path().startsWith("/sync/") || r.method().equals("PUT")
                            || r.path().equals("/customerInvoices/search"));
            assertThat(log).filteredOn(r -> r.path().endsWith("/search")).hasSize(1);
            assertThat(SandboxAdmin.maxCountedInAnySecond(log)).isLessThanOrEqualTo(10);
            assertThat(folders.files("processed")).hasSize(3);
            assertThat(folders.files("failed")).isEmpty();

            admin.clearRequests();
            folders.dropSample("generic", "generic.csv");
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            assertThat(admin.requests()).as("the same file again: no write").noneMatch(r -> r.method().equals("PUT"));
            assertThat(folders.reports("generic.csv")).isEqualTo(2);
            List<CSVRecord> again = folders.report("generic.csv");
            assertRow(again, 3, "INV-100001", "unchanged", "already applied from an identical file");
            assertThat(invoices().get("INV-100001").get("versionNumber").asLong()).isEqualTo(1);
        }
    }
}
