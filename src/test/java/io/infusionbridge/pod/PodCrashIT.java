package io.infusionbridge.pod;

import com.fasterxml.jackson.databind.JsonNode;
import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.sandbox.SandboxServer;
import io.infusionbridge.support.BridgeProcess;
import io.infusionbridge.support.PodFolders;
import io.infusionbridge.support.SandboxAdmin;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The bridge process is killed (SIGKILL) in the middle of a file; after a restart every row is applied exactly once. */
class PodCrashIT {

    private static final int INVOICES = 40;

    @TempDir
    Path dir;

    private Process start(SandboxServer sandbox, String... args) throws Exception {
        return BridgeProcess.start(dir, sandbox, Map.of("BRIDGE_SYNC_DELAY", "600000", "BRIDGE_POD_POLL_DELAY", "200",
                "BRIDGE_POD_READ_LOCK_MIN_AGE", "200"), List.of(), args);
    }

    private static long successfulPuts(SandboxAdmin admin) {
        return admin.requests().stream().filter(r -> r.method().equals("PUT") && r.status() == 200).count();
    }

    @ParameterizedTest(name = "killed after {0} writes")
    @ValueSource(ints = {1, 4, 9, 17, 25, 33, 38})
    void a_kill_minus_9_mid_file_and_a_restart_apply_every_row_exactly_once(int killAfter) throws Exception {
        try (SandboxServer sandbox = new SandboxServer(0).start()) {
            SandboxAdmin admin = new SandboxAdmin(sandbox.adminUrl());
            admin.faults(0, 0, 60, 0);
            StringBuilder file = new StringBuilder("invoice_number,consignment_number,carrier,status,event_time,signed_by\n");
            for (int i = 0; i < INVOICES; i++) {
                int number = 100_101 + i;
                file.append("INV-").append(number).append(",NZC").append(number).append(",A,IN_TRANSIT,2026-12-01T09:00:00+13:00,\n");
                file.append("INV-").append(number).append(",NZC").append(number).append(",A,DELIVERED,2026-12-01T15:00:00+13:00,Pat\n");
            }
            PodFolders folders = new PodFolders(dir.resolve("data"));

            Process first = start(sandbox, "run");
            folders.drop("generic", "big-run.csv", file.toString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (successfulPuts(admin) < killAfter && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            long beforeRestart = successfulPuts(admin);
            // Near the end the kill may land after the last write but before the file is recorded as done: a crash moment too.
            assertThat(beforeRestart).as("killed mid-file").isBetween((long) killAfter, (long) INVOICES);

            Process second = start(sandbox, "run", "--until-idle", "--max-wait", "PT2M");
            assertThat(second.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(second.exitValue()).as("restart exit code; see bridge.log").isZero();

            Map<String, Long> putsPerInvoice = admin.requests().stream()
                    .filter(r -> r.method().equals("PUT") && r.status() == 200)
                    .collect(Collectors.groupingBy(SandboxAdmin.Logged::path, Collectors.counting()));
            assertThat(putsPerInvoice).hasSize(INVOICES);
            assertThat(putsPerInvoice.values()).as("every invoice written exactly once").allMatch(n -> n == 1);
            Map<String, JsonNode> invoices = admin.entities(EntityType.CUSTOMER_INVOICES).stream()
                    .collect(Collectors.toMap(i -> i.get("invoiceNumber").asText(), Function.identity()));
            for (int i = 0; i < INVOICES; i++) {
                JsonNode invoice = invoices.get("INV-" + (100_101 + i));
                assertThat(invoice.get("courierReference").asText()).isEqualTo("NZC" + (100_101 + i));
                assertThat(invoice.get("deliveryStatusCode").asText()).isEqualTo("DELV");
                assertThat(invoice.get("versionNumber").asLong()).isEqualTo(1);
            }
            assertThat(folders.files("processed")).hasSize(1);
            assertThat(folders.files("inbox/pod")).filteredOn(p -> !p.toString().endsWith(".camelLock")).isEmpty();
            List<CSVRecord> report = folders.report("big-run.csv");
            assertThat(report).hasSize(2 * INVOICES);
            assertThat(report).filteredOn(r -> r.get("status").equals("DELIVERED")).allMatch(r -> r.get("outcome").equals("applied"));
            assertThat(report).filteredOn(r -> r.get("status").equals("IN_TRANSIT")).allMatch(r -> r.get("outcome").equals("superseded"));
        }
    }
}
