package io.infusionbridge.pod;

import com.fasterxml.jackson.databind.JsonNode;
import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.InfusionJson;
import io.infusionbridge.runtime.BridgeRuntime;
import io.infusionbridge.support.AgainstSandbox;
import io.infusionbridge.support.Eventually;
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

import static org.assertj.core.api.Assertions.assertThat;

/** The row rules: precedence, coalescing, text rules, conflicts, refusals, and malformed files. */
class PodRulesTest extends AgainstSandbox {

    private static final String HEADER = "invoice_number,consignment_number,carrier,status,event_time,signed_by\n";

    @TempDir
    Path dir;

    PodFolders folders;

    @BeforeEach
    void start() throws Exception {
        folders = new PodFolders(dir.resolve("data"));
    }

    private TestBridge bridge() {
        return TestBridge.against(sandbox, TestDatabases.h2(dir), dir.resolve("data"))
                .with("bridge.sync.delay", "600000").with("bridge.pod.read-lock-min-age", "200").with("bridge.pod.poll-delay", "200")
                .with("bridge.pod.refused-retry-delay", "1000");
    }

    private JsonNode invoice(String number) {
        return admin.entities(EntityType.CUSTOMER_INVOICES).stream().filter(i -> i.get("invoiceNumber").asText().equals(number))
                .findFirst().orElseThrow();
    }

    private List<SandboxAdmin.Logged> puts() {
        return admin.requests().stream().filter(r -> r.method().equals("PUT")).toList();
    }

    private void process(BridgeRuntime bridge, String name, String content) throws Exception {
        folders.drop("generic", name, content);
        assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
    }

    @Test
    void an_older_event_never_overwrites_a_newer_one_and_delivered_is_final() throws Exception {
        try (BridgeRuntime bridge = bridge().start()) {
            process(bridge, "first.csv", HEADER + "INV-100020,NZC20,A,DELIVERED,2026-12-01T14:00:00+13:00,Jo\n"
                    + "INV-100021,NZC21,A,IN_TRANSIT,2026-12-01T14:00:00+13:00,\n");
            process(bridge, "late.csv", HEADER + "INV-100020,NZC20,A,IN_TRANSIT,2026-12-02T09:00:00+13:00,\n"
                    + "INV-100021,NZC21,A,PICKED_UP,2026-12-01T08:00:00+13:00,\n");
            assertThat(invoice("INV-100020").get("deliveryStatusCode").asText()).isEqualTo("DELV");
            assertThat(invoice("INV-100021").get("deliveryStatusCode").asText()).isEqualTo("INTR");
            List<CSVRecord> late = folders.report("late.csv");
            assertThat(late.get(0).get("outcome")).isEqualTo("superseded");
            assertThat(late.get(0).get("reason")).contains("already delivered, and delivered is final");
            assertThat(late.get(1).get("outcome")).isEqualTo("unchanged");

            process(bridge, "older.csv", HEADER + "INV-100021,NZC21,A,DELIVERY_EXCEPTION,2026-12-01T09:00:00+13:00,\n");
            assertThat(invoice("INV-100021").get("deliveryStatusCode").asText()).isEqualTo("INTR");
            assertThat(folders.report("older.csv").get(0).get("outcome")).isEqualTo("superseded");
            assertThat(folders.report("older.csv").get(0).get("reason")).contains("newer than this one");
            assertThat(puts()).hasSize(2);
        }
    }

    @Test
    void several_consignments_share_the_50_character_reference_and_what_does_not_fit_is_reported() throws Exception {
        try (BridgeRuntime bridge = bridge().start()) {
            StringBuilder file = new StringBuilder(HEADER);
            for (int i = 1; i <= 6; i++) {
                file.append("INV-100030,CONSIGNMENT-0").append(i).append(",A,IN_TRANSIT,2026-12-01T1").append(i).append(":00:00+13:00,\n");
            }
            process(bridge, "many.csv", file.toString());
            String reference = invoice("INV-100030").get("courierReference").asText();
            assertThat(reference).isEqualTo("CONSIGNMENT-01, CONSIGNMENT-02, CONSIGNMENT-03").hasSizeLessThanOrEqualTo(50);
            List<CSVRecord> report = folders.report("many.csv");
            assertThat(report.get(3).get("outcome")).isEqualTo("failed");
            assertThat(report.get(3).get("reason")).contains("CONSIGNMENT-04 did not fit the 50-character courier reference");
            assertThat(puts()).as("six events, one write").hasSize(1);
        }
    }

