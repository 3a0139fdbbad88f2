package io.infusionbridge.pod;

import io.infusionbridge.bench.SyntheticPodFile;
import io.infusionbridge.sandbox.SandboxServer;
import io.infusionbridge.support.BridgeProcess;
import io.infusionbridge.support.PodFolders;
import io.infusionbridge.support.SandboxAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A file of a million rows streams through a bridge process whose heap is capped at 128 MB. */
class PodLargeFileIT {

    private static final int ROWS = 1_000_000;
    private static final int INVOICES = 20;

    @TempDir
    Path dir;

    @Test
    void a_million_rows_in_bounded_memory() throws Exception {
        PodFolders folders = new PodFolders(dir.resolve("data"));
        SyntheticPodFile.drop(dir.resolve("data/inbox/pod/generic"), "million.csv", ROWS, INVOICES, 100_001);
        try (SandboxServer sandbox = new SandboxServer(0).start()) {
            SandboxAdmin admin = new SandboxAdmin(sandbox.adminUrl());
            Process bridge = BridgeProcess.start(dir, sandbox, Map.of("BRIDGE_POD_READ_LOCK_MIN_AGE", "200"),
                    List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError"), "run", "--until-idle");
            assertThat(bridge.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(bridge.exitValue()).as(Files.readString(dir.resolve("bridge.log"))).isZero();

            assertThat(admin.requests()).filteredOn(r -> r.method().equals("PUT")).as("one write per invoice").hasSize(INVOICES);
            List<Path> reports = folders.files("reports");
            assertThat(reports).hasSize(1);
            try (var lines = Files.lines(reports.get(0))) {
                assertThat(lines.count()).as("a report line per row, plus the header").isEqualTo(ROWS + 1);
            }
            assertThat(folders.files("processed")).hasSize(1);
        }
    }
}
