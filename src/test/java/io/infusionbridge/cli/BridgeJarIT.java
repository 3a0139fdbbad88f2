package io.infusionbridge.cli;

import io.infusionbridge.sandbox.SandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar, run as a user runs it: its own process, its own working directory. */
class BridgeJarIT {

    private static final Path JAR = Path.of(System.getProperty("bridge.jar", "target/infusion-bridge.jar")).toAbsolutePath();
    private static final Map<String, Integer> SEEDED = new LinkedHashMap<>();

    static {
        SEEDED.put("products", 40);
        SEEDED.put("customers", 25);
        SEEDED.put("customer_invoices", 200);
        SEEDED.put("customer_contract_rates", 30);
        SEEDED.put("product_promotional_prices", 15);
        SEEDED.put("discount_matrix_entries", 12);
    }

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run bridge(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("INFUSION_") || k.startsWith("BRIDGE_"));
        builder.environment().put("BRIDGE_HTTP_PORT", String.valueOf(io.infusionbridge.support.Http.freePort()));
        builder.environment().putAll(env);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("bridge " + String.join(" ", args) + " did not finish");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Map<String, Integer> mirrorCounts(Path dataDir) throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("mirror/bridge").toAbsolutePath() + ";AUTO_SERVER=TRUE", "sa", "");
             Statement s = c.createStatement()) {
            for (String table : SEEDED.keySet()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE deleted = FALSE")) {
                    rs.next();
                    counts.put(table, rs.getInt(1));
                }
            }
        }
        return counts;
    }

    @Test
    void demo_until_idle_exits_0_with_every_seeded_entity_in_the_h2_mirror() throws Exception {
        Run run = bridge(Map.of(), "demo", "--until-idle", "--data-dir", "demo-data");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Demo: the mirror now holds").contains("customerInvoices                  200");
        assertThat(mirrorCounts(dir.resolve("demo-data"))).isEqualTo(SEEDED);

        List<String> mails = new ArrayList<>();
        try (var files = Files.list(dir.resolve("demo-data/mail"))) {
            for (Path eml : files.filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
                mails.add(Files.readString(eml, StandardCharsets.UTF_8));
            }
        }
        assertThat(mails).as("the digest").anyMatch(m -> m.contains("Subject: [Infusion Bridge] Delivered invoices") && m.contains("text/csv"));
        assertThat(mails).as("the alert about the unknown invoice").anyMatch(m -> m.contains("INV-999999") && m.contains("not-found"));
        assertThat(Files.exists(dir.resolve("demo-data/outbox/exports/products/products-snapshot.csv"))).isTrue();
    }

    @Test
    void run_until_idle_against_an_infusion_fills_the_mirror_and_resync_reports_drift() throws Exception {
        try (SandboxServer sandbox = new SandboxServer(0).start()) {
            Map<String, String> env = Map.of("INFUSION_BASE_URL", sandbox.baseUrl(), "INFUSION_LICENSE_UUID", sandbox.licenseUuid(),
                    "INFUSION_SESSION_UUID", sandbox.sessionUuid(), "BRIDGE_DATA_DIR", "run-data");
            Run run = bridge(env, "run", "--until-idle");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(mirrorCounts(dir.resolve("run-data"))).isEqualTo(SEEDED);
            assertThat(run.out()).doesNotContain(sandbox.sessionUuid()).doesNotContain(sandbox.licenseUuid()).contains("2222…2222");

            Run resync = bridge(env, "resync", "customerInvoices");
            assertThat(resync.exit()).as(resync.err()).isZero();
            assertThat(resync.out()).contains("customerInvoices resync: 200 records in 1 pages; drift: 0 records");
        }
    }

    @Test
    void a_missing_setting_stops_start_up_with_one_clear_line() throws Exception {
        Run run = bridge(Map.of(), "run");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("infusion-bridge: setting infusion.license-uuid (env INFUSION_LICENSE_UUID) is missing:"
                + " set it in config/application.properties or in the environment");
    }

    @Test
    void every_command_has_help() throws Exception {
        for (String command : List.of("run", "demo", "sandbox", "resync", "contract", "webhooks", "bench")) {
            Run help = bridge(Map.of(), command, "--help");
            assertThat(help.exit()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: bridge " + command);
        }
        Run top = bridge(Map.of(), "--help");
        assertThat(top.out()).contains("run").contains("demo").contains("sandbox").contains("resync");
    }
}
