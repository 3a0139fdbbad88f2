package io.infusionbridge.runtime;

import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.sandbox.SandboxServer;
import io.infusionbridge.support.Eventually;
import io.infusionbridge.support.Http;
import io.infusionbridge.support.IssuedSecrets;
import io.infusionbridge.support.PodFolders;
import io.infusionbridge.support.SandboxAdmin;
import io.infusionbridge.support.TestBridge;
import io.infusionbridge.support.TestDatabases;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every log line (at DEBUG), every report and file the bridge writes, and its health output, while it syncs,
 * is refused a session and a permission, gets a new session ID, applies a carrier file and takes webhooks:
 * none holds a token or the webhook secret.
 */
class SecretsStayOutOfLogsTest {

    private static final String WEBHOOK_SECRET = IssuedSecrets.remember("wh-secret-5d1e88b7c0aa");

    @TempDir
    Path dir;

    @Test
    void no_secret_appears_in_any_log_line_report_file_or_health_output() throws Exception {
        StringWriter captured = new StringWriter();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        WriterAppender appender = WriterAppender.newBuilder().setName("capture").setTarget(captured)
                .setLayout(PatternLayout.newBuilder().withPattern("%c %m %throwable%n").build()).build();
        appender.start();
        LoggerConfig root = config.getRootLogger();
        Level rootLevel = root.getLevel();
        root.addAppender(appender, Level.ALL, null);
        root.setLevel(Level.DEBUG);
        Level bridgeLevel = config.getLoggerConfig("io.infusionbridge").getLevel();
        config.getLoggerConfig("io.infusionbridge").setLevel(Level.DEBUG);
        config.getLoggerConfig("io.infusionbridge").addAppender(appender, Level.ALL, null);
        context.updateLoggers();
        List<String> secrets = new ArrayList<>(List.of(WEBHOOK_SECRET));
        List<String> health = new ArrayList<>();
        Path data = dir.resolve("data");
        try (SandboxServer sandbox = new SandboxServer(0).start()) {
            SandboxAdmin admin = new SandboxAdmin(sandbox.adminUrl());
            secrets.add(sandbox.licenseUuid());
            secrets.add(sandbox.sessionUuid());
            Path secretsFile = dir.resolve("secrets.properties");
            Files.writeString(secretsFile, "infusion.session-uuid=" + sandbox.sessionUuid() + "\nbridge.webhooks.secret=" + WEBHOOK_SECRET + "\n");
            int port = Http.freePort();
            String healthUrl = "http://127.0.0.1:" + port + "/observe/health";
            try (BridgeRuntime bridge = TestBridge.against(sandbox, TestDatabases.h2(dir), data).with("bridge.secrets-file", secretsFile.toString())
                    .with("bridge.http-port", String.valueOf(port)).with("bridge.pod.read-lock-min-age", "200")
                    .with("bridge.pod.poll-delay", "200").with("bridge.pod.refused-retry-delay", "500").start()) {
                assertThat(bridge.awaitIdle(Duration.ofSeconds(60)).idle()).isTrue();
                PodFolders folders = new PodFolders(data);
                String webhook = "http://127.0.0.1:" + port + "/webhooks/infusion";
                Http.post(webhook, "X-Infusion-Webhook-Secret", WEBHOOK_SECRET, "{\"entityType\":\"Product\"}");
                Http.post(webhook, "X-Infusion-Webhook-Secret", "wrong-" + WEBHOOK_SECRET, "{\"entityType\":\"Product\"}");

                admin.roles("READ");
                folders.dropSample("generic", "generic.csv");
                Eventually.holds(Duration.ofSeconds(10), "403", () -> admin.requests().stream().anyMatch(r -> r.status() == 403));
                health.add(Http.get(healthUrl).body());
                admin.roles("READ", "WRITE");

                secrets.add(admin.regenerateSession());
                Eventually.holds(Duration.ofSeconds(10), "401", () -> admin.requests().stream().anyMatch(r -> r.status() == 401));
                health.add(Http.get(healthUrl).body());
                String fresh = admin.regenerateSession();
                secrets.add(fresh);
                Files.writeString(secretsFile, "infusion.session-uuid=" + fresh + "\nbridge.webhooks.secret=" + WEBHOOK_SECRET + "\n");
                assertThat(bridge.awaitIdle(Duration.ofSeconds(60)).idle()).isTrue();
                Eventually.holds(Duration.ofSeconds(10), "the file was applied", () -> folders.files("processed").size() == 1);
                health.add(Http.get(healthUrl).body());
                assertThat(admin.entities(EntityType.CUSTOMER_INVOICES).stream().filter(i -> i.get("invoiceNumber").asText().equals("INV-100001"))
                        .findFirst().orElseThrow().get("courierReference").asText()).isEqualTo("NZC1000001");
            }
        } finally {
            root.removeAppender("capture");
            config.getLoggerConfig("io.infusionbridge").removeAppender("capture");
            root.setLevel(rootLevel);
            config.getLoggerConfig("io.infusionbridge").setLevel(bridgeLevel);
            context.updateLoggers();
        }
        String logs = captured.toString();
        assertThat(logs).as("the scenario really happened").contains("sync round").contains("User not authorised")
                .contains("Infusion refused the session").contains("Infusion tokens read from").contains("webhook refused");
        StringBuilder written = new StringBuilder();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("mirror")).toList()) {
                written.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        }
        assertThat(written.toString()).as("reports were written").contains("row,invoice,consignment,status,outcome,reason");
        for (String secret : secrets) {
            assertThat(logs).as("logs").doesNotContain(secret);
            assertThat(written.toString()).as("reports and files").doesNotContain(secret);
            assertThat(String.join("\n", health)).as("health output").doesNotContain(secret);
        }
    }
}
