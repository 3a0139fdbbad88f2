package io.infusionbridge.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.InfusionJson;
import io.infusionbridge.pod.PodSummary;
import io.infusionbridge.runtime.BridgeRuntime;
import io.infusionbridge.runtime.BridgeSettings;
import io.infusionbridge.runtime.RouteSource;
import io.infusionbridge.sandbox.SandboxServer;
import io.infusionbridge.sync.MirrorStore;
import io.infusionbridge.sync.SyncReconciler;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The benchmark's scenarios, each against its own sandbox over real HTTP and its own database: write-back
 * at the API limit, the pipeline's ceiling, the initial sync, and end-to-end latency.
 */
public final class BridgeBench {

    private final Path work;
    private final RouteSource routes;

    public BridgeBench(Path work, RouteSource routes) {
        this.work = work;
        this.routes = routes;
    }

    private BridgeSettings settings(SandboxServer sandbox, Path dataDir, Map<String, String> extra) throws IOException {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("infusion.base-url", sandbox.baseUrl());
        s.put("infusion.license-uuid", sandbox.licenseUuid());
        s.put("infusion.session-uuid", sandbox.sessionUuid());
        s.put("bridge.secrets-file", "");
        s.put("bridge.data-dir", dataDir.toString());
        s.put("bridge.db.url", "");
        s.put("bridge.db.schema", "");
        s.put("bridge.http-port", String.valueOf(freePort()));
        s.put("bridge.sync.delay", "600000");
        s.put("bridge.sync.page-size", "1000");
        s.put("bridge.pod.poll-delay", "100");
        s.put("bridge.pod.read-lock-min-age", "200");
        s.put("bridge.mail.enabled", "false");
        s.put("bridge.exports.enabled", "false");
        s.putAll(extra);
        return BridgeSettings.load(null, Map.of(), s);
    }

    /** Write-back of {@code invoices} changed invoices with the sandbox at Infusion's real limit. */
    public List<BenchFigure> writeBack(int invoices) throws Exception {
        String scenario = "write-back at the API limit (" + invoices + " invoices)";
        try (SandboxServer sandbox = new SandboxServer(0).start()) {
            sandbox.generateInvoices(invoices, 300_001);
            Path data = work.resolve("write-back");
            try (BridgeRuntime bridge = new BridgeRuntime(settings(sandbox, data, Map.of())).start(routes)) {
                bridge.awaitIdle(Duration.ofMinutes(5));
                sandbox.clearRequestLog();
                HeapWatch.reset();
                StringBuilder file = new StringBuilder("invoice_number,consignment_number,carrier,status,event_time,signed_by\n");
                for (int i = 0; i < invoices; i++) {
                    file.append("INV-").append(300_001 + i).append(",BENCH").append(i).append(",A,DELIVERED,2026-12-01T14:00:00+13:00,Bench\n");
                }
                long dropped = System.currentTimeMillis();
                drop(data, "generic", "bench-write-back.csv", file.toString());
                bridge.awaitIdle(Duration.ofMinutes(10));
                List<SandboxServer.LoggedRequest> log = sandbox.requestLog();
                List<SandboxServer.LoggedRequest> puts = log.stream().filter(r -> r.method().equals("PUT")).toList();
                long lastPut = puts.stream().mapToLong(SandboxServer.LoggedRequest::atMillis).max().orElse(dropped);
                double wall = (lastPut - dropped) / 1000.0;
                double ideal = invoices / 10.0;
                PodSummary summary = bridge.podReport().recent().get(bridge.podReport().recent().size() - 1);
                long rateLimited = log.stream().filter(r -> r.status() == 429).count();
                return List.of(
                        new BenchFigure(scenario, "wall time, file dropped to last write (s)", fmt(wall), "the API's 10 requests/s"),
                        new BenchFigure(scenario, "ideal N/10 (s)", fmt(ideal), ""),
                        new BenchFigure(scenario, "ratio wall/ideal", fmt(wall / ideal), "5 ms spacing margin per request, read lock"),
                        new BenchFigure(scenario, "write requests per changed invoice", fmt((double) puts.size() / summary.writes()), ""),
                        new BenchFigure(scenario, "429 answers", String.valueOf(rateLimited), ""),
                        new BenchFigure(scenario, "most requests in any 1000 ms", String.valueOf(SandboxServer.mostInAnySecond(log.stream().filter(SandboxServer.LoggedRequest::counted).map(SandboxServer.LoggedRequest::atMillis).toList())), "the limit (10)"),
                        new BenchFigure(scenario, "peak heap (MB)", String.valueOf(HeapWatch.peakMegabytes()), "-Xmx " + HeapWatch.maxHeapMegabytes() + " MB"));
            }
        }
    }

