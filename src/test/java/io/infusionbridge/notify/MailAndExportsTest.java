package io.infusionbridge.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.InfusionJson;
import io.infusionbridge.runtime.BridgeRuntime;
import io.infusionbridge.support.AgainstSandbox;
import io.infusionbridge.support.Eventually;
import io.infusionbridge.support.Http;
import io.infusionbridge.support.PodFolders;
import io.infusionbridge.support.TestBridge;
import io.infusionbridge.support.TestDatabases;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Alerts and the digest through a real SMTP server (GreenMail); exports written for other tools. */
class MailAndExportsTest extends AgainstSandbox {

    @TempDir
    Path dir;

    GreenMail smtp;
    PodFolders folders;

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(Http.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        folders = new PodFolders(dir.resolve("data"));
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private TestBridge bridge(String quietPeriod) {
        return TestBridge.against(sandbox, TestDatabases.h2(dir), dir.resolve("data"))
                .with("bridge.mail.enabled", "true").with("bridge.mail.port", String.valueOf(smtp.getSmtp().getPort()))
                .with("bridge.mail.alerts.to", "ops@example.com").with("bridge.mail.digest.to", "accounts@example.com")
                .with("bridge.mail.from", "bridge@example.com").with("bridge.mail.alerts.quiet-period", quietPeriod)
                .with("bridge.pod.read-lock-min-age", "200").with("bridge.pod.poll-delay", "200")
                .with("bridge.pod.refused-retry-delay", "1000");
    }

    private List<MimeMessage> mails(String subjectContains) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(subjectContains);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String text(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }

    @Test
    void each_alert_says_what_happened_and_what_to_do_to_the_alert_recipients() throws Exception {
        try (BridgeRuntime bridge = bridge("15m").with("bridge.mail.alerts.sync-failing-after", "1s")
                .with("bridge.mail.alerts.check-period", "500").start()) {
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            folders.drop("generic", "empty.csv", "");
            folders.dropSample("generic", "generic.csv");
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();

            MimeMessage failed = mails("Carrier file moved to failed/: empty.csv").get(0);
            assertThat(failed.getAllRecipients()).extracting(Object::toString).containsExactly("ops@example.com");
            assertThat(failed.getFrom()).extracting(Object::toString).containsExactly("bridge@example.com");
            assertThat(text(failed)).contains("What happened:").contains("the file is empty").contains("What to do:");

            MimeMessage rows = mails("1 row(s) of generic.csv not applied").get(0);
            assertThat(text(rows)).contains("row 7 (INV-999999, NZC1000099): not-found").contains("reports/");

            admin.roles("READ");
            folders.drop("generic", "refused.csv", "invoice_number,consignment_number,carrier,status,event_time,signed_by\n"
                    + "INV-100150,NZC150,A,DELIVERED,2026-12-01T14:00:00+13:00,\n");
            Eventually.holds(Duration.ofSeconds(15), "the permission alert", () -> !mails("a permission is missing").isEmpty());
            assertThat(text(mails("a permission is missing").get(0))).contains("PUT /customerInvoices/").contains("role");
            admin.roles("READ", "WRITE");

            admin.regenerateSession();
            Eventually.holds(Duration.ofSeconds(15), "the session alert", () -> !mails("Infusion refused the session").isEmpty());
            assertThat(text(mails("Infusion refused the session").get(0))).contains("a new session ID was generated");
            Eventually.holds(Duration.ofSeconds(15), "the sync-watch route's alert", () -> !mails("Sync of ").isEmpty());
            assertThat(text(mails("Sync of ").get(0))).contains("has failed since").contains("What to do:");
        }
    }

    @Test
    void at_most_one_alert_per_kind_per_quiet_period_and_the_next_says_how_many_were_held_back() throws Exception {
        try (BridgeRuntime bridge = bridge("6s").start()) {
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            folders.drop("generic", "a.csv", "");
            folders.drop("generic", "b.csv", "");
            folders.drop("generic", "c.csv", "");
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            assertThat(mails("Carrier file moved to failed/")).hasSize(1);
            Thread.sleep(6200);
            folders.drop("generic", "d.csv", "");
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            List<MimeMessage> failed = mails("Carrier file moved to failed/");
            assertThat(failed).hasSize(2);
            assertThat(text(failed.get(1))).contains("2 more alert(s) of this kind were held back");
        }
    }

    @Test
    void the_digest_lists_each_delivered_invoice_once_even_across_a_restart() throws Exception {
        try (BridgeRuntime bridge = bridge("15m").start()) {
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            folders.dropSample("generic", "generic.csv");
            folders.dropSample("courier-b", "courier-b-pod.csv");
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            bridge.context().createFluentProducerTemplate().to("direct:delivered-digest").send();
        }
        List<MimeMessage> digests = mails("Delivered invoices");
        assertThat(digests).hasSize(1);
        MimeMessage digest = digests.get(0);
        assertThat(digest.getAllRecipients()).extracting(Object::toString).containsExactly("accounts@example.com");
        Multipart parts = (Multipart) digest.getContent();
        String html = null;
        String csv = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null && part.getFileName().endsWith(".csv")) {
                csv = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } else {
                html = part.getContent().toString();
            }
        }
        assertThat(html).contains("<table").contains("INV-100001").contains("Customer 2 Ltd").contains("J Smith");
        assertThat(csv.lines().toList()).containsExactly(
                "invoice,customer,consignment,delivered_at,signed_by,note",
                "INV-100004,Customer 5 Ltd,NZC1000004,2026-12-01 12:00,\"O'Brien, Pat\",",
                "INV-100001,Customer 2 Ltd,NZC1000001,2026-12-01 14:03,J Smith,",
                "INV-100009,Customer 10 Ltd,CB-55001,2026-12-02 12:45,A Ngata,",
                "INV-100010,Customer 11 Ltd,CB-55003,2026-12-02 13:12,Front desk,");

