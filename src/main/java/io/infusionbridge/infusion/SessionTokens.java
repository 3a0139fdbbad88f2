package io.infusionbridge.infusion;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The tokens every request carries, from the settings, or from a secrets file that wins over them and is
 * watched: a new session ID written there is used within seconds, without a restart.
 */
public final class SessionTokens implements Supplier<InfusionCredentials>, AutoCloseable {

    public static final String LICENSE_KEY = "infusion.license-uuid";
    public static final String SESSION_KEY = "infusion.session-uuid";

    private static final Logger LOG = LoggerFactory.getLogger(SessionTokens.class);

    private final Path secretsFile;
    private final InfusionCredentials configured;
    private volatile InfusionCredentials current;
    private volatile FileTime seen;
    private ScheduledExecutorService watcher;

    public SessionTokens(InfusionCredentials configured, Path secretsFile) {
        this.configured = configured;
        this.secretsFile = secretsFile;
        this.current = configured;
        reload();
    }

    /** Checks the secrets file every {@code seconds} from now on. */
    public SessionTokens watch(long seconds) {
        if (secretsFile != null && watcher == null) {
            watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "secrets-watch");
                t.setDaemon(true);
                return t;
            });
            watcher.scheduleWithFixedDelay(this::reload, seconds, seconds, TimeUnit.SECONDS);
        }
        return this;
    }

    @Override
    public InfusionCredentials get() {
        return current;
    }

    /** Reads the secrets file again if it changed; answers whether the tokens changed. */
    public synchronized boolean reload() {
        if (secretsFile == null || !Files.isRegularFile(secretsFile)) {
            return false;
        }
        try {
            FileTime modified = Files.getLastModifiedTime(secretsFile);
            if (modified.equals(seen)) {
                return false;
            }
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(secretsFile, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            seen = modified;
            InfusionCredentials read = new InfusionCredentials(
                    p.getProperty(LICENSE_KEY, configured.licenseUuid()).strip(),
                    p.getProperty(SESSION_KEY, configured.sessionUuid()).strip());
            if (read.equals(current)) {
                return false;
            }
            InfusionCredentials before = current;
            current = read;
            LOG.info("Infusion tokens read from {}: session {} (was {})", secretsFile, Secrets.mask(read.sessionUuid()),
                    Secrets.mask(before.sessionUuid()));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("cannot read the secrets file {}: {}", secretsFile, e.getMessage());
            return false;
        }
    }

    /** Where a new session ID should go, for messages. */
    public String whereToPutIt() {
        if (secretsFile == null) {
            return "INFUSION_SESSION_UUID (" + SESSION_KEY + "; read at start)";
        }
        String file = secretsFile + " as " + SESSION_KEY + "=... (read within seconds, no restart)";
        // While the file does not exist the environment counts; once it does, the file wins.
        return Files.isRegularFile(secretsFile) ? file : file + ", or in INFUSION_SESSION_UUID (read at start)";
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}