    /** Rows per second through parse, map, validate, coalesce and match, with the sandbox's limit lifted. */
    public List<BenchFigure> pipeline(int rows, int invoices) throws Exception {
        String scenario = "pipeline ceiling (" + rows + " rows, " + invoices + " invoices, -Xmx " + HeapWatch.maxHeapMegabytes() + " MB)";
        try (SandboxServer sandbox = new SandboxServer(0).start()) {
            sandbox.setRequestsPerSecond(0);
            sandbox.generateInvoices(invoices, 300_001);
            Path data = work.resolve("pipeline");
            try (BridgeRuntime bridge = new BridgeRuntime(settings(sandbox, data, Map.of("infusion.rate-limit.requests-per-second", "0",
                    "bridge.read-only", "true"))).start(routes)) {
                bridge.awaitIdle(Duration.ofMinutes(5));
                HeapWatch.reset();
                SyntheticPodFile.drop(data.resolve("inbox/pod/generic"), "bench-pipeline.csv", rows, invoices, 300_001);
                bridge.awaitIdle(Duration.ofMinutes(10));
                PodSummary summary = bridge.podReport().recent().get(0);
                double seconds = summary.pipelineMillis() / 1000.0;
                return List.of(
                        new BenchFigure(scenario, "rows per second", String.valueOf(Math.round(rows / seconds)), "one core parsing CSV (the route is sequential per file)"),
                        new BenchFigure(scenario, "pipeline time (s)", fmt(seconds), ""),
                        new BenchFigure(scenario, "peak heap (MB)", String.valueOf(HeapWatch.peakMegabytes()), "distinct invoices held while coalescing; rows are staged on disk"));
            }
        }
    }

    /** The initial sync of {@code records} invoices into H2 and PostgreSQL, limit lifted; then at the real limit. */
    public List<BenchFigure> initialSync(int records, String postgresUrl) throws Exception {
        List<BenchFigure> figures = new ArrayList<>();
        try (SandboxServer sandbox = new SandboxServer(0).start()) {
            sandbox.generateInvoices(records - 200, 300_001);
            sandbox.setRequestsPerSecond(0);
            figures.addAll(syncOnce(sandbox, "H2", Map.of("infusion.rate-limit.requests-per-second", "0"), "unlimited"));
            String schema = "bench_" + UUID.randomUUID().toString().substring(0, 8);
            if (postgresReachable(postgresUrl)) {
                try {
                    figures.addAll(syncOnce(sandbox, "PostgreSQL", Map.of("infusion.rate-limit.requests-per-second", "0",
                            "bridge.db.url", postgresUrl, "bridge.db.user", "postgres", "bridge.db.schema", schema), "unlimited"));
                } finally {
                    dropSchema(postgresUrl, schema);
                }
            } else {
                figures.add(new BenchFigure("initial sync into PostgreSQL", "skipped", "-", "no PostgreSQL at " + postgresUrl));
            }
            sandbox.setRequestsPerSecond(10);
            figures.addAll(syncOnce(sandbox, "H2", Map.of(), "at the real limit"));
        }
        return figures;
    }

    private List<BenchFigure> syncOnce(SandboxServer sandbox, String database, Map<String, String> extra, String limit) throws Exception {
        Path data = work.resolve("sync-" + database.toLowerCase(Locale.ROOT) + "-" + limit.replace(' ', '-'));
        try (BridgeRuntime bridge = new BridgeRuntime(settings(sandbox, data, extra)).open()) {
            MirrorStore store = bridge.store();
            SyncReconciler sync = new SyncReconciler(bridge.client(), store, 1000);
            bridge.client().resetSyncCursor(EntityType.CUSTOMER_INVOICES);
            long before = bridge.client().requestsSent();
            HeapWatch.reset();
            long started = System.nanoTime();
            var outcome = sync.syncOnce(EntityType.CUSTOMER_INVOICES);
            double seconds = (System.nanoTime() - started) / 1e9;
            long requests = bridge.client().requestsSent() - before;
            int records = outcome.inserted();
            String scenario = "initial sync of " + records + " invoices into " + database + " (" + limit + ")";
            List<BenchFigure> figures = new ArrayList<>(List.of(
                    new BenchFigure(scenario, "records per second", String.valueOf(Math.round(records / seconds)),
                            limit.equals("unlimited") ? "storing each 1000-record page in one transaction before asking for the next" : "the API's 10 requests/s and the store time per page"),
                    new BenchFigure(scenario, "time (s)", fmt(seconds), ""),
                    new BenchFigure(scenario, "requests", String.valueOf(requests), "pages of 1000 records"),
                    new BenchFigure(scenario, "peak heap (MB)", String.valueOf(HeapWatch.peakMegabytes()), "the sandbox's 100,000 invoices share this JVM")));
            if (!limit.equals("unlimited")) {
                double ideal = requests / 10.0;
                figures.add(new BenchFigure(scenario, "ideal pages/10 (s)", fmt(ideal), ""));
                figures.add(new BenchFigure(scenario, "ratio time/ideal", fmt(seconds / ideal), "each page is stored before the next is asked for"));
            }
            return figures;
        }
    }