    @Test
    void text_is_repaired_for_infusions_rules_and_the_report_says_so_or_rejected_by_policy() throws Exception {
        try (BridgeRuntime bridge = bridge().start()) {
            process(bridge, "spaces.csv", HEADER + "inv-100040 ,\" NZC\u00a040  1 \",A,DELIVERED,2026-12-01T14:00:00+13:00,\"A\u00a0 Ngata\"\n");
            assertThat(invoice("INV-100040").get("courierReference").asText()).isEqualTo("NZC 40 1");
            CSVRecord row = folders.report("spaces.csv").get(0);
            assertThat(row.get("outcome")).isEqualTo("applied");
            assertThat(row.get("reason")).contains("consignment repaired for Infusion's text rules").contains("UNICODE_SPACE");
        }
        try (BridgeRuntime bridge = TestBridge.against(sandbox, TestDatabases.h2(dir.resolve("strict")), dir.resolve("data"))
                .with("bridge.sync.delay", "600000").with("bridge.pod.read-lock-min-age", "200").with("bridge.pod.poll-delay", "200")
                .with("bridge.pod.text-policy", "reject").start()) {
            process(bridge, "strict.csv", HEADER + "INV-100041,NZC  41,A,DELIVERED,2026-12-01T14:00:00+13:00,\n");
            assertThat(invoice("INV-100041").get("courierReference").isNull()).isTrue();
            assertThat(folders.report("strict.csv").get(0).get("outcome")).isEqualTo("invalid");
            assertThat(folders.report("strict.csv").get(0).get("reason")).contains("breaks Infusion's text rules (DOUBLE_SPACE)");
        }
    }

    @Test
    void a_version_conflict_syncs_the_invoice_and_writes_once_more() throws Exception {
        try (BridgeRuntime bridge = bridge().start()) {
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            // Someone edits the invoice in Infusion after the mirror synced it: the mirror's version is stale.
            admin.change(EntityType.CUSTOMER_INVOICES, invoice("INV-100050").get("uuid").asText(),
                    InfusionJson.mapper().createObjectNode().put("deliveryStatusCode", "PKD"));
            admin.clearRequests();
            process(bridge, "conflict.csv", HEADER + "INV-100050,NZC50,A,DELIVERED,2026-12-01T14:00:00+13:00,\n");
            assertThat(invoice("INV-100050").get("courierReference").asText()).isEqualTo("NZC50");
            assertThat(invoice("INV-100050").get("versionNumber").asLong()).isEqualTo(2);
            assertThat(puts()).extracting(SandboxAdmin.Logged::status).containsExactly(409, 200);
            assertThat(folders.report("conflict.csv").get(0).get("outcome")).isEqualTo("applied");
        }
    }

