package io.infusionbridge.runtime;

import io.infusionbridge.sandbox.SandboxServer;
import io.infusionbridge.support.IssuedSecrets;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After the unit suites: everything they logged (surefire's captured output of every test class) is
 * searched for every token and secret the suite handed out. None may appear.
 */
class SecretsScanIT {

    @Test
    void the_whole_suites_logs_hold_no_token_or_secret() throws Exception {
        List<String> secrets = new ArrayList<>(IssuedSecrets.all());
        secrets.add(SandboxServer.DEFAULT_LICENSE_UUID);
        secrets.add(SandboxServer.DEFAULT_SESSION_UUID);
        assertThat(secrets).as("the suite handed out regenerated sessions and webhook secrets").hasSizeGreaterThan(4);
        Path reports = Path.of("target", "surefire-reports");
        List<Path> logs;
        try (Stream<Path> files = Files.list(reports)) {
            logs = files.filter(p -> p.getFileName().toString().endsWith("-output.txt")).toList();
        }
        assertThat(logs).as("captured logs of the unit suites").hasSizeGreaterThan(5);
        long bytes = 0;
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            bytes += text.length();
            for (String secret : secrets) {
                assertThat(text).as(log.getFileName() + " must not hold a secret").doesNotContain(secret);
            }
        }
        assertThat(bytes).isGreaterThan(100_000);
    }
}
