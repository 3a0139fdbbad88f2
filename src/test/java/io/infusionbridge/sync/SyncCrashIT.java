package io.infusionbridge.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.sandbox.SandboxServer;
import io.infusionbridge.support.BridgeProcess;
import io.infusionbridge.support.SandboxAdmin;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The bridge is killed (SIGKILL) in the middle of an initial sync; after a restart the mirror equals Infusion. */
class SyncCrashIT {


    @TempDir
    Path dir;

    private Process start(SandboxServer sandbox, String... args) throws Exception {
        return BridgeProcess.start(dir, sandbox, Map.of("BRIDGE_SYNC_PAGE_SIZE", "500"), List.of(), args);
    }

    @ParameterizedTest(name = "killed after {0} invoice pages")
    @ValueSource(ints = {2, 9, 23})
    void a_kill_minus_9_mid_sync_and_a_restart_converge_the_mirror(int killAfter) throws Exception {
        try (SandboxServer sandbox = new SandboxServer(0).start()) {
            sandbox.generateInvoices(12_000, 300_001);
            SandboxAdmin admin = new SandboxAdmin(sandbox.adminUrl());
            Process first = start(sandbox, "run");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (sandbox.requestLog().stream().filter(r -> r.path().equals("/sync/customerInvoices") && r.status() == 200).count() < killAfter
                    && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            // Infusion changes while the bridge is down.
            JsonNode changed = admin.entities(EntityType.CUSTOMER_INVOICES).get(7);
            admin.change(EntityType.CUSTOMER_INVOICES, changed.get("uuid").asText(),
                    io.infusionbridge.infusion.InfusionJson.mapper().createObjectNode().put("courierReference", "WHILE-DOWN"));

            Process second = start(sandbox, "run", "--until-idle", "--max-wait", "PT3M");
            assertThat(second.waitFor(4, TimeUnit.MINUTES)).isTrue();
            assertThat(second.exitValue()).as("restart; see bridge.log").isZero();

            for (EntityType type : EntityType.values()) {
                Map<String, Long> infusion = new HashMap<>();
                for (JsonNode r : admin.entities(type)) {
                    infusion.put(r.get("uuid").asText(), r.get("versionNumber").asLong());
                }
                assertThat(mirror(type)).as(type + " converged after a kill after " + killAfter + " pages").isEqualTo(infusion);
            }
        }
    }

    private Map<String, Long> mirror(EntityType type) throws Exception {
        Map<String, Long> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/mirror/bridge").toAbsolutePath() + ";AUTO_SERVER=TRUE", "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT uuid, version_number FROM " + MirrorTable.of(type).table())) {
            while (rs.next()) {
                rows.put(rs.getObject(1).toString(), rs.getLong(2));
            }
        }
        return rows;
    }
}
