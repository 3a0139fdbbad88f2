package io.infusionbridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Every secret the test suite hands out, noted so that SecretsScanIT can look for them in the suite's logs. */
public final class IssuedSecrets {

    public static final Path FILE = Path.of("target", "test-logs", "issued-secrets.txt");

    private IssuedSecrets() {
    }

    public static synchronized String remember(String secret) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secret;
    }

    public static List<String> all() throws IOException {
        return Files.exists(FILE) ? Files.readAllLines(FILE).stream().filter(s -> !s.isBlank()).distinct().toList() : List.of();
    }
}
