package io.infusionbridge.runtime;

import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.error.InfusionException;
import io.infusionbridge.sandbox.SandboxServer;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every log line written while the bridge syncs, fails on 401 and 403, and stops, is free of tokens. */
class SecretsStayOutOfLogsTest {

    @TempDir
    Path dir;

    @Test
    void no_token_appears_in_any_log_line_even_at_debug() throws Exception {
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
        String newSession;
        try (SandboxServer sandbox = new SandboxServer(0).start()) {
            SandboxAdmin admin = new SandboxAdmin(sandbox.adminUrl());
            try (BridgeRuntime bridge = TestBridge.against(sandbox, TestDatabases.h2(dir), dir.resolve("data")).start()) {
                assertThat(bridge.awaitIdle(Duration.ofSeconds(60)).idle()).isTrue();
                admin.roles("READ");
                String uuid = admin.entities(EntityType.CUSTOMER_INVOICES).get(0).get("uuid").asText();
                try {
                    bridge.client().update(EntityType.CUSTOMER_INVOICES, uuid, 0, Map.of("courierReference", "X1"));
                } catch (InfusionException expected) {
                    org.slf4j.LoggerFactory.getLogger(getClass()).warn("write refused", expected);
                }
                newSession = admin.regenerateSession();
                Thread.sleep(1500);
            }
            assertThat(captured.toString()).as("something was logged").contains("sync round").contains("User not authorised")
                    .contains("Infusion refused the session");
            assertThat(captured.toString()).doesNotContain(sandbox.licenseUuid()).doesNotContain(SandboxServer.DEFAULT_SESSION_UUID)
                    .doesNotContain(newSession);
        } finally {
            root.removeAppender("capture");
            config.getLoggerConfig("io.infusionbridge").removeAppender("capture");
            root.setLevel(rootLevel);
            config.getLoggerConfig("io.infusionbridge").setLevel(bridgeLevel);
            context.updateLoggers();
        }
    }
}