        try (BridgeRuntime restarted = bridge("15m").start()) {
            assertThat(restarted.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            restarted.context().createFluentProducerTemplate().to("direct:delivered-digest").send();
            assertThat(mails("Delivered invoices")).as("an empty digest is not sent").hasSize(1);
            folders.drop("generic", "more.csv", "invoice_number,consignment_number,carrier,status,event_time,signed_by\n"
                    + "INV-100160,NZC160,A,DELIVERED,2026-12-03T10:00:00+13:00,Sam\n");
            assertThat(restarted.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            restarted.context().createFluentProducerTemplate().to("direct:delivered-digest").send();
        }
        List<MimeMessage> after = mails("Delivered invoices");
        assertThat(after).hasSize(2);
        assertThat(after.get(1).getSubject()).contains("1 to send");
        String second = GreenMailUtil.getWholeMessage(after.get(1));
        assertThat(second).contains("INV-100160").doesNotContain("INV-100001");
    }

    @Test
    void a_digest_cut_off_by_a_stop_goes_into_the_next_one_marked_as_possibly_sent() throws Exception {
        try (BridgeRuntime bridge = bridge("15m").start()) {
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            folders.dropSample("generic", "generic.csv");
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            // The stop falls between reserving the digest's invoices and the mail going out.
            DeliveredDigest digest = bridge.context().getRegistry().lookupByNameAndType("deliveredDigest", DeliveredDigest.class);
            org.apache.camel.Exchange cutOff = new org.apache.camel.support.DefaultExchange(bridge.context());
            digest.prepare(cutOff);
            assertThat(cutOff.getMessage().getHeader(DeliveredDigest.LINES, Integer.class)).isEqualTo(2);
        }
        assertThat(mails("Delivered invoices")).isEmpty();

        try (BridgeRuntime restarted = bridge("15m").start()) {
            assertThat(restarted.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            restarted.context().createFluentProducerTemplate().to("direct:delivered-digest").send();
            restarted.context().createFluentProducerTemplate().to("direct:delivered-digest").send();
        }
        List<MimeMessage> digests = mails("Delivered invoices");
        assertThat(digests).as("sent once, then nothing left to send").hasSize(1);
        String whole = GreenMailUtil.getWholeMessage(digests.get(0));
        assertThat(whole).contains("2 of them may already be in the digest that was being sent when the bridge stopped");
        assertThat(csvAttachment(digests.get(0)).lines().toList()).containsExactly(
                "invoice,customer,consignment,delivered_at,signed_by,note",
                "INV-100004,Customer 5 Ltd,NZC1000004,2026-12-01 12:00,\"O'Brien, Pat\"," + DeliveredDigest.MAYBE_SENT_NOTE,
                "INV-100001,Customer 2 Ltd,NZC1000001,2026-12-01 14:03,J Smith," + DeliveredDigest.MAYBE_SENT_NOTE);
    }

    private static String csvAttachment(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null && part.getFileName().endsWith(".csv")) {
                return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no CSV attachment");
    }

    @Test
    void a_round_that_ends_on_an_empty_page_still_closes_its_export() throws Exception {
        admin.fullPageMeansMore();
        int products = admin.entities(EntityType.PRODUCTS).size();
        assertThat(products % 20).as("the seed fills whole pages of 20").isZero();
        try (BridgeRuntime bridge = bridge("15m").with("bridge.exports.enabled", "true").with("bridge.sync.delay", "600000")
                .with("bridge.sync.page-size", "20").start()) {
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            Path folder = dir.resolve("data/outbox/exports/products");
            Eventually.holds(Duration.ofSeconds(10), "the export", () -> deltas(folder).size() == 1);
            assertThat(Files.readAllLines(deltas(folder).get(0))).hasSize(products);
            assertThat(Files.readAllLines(folder.resolve("products-snapshot.csv"))).hasSize(products + 1);
        }
        assertThat(admin.requests()).as("whole pages, then the empty one that ends the round")
                .filteredOn(r -> r.path().equals("/sync/products")).hasSize(products / 20 + 1);
    }

    @Test
    void an_export_holds_exactly_the_changes_of_a_sync_run_deletions_included() throws Exception {
        try (BridgeRuntime bridge = bridge("15m").with("bridge.exports.enabled", "true").with("bridge.sync.delay", "600000").start()) {
            assertThat(bridge.awaitIdle(Duration.ofSeconds(30)).idle()).isTrue();
            Path products = dir.resolve("data/outbox/exports/products");
            Eventually.holds(Duration.ofSeconds(10), "the first export", () -> deltas(products).size() == 1);
            assertThat(Files.readAllLines(deltas(products).get(0))).hasSize(admin.entities(EntityType.PRODUCTS).size());

            List<JsonNode> all = admin.entities(EntityType.PRODUCTS);
            String changed = all.get(0).get("uuid").asText();
            String deleted = all.get(1).get("uuid").asText();
            admin.change(EntityType.PRODUCTS, changed, InfusionJson.mapper().createObjectNode().put("description", "Renamed"));
            admin.delete(EntityType.PRODUCTS, deleted);
            String created = admin.create(EntityType.PRODUCTS, InfusionJson.mapper().createObjectNode().put("code", "P-NEW")
                    .put("description", "New").put("productGroup", "FOOD").put("sellPrice", 1.5).putNull("imageUrl")).get("uuid").asText();
            // One sync run after all three changes, as a webhook would ask for it.
            ((io.infusionbridge.infusion.component.InfusionSyncConsumer) bridge.context().getRoute("sync-products").getConsumer()).requestRound();
            Eventually.holds(Duration.ofSeconds(15), "the second export", () -> deltas(products).size() == 2);

            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(deltas(products).get(1))) {
                lines.add(InfusionJson.mapper().readTree(line));
            }
            Map<String, String> changes = lines.stream().collect(Collectors.toMap(l -> l.at("/record/uuid").asText(), l -> l.get("change").asText()));
            assertThat(changes).containsExactlyInAnyOrderEntriesOf(Map.of(changed, "updated", deleted, "deleted", created, "created"));
            assertThat(lines).filteredOn(l -> l.get("change").asText().equals("deleted"))
                    .allSatisfy(l -> assertThat(l.at("/record/deletedTimestamp").isNull()).isFalse());

            List<String> snapshot = Files.readAllLines(products.resolve("products-snapshot.csv"));
            assertThat(snapshot.get(0)).isEqualTo("code,description,productGroup,sellPrice,imageUrl");
            assertThat(snapshot).hasSize(all.size() + 1).anyMatch(l -> l.startsWith("P-NEW,New,FOOD,1.5"));
        }
    }

    @Test
    void a_reader_polling_the_export_folder_never_sees_a_partial_file() throws Exception {
        admin.call("POST", "/generate/customerInvoices?count=20000", null);
        admin.rateLimit(0);
        Path invoices = dir.resolve("data/outbox/exports/customerInvoices");
        AtomicBoolean done = new AtomicBoolean();
        List<String> problems = new ArrayList<>();
        int[] reads = new int[1];
        int[] polls = new int[1];
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try (Stream<Path> files = Files.list(invoices)) {
                    polls[0]++;
                    for (Path file : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                        List<String> lines = Files.readAllLines(file);
                        reads[0]++;
                        if (file.toString().endsWith(".ndjson")) {
                            for (String line : lines) {
                                InfusionJson.mapper().readTree(line);
                            }
                            if (lines.size() < 20_000) {
                                problems.add(file.getFileName() + " had only " + lines.size() + " lines");
                            }
                        } else if (!lines.isEmpty() && !lines.get(0).startsWith("invoiceNumber")) {
                            problems.add(file.getFileName() + " had no header");
                        }
                    }
                } catch (java.nio.file.NoSuchFileException notYet) {
                    // The folder or a file appears or moves: look again.
                } catch (Exception e) {
                    problems.add(e.toString());
                }
            }
        });
        reader.start();
        try (BridgeRuntime bridge = bridge("15m").with("bridge.exports.enabled", "true").with("bridge.sync.page-size", "1000")
                .with("infusion.rate-limit.requests-per-second", "0").start()) {
            assertThat(bridge.awaitIdle(Duration.ofSeconds(120)).idle()).isTrue();
            Eventually.holds(Duration.ofSeconds(30), "the snapshot", () -> Files.exists(invoices.resolve("customerInvoices-snapshot.csv")));
        } finally {
            done.set(true);
            reader.join();
        }
        assertThat(problems).isEmpty();
        assertThat(polls[0]).as("the reader looked into the folder many times while it was written").isGreaterThan(10);
        assertThat(reads[0]).as("and read the finished files").isGreaterThan(0);
        assertThat(deltas(invoices)).hasSize(1);
        assertThat(Files.readAllLines(deltas(invoices).get(0))).hasSize(20_200);
    }

    private static List<Path> deltas(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-delta.ndjson")).sorted().toList();
        }
    }
}