    @Test
    void a_new_carrier_is_a_new_profile_file_and_its_folder_no_java() throws Exception {
        Path carriers = dir.resolve("carriers");
        java.nio.file.Files.createDirectories(carriers);
        java.nio.file.Files.writeString(carriers.resolve("courier-c.properties"), String.join("\n",
                "delimiter=tab", "charset=ISO-8859-1",
                "column.invoice=Kundenref", "column.consignment=Sendung", "column.status=Zustand",
                "column.event-date=Datum", "event-date.format=dd.MM.yyyy", "column.event-time=Zeit", "event-time.format=HH:mm",
                "time-zone=Europe/Berlin", "column.signed-by=Empfänger",
                "status.IN_TRANSIT=Unterwegs", "status.DELIVERED=Zugestellt, Abgeliefert", "invoice-pattern=INV-\\\\d{6}"));
        try (BridgeRuntime bridge = bridge().with("bridge.pod.profiles-dir", carriers.toString()).start()) {
            assertThat(dir.resolve("data/inbox/pod/courier-c")).as("the bridge makes the new carrier's folder").isDirectory();
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            byte[] latin1 = ("Sendung\tKundenref\tZustand\tDatum\tZeit\tEmpfänger\n"
                    + "DE-1\tAuftrag inv-100080 / Lager\tUnterwegs\t01.12.2026\t08:00\t\n"
                    + "DE-1\tAuftrag inv-100080 / Lager\tabgeliefert\t01.12.2026\t15:30\tJörg Müller\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            java.nio.file.Files.write(dir.resolve("data/inbox/pod/courier-c/sendungen.txt"), latin1);
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
        }
        assertThat(invoice("INV-100080").get("courierReference").asText()).isEqualTo("DE-1");
        assertThat(invoice("INV-100080").get("deliveryStatusCode").asText()).isEqualTo("DELV");
        List<CSVRecord> report = folders.report("sendungen.txt");
        assertThat(report).extracting(r -> r.get("outcome")).containsExactly("superseded", "applied");
        assertThat(puts()).hasSize(1);
    }

    @Test
    void a_bridge_holding_back_a_refused_file_stops_at_once_and_keeps_the_file() throws Exception {
        BridgeRuntime bridge = bridge().with("bridge.pod.refused-retry-delay", "120000").start();
        try {
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            admin.roles("READ");
            folders.drop("generic", "held.csv", HEADER + "INV-100061,NZC61,A,DELIVERED,2026-12-01T14:00:00+13:00,\n");
            Eventually.holds(Duration.ofSeconds(15), "the write was refused", () -> puts().stream().anyMatch(r -> r.status() == 403));
        } finally {
            long started = System.nanoTime();
            bridge.close();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the stop waits for nothing like the 120 s hold-back")
                    .isLessThan(Duration.ofSeconds(20));
        }
        assertThat(folders.files("inbox/pod")).extracting(p -> p.getFileName().toString())
                .filteredOn(n -> !n.endsWith(".camelLock")).containsExactly("held.csv");
        assertThat(folders.files("failed")).isEmpty();
        assertThat(puts()).hasSize(1);
    }

    @Test
    void a_missing_permission_keeps_the_file_in_the_inbox_until_it_is_granted() throws Exception {
        try (BridgeRuntime bridge = bridge().start()) {
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            admin.roles("READ");
            folders.drop("generic", "refused.csv", HEADER + "INV-100060,NZC60,A,DELIVERED,2026-12-01T14:00:00+13:00,\n");
            Eventually.holds(Duration.ofSeconds(15), "the write was refused", () -> puts().stream().anyMatch(r -> r.status() == 403));
            Thread.sleep(1000);
            assertThat(folders.files("inbox/pod")).extracting(p -> p.getFileName().toString())
                    .filteredOn(n -> !n.endsWith(".camelLock")).containsExactly("refused.csv");
            assertThat(puts()).as("a refused file is retried after bridge.pod.refused-retry-delay, not hammered").hasSizeLessThanOrEqualTo(3);
            assertThat(folders.files("failed")).isEmpty();
            admin.roles("READ", "WRITE");
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            assertThat(invoice("INV-100060").get("courierReference").asText()).isEqualTo("NZC60");
            assertThat(folders.files("processed")).hasSize(1);
            assertThat(puts()).filteredOn(r -> r.status() == 200).hasSize(1);
        }
    }

    @Test
    void malformed_files_go_to_failed_with_a_report_while_a_good_file_beside_them_is_applied() throws Exception {
        try (BridgeRuntime bridge = bridge().start()) {
            folders.drop("generic", "empty.csv", "");
            folders.drop("generic", "header-only.csv", HEADER);
            folders.drop("generic", "binary.csv", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 8, 0, 0, (byte) 0xff, (byte) 0xfe});
            folders.drop("generic", "wrong-columns.csv", "Consignment;Reference;Event;EventDateTime;ReceivedBy\nCB-1;INV-100070;Delivered;2026-12-02 08:00;\n");
            folders.drop("generic", "unterminated.csv", HEADER + "INV-100071,NZC71,A,DELIVERED,2026-12-01T14:00:00+13:00,\"never closed\n"
                    + "INV-100072,NZC72,A,DELIVERED,2026-12-01T14:00:00+13:00,\n");
            folders.drop("generic", "latin1.csv", (HEADER + "INV-100073,NZC73,A,DELIVERED,2026-12-01T14:00:00+13:00,Ren\u00e9\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            folders.drop("unknown-carrier", "x.csv", HEADER);
            folders.drop("generic", "good.csv", HEADER + "INV-100074,NZC74,A,DELIVERED,2026-12-01T14:00:00+13:00,\n");
            assertThat(bridge.awaitIdle(Duration.ofSeconds(60)).idle()).isTrue();

            assertThat(invoice("INV-100074").get("courierReference").asText()).isEqualTo("NZC74");
            assertThat(invoice("INV-100072").get("courierReference").isNull()).as("nothing of a rejected file is written").isTrue();
            assertThat(folders.files("processed")).extracting(p -> p.getFileName().toString()).allMatch(n -> n.endsWith("good.csv"));
            assertThat(folders.files("failed")).hasSize(7);
            assertThat(folders.report("empty.csv").get(0).get("reason")).contains("the file is empty");
            assertThat(folders.report("header-only.csv").get(0).get("reason")).contains("a header but no rows");
            assertThat(folders.report("binary.csv").get(0).get("reason")).contains("binary");
            assertThat(folders.report("wrong-columns.csv").get(0).get("reason")).contains("missing columns invoice_number, consignment_number");
            assertThat(folders.report("unterminated.csv").get(0).get("reason")).contains("cannot read row 1").contains("EOF reached before encapsulated token finished");
            assertThat(folders.report("latin1.csv").get(0).get("reason")).contains("not UTF-8 text");
            assertThat(folders.report("x.csv").get(0).get("reason")).contains("no carrier profile 'unknown-carrier'");
            assertThat(folders.files("inbox/pod")).isEmpty();
        }
    }

    @Test
    void report_cells_that_a_spreadsheet_would_run_are_defused() throws Exception {
        try (BridgeRuntime bridge = bridge().start()) {
            process(bridge, "formula.csv", HEADER + "=HYPERLINK(\"http://evil\"),NZC80,A,DELIVERED,2026-12-01T14:00:00+13:00,\n"
                    + "INV-100081,@SUM(A1),A,TELEPORTED,2026-12-01T14:00:00+13:00,\n");
            List<CSVRecord> report = folders.report("formula.csv");
            assertThat(report).allSatisfy(r -> r.forEach(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("@")
                    .doesNotStartWith("+").doesNotStartWith("-")));
            assertThat(report.get(0).get("outcome")).isEqualTo("invalid");
            assertThat(report.get(1).get("reason")).contains("unknown status \"TELEPORTED\"");
        }
    }
}
