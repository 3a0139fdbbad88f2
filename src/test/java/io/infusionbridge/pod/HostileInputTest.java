package io.infusionbridge.pod;

import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.runtime.BridgeRuntime;
import io.infusionbridge.sandbox.SandboxServer;
import io.infusionbridge.support.PodFolders;
import io.infusionbridge.support.SandboxAdmin;
import io.infusionbridge.support.TestBridge;
import io.infusionbridge.support.TestDatabases;
import org.apache.camel.ServiceStatus;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input corpus (src/test/resources/hostile/): files a carrier, a person or an attacker could
 * drop. Each ends applied, partly applied with reasons, or in failed/ with a report; the bridge never stops,
 * and no report cell is one a spreadsheet would run as a formula.
 */
class HostileInputTest {

    /** Per file: "failed: <reason>" or the outcome of each row, in order. */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("01-empty.csv", "failed: the file is empty");
        EXPECTED.put("02-header-only.csv", "failed: a header but no rows");
        EXPECTED.put("03-binary.csv", "failed: the file is binary");
        EXPECTED.put("04-wrong-delimiter.csv", "failed: missing columns");
        EXPECTED.put("05-latin1.csv", "failed: not UTF-8 text");
        EXPECTED.put("06-utf16.csv", "failed: the file is binary");
        EXPECTED.put("07-unterminated-quote.csv", "failed: EOF reached before encapsulated token finished");
        EXPECTED.put("08-embedded-newlines.csv", "applied");
        EXPECTED.put("09-fifty-thousand-char-line.csv", "invalid,applied");
        EXPECTED.put("10-formula-cells.csv", "invalid,applied,invalid");
        EXPECTED.put("11-..%2F..%2Fetc%2Fpasswd.csv", "applied");
        EXPECTED.put("12-..\\..\\windows\\evil.csv", "applied");
        EXPECTED.put("13-duplicate-headers.csv", "failed: duplicate");
        EXPECTED.put("14-every-text-rule.csv", "applied");
        EXPECTED.put("15-dates-wrong-format.csv", "invalid,invalid,applied");
        EXPECTED.put("16-unknown-statuses.csv", "invalid,invalid,applied");
        EXPECTED.put("17-ten-thousand-rows-one-invoice.csv", "10000 rows, 1 applied");
        EXPECTED.put("18-bom-only.csv", "failed: missing columns");
        EXPECTED.put("19-missing-columns.csv", "failed: missing columns status, event_time");
        EXPECTED.put("20-extra-columns.csv", "applied");
        EXPECTED.put("21-mixed-line-ends.csv", "applied,applied,applied");
        EXPECTED.put("22-blank-lines.csv", "applied");
        EXPECTED.put("23-several-invoices-in-reference.csv", "invalid");
        EXPECTED.put("24-no-consignment.csv", "invalid,invalid");
        EXPECTED.put("25-html-and-sql-injection.csv", "applied");
        EXPECTED.put("26-very-wide-header.csv", "applied");
        EXPECTED.put("27-whitespace-only.csv", "failed: missing columns");
        EXPECTED.put("28-unknown-invoices.csv", "not-found,not-found");
        EXPECTED.put("29-control-chars-in-reference.csv", "failed: the file is binary");
        EXPECTED.put("30-quoted-everything.csv", "applied");
    }

    @TempDir
    Path dir;

    @Test
    void every_hostile_file_ends_applied_partly_applied_or_failed_and_the_bridge_keeps_running() throws Exception {
        Path corpus = Path.of("src/test/resources/hostile");
        try (Stream<Path> files = Files.list(corpus)) {
            assertThat(files.count()).as("the corpus").isGreaterThanOrEqualTo(25).isEqualTo(EXPECTED.size());
        }
        try (SandboxServer sandbox = new SandboxServer(0).start();
             BridgeRuntime bridge = TestBridge.against(sandbox, TestDatabases.h2(dir), dir.resolve("data"))
                     .with("bridge.sync.delay", "600000").with("bridge.pod.read-lock-min-age", "200").with("bridge.pod.poll-delay", "200").start()) {
            SandboxAdmin admin = new SandboxAdmin(sandbox.adminUrl());
            PodFolders folders = new PodFolders(dir.resolve("data"));
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            for (String name : EXPECTED.keySet()) {
                folders.drop("generic", name, Files.readAllBytes(corpus.resolve(name)));
            }
            assertThat(bridge.awaitIdle(Duration.ofSeconds(180)).idle()).as("every file handled").isTrue();

            for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
                String name = e.getKey();
                String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
                List<CSVRecord> report = folders.report(safe + ".report");
                String dropped = name.replace('\\', '_');
                boolean failed = folders.files("failed").stream().anyMatch(p -> p.getFileName().toString().endsWith(dropped));
                if (e.getValue().startsWith("failed: ")) {
                    assertThat(failed).as(name + " in failed/").isTrue();
                    assertThat(report).as(name).hasSize(1);
                    assertThat(report.get(0).get("reason")).as(name).contains(e.getValue().substring("failed: ".length()));
                } else if (e.getValue().endsWith("1 applied")) {
                    assertThat(failed).as(name).isFalse();
                    assertThat(report).hasSize(10_000);
                    assertThat(report).filteredOn(r -> r.get("outcome").equals("applied")).hasSize(1);
                    assertThat(report).filteredOn(r -> r.get("outcome").equals("superseded")).hasSize(9_999);
                } else {
                    assertThat(failed).as(name + " not in failed/").isFalse();
                    assertThat(report).as(name).extracting(r -> r.get("outcome")).containsExactly(e.getValue().split(","));
                    assertThat(report).as(name + ": a reason for every row").allSatisfy(r -> assertThat(r.get("reason")).isNotBlank());
                }
                assertThat(report).as(name + ": no formula cells").allSatisfy(r -> r.forEach(cell -> assertThat(cell)
                        .doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")));
            }
            assertThat(folders.files("inbox/pod")).filteredOn(p -> !p.toString().endsWith(".camelLock")).isEmpty();
            assertThat(bridge.context().getRouteController().getRouteStatus("pod-writeback")).isEqualTo(ServiceStatus.Started);

            String repaired = admin.entities(EntityType.CUSTOMER_INVOICES).stream()
                    .filter(i -> i.get("invoiceNumber").asText().equals("INV-100185")).findFirst().orElseThrow().get("courierReference").asText();
            assertThat(repaired).as("every text rule repaired").isEqualTo("NZC 185 x");

            folders.drop("generic", "after-all-that.csv", "invoice_number,consignment_number,carrier,status,event_time,signed_by\n"
                    + "INV-100111,NZC111,A,DELIVERED,2026-12-01T14:00:00+13:00,\n");
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            assertThat(folders.report("after-all-that.csv").get(0).get("outcome")).isEqualTo("applied");
        }
    }
}