    /** Median and 95th percentile: a dropped file to the invoice updated, and a webhook to the change in the mirror. */
    public List<BenchFigure> latency(int runs) throws Exception {
        try (SandboxServer sandbox = new SandboxServer(0).start()) {
            Path data = work.resolve("latency");
            String secret = UUID.randomUUID().toString();
            int port = freePort();
            try (BridgeRuntime bridge = new BridgeRuntime(settings(sandbox, data, Map.of("bridge.http-port", String.valueOf(port),
                    "bridge.webhooks.secret", secret))).start(routes)) {
                bridge.awaitIdle(Duration.ofMinutes(2));
                bridge.client().registerWebhook("CustomerInvoice", "http://127.0.0.1:" + port + "/webhooks/infusion",
                        "X-Infusion-Webhook-Secret", secret);
                List<Double> pod = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    int number = 100_101 + i;
                    String uuid = SandboxServer.invoiceUuid(number);
                    long started = System.nanoTime();
                    drop(data, "generic", "latency-" + i + ".csv", "invoice_number,consignment_number,carrier,status,event_time,signed_by\n"
                            + "INV-" + number + ",LAT" + i + ",A,DELIVERED,2026-12-01T14:00:00+13:00,\n");
                    String expected = "LAT" + i;
                    waitFor(() -> expected.equals(sandbox.entity(EntityType.CUSTOMER_INVOICES, uuid).path("courierReference").asText()));
                    pod.add((System.nanoTime() - started) / 1e6);
                }
                List<Double> webhook = new ArrayList<>();
                MirrorStore store = bridge.store();
                for (int i = 0; i < runs; i++) {
                    String uuid = SandboxServer.invoiceUuid(100_001 + i);
                    String value = "HOOK" + i;
                    long started = System.nanoTime();
                    sandbox.change(EntityType.CUSTOMER_INVOICES, uuid, InfusionJson.mapper().createObjectNode().put("courierReference", value));
                    waitFor(() -> value.equals(mirrorReference(store, uuid)));
                    webhook.add((System.nanoTime() - started) / 1e6);
                }
                String podScenario = "latency: file dropped -> invoice updated (" + runs + " runs)";
                String hookScenario = "latency: webhook -> change in the mirror (" + runs + " runs)";
                return List.of(
                        new BenchFigure(podScenario, "median (ms)", fmt(percentile(pod, 50)), "the read lock (file unchanged 200 ms) and the 100 ms inbox poll"),
                        new BenchFigure(podScenario, "95th percentile (ms)", fmt(percentile(pod, 95)), ""),
                        new BenchFigure(hookScenario, "median (ms)", fmt(percentile(webhook, 50)), "the 1 s debounce that turns a burst into one sync (triggerDelay)"),
                        new BenchFigure(hookScenario, "95th percentile (ms)", fmt(percentile(webhook, 95)), ""));
            }
        }
    }

    private static String mirrorReference(MirrorStore store, String uuid) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT courier_reference FROM customer_invoices WHERE uuid = ?")) {
            s.setObject(1, UUID.fromString(uuid));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the benchmark waited 60 s for a change that did not come");
            }
            Thread.sleep(5);
        }
    }

    private static void drop(Path data, String profile, String name, String content) throws IOException {
        Path inbox = Files.createDirectories(data.resolve("inbox/pod").resolve(profile));
        Path partial = inbox.resolve("." + name + ".part");
        Files.writeString(partial, content);
        Files.move(partial, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static boolean postgresReachable(String url) {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void dropSchema(String url, String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** The figures as JSON, for the file the bench writes beside its CSV. */
    public static String json(List<BenchFigure> figures, String machine) {
        ObjectNode root = InfusionJson.mapper().createObjectNode();
        root.put("machine", machine);
        ArrayNode list = root.putArray("figures");
        for (BenchFigure f : figures) {
            list.addObject().put("scenario", f.scenario()).put("measure", f.measure()).put("value", f.value()).put("limitedBy", f.limitedBy());
        }
        return root.toPrettyString();
    }
}
