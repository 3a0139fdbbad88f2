package io.infusionbridge.runtime;

import io.infusionbridge.infusion.ApiLimits;
import io.infusionbridge.infusion.InfusionContract;
import io.infusionbridge.pod.CarrierRowMapper;
import io.infusionbridge.pod.PodStatus;
import org.apache.camel.util.TimeUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Every setting of the bridge, read from {@code config/application.properties}, each overridable by an
 * environment variable of the same name in upper case with dots and dashes as underscores
 * ({@code infusion.session-uuid} → {@code INFUSION_SESSION_UUID}). Validated once, at start-up.
 */
public final class BridgeSettings {

    public static final String BUNDLED_CONFIG = "defaults/config/application.properties";
    public static final String DEFAULT_CONFIG = "config/application.properties";
    private static final String[] SECRET_KEYS = {"infusion.license-uuid", "infusion.session-uuid", "bridge.webhooks.secret"};
    private static final Pattern UUID_FORMAT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Properties resolved;
    private final String source;

    private BridgeSettings(Properties resolved, String source) {
        this.resolved = resolved;
        this.source = source;
    }

    /**
     * Reads the config file (or the one bundled in the jar when {@code configFile} does not exist), then applies
     * environment variables, then {@code overrides} (what a command itself decides, e.g. the demo's sandbox).
     */
    public static BridgeSettings load(Path configFile, Map<String, String> env, Map<String, String> overrides) {
        String[] source = new String[1];
        Properties resolved = read(configFile, env, overrides, source);
        BridgeSettings settings = new BridgeSettings(resolved, source[0]);
        settings.validate();
        return settings;
    }

    /** The settings as read, without checking them: for commands that need only a part (e.g. the contract). */
    public static Properties loadUnvalidated(Path configFile, Map<String, String> env) {
        return read(configFile, env, Map.of(), new String[1]);
    }

    private static Properties read(Path configFile, Map<String, String> env, Map<String, String> overrides, String[] sourceOut) {
        // The bundled file names every setting with its default; the user's file overrides it.
        Properties file = new Properties();
        try (InputStream in = BridgeSettings.class.getClassLoader().getResourceAsStream(BUNDLED_CONFIG)) {
            if (in != null) {
                file.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new SettingsException("cannot read the settings bundled in the jar: " + e.getMessage());
        }
        String source = "the settings bundled in the jar";
        if (configFile != null && configFile.toString().equals(DEFAULT_CONFIG)) {
            configFile = BridgeHome.locate(DEFAULT_CONFIG).orElse(configFile);
        }
        if (configFile != null && Files.isRegularFile(configFile)) {
            try (Reader in = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                file.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new SettingsException("cannot read settings file " + configFile + ": " + e.getMessage());
            }
            source = configFile.toString();
        } else if (configFile != null && !configFile.toString().equals(DEFAULT_CONFIG)) {
            throw new SettingsException("settings file " + configFile + " does not exist");
        }
        Properties resolved = new Properties();
        for (String key : file.stringPropertyNames()) {
            resolved.setProperty(key, file.getProperty(key).trim());
        }
        env.forEach((name, value) -> {
            for (String key : file.stringPropertyNames()) {
                if (envName(key).equals(name)) {
                    resolved.setProperty(key, value.trim());
                }
            }
        });
        overrides.forEach(resolved::setProperty);
        // The secrets file wins: it is the place a new session ID is written while the bridge runs.
        Path secrets = secretsFile(resolved);
        if (secrets != null && Files.isRegularFile(secrets)) {
            Properties secret = new Properties();
            try (Reader in = Files.newBufferedReader(secrets, StandardCharsets.UTF_8)) {
                secret.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new SettingsException("cannot read secrets file " + secrets + ": " + e.getMessage());
            }
            for (String key : SECRET_KEYS) {
                if (!secret.getProperty(key, "").isBlank()) {
                    resolved.setProperty(key, secret.getProperty(key).strip());
                }
            }
        }
        sourceOut[0] = source;
        return resolved;
    }

    private static Path secretsFile(Properties resolved) {
        String file = resolved.getProperty("bridge.secrets-file", "").trim();
        return file.isEmpty() ? null : Path.of(file);
    }

    /** The secrets file, watched for a new session ID; null when none is set. */
    public Path secretsFile() {
        return secretsFile(resolved);
    }

    public boolean readOnly() {
        return bool("bridge.read-only", false);
    }

    public int httpPort() {
        return integer("bridge.http-port", 8080, 0, 65535);
    }

    public String webhookAuthHeader() {
        return optional("bridge.webhooks.auth-header", "X-Infusion-Webhook-Secret");
    }

    /** The value Infusion must send in the webhook auth header; empty when webhooks are not set up. */
    public String webhookSecret() {
        return optional("bridge.webhooks.secret", "");
    }

    public boolean mailEnabled() {
        return bool("bridge.mail.enabled", false);
    }

    /** Camel's mail endpoint for the configured server: smtp, smtp with STARTTLS, or smtps. */
    public String mailUri() {
        String security = optional("bridge.mail.security", "none").toLowerCase(Locale.ROOT);
        String scheme = switch (security) {
            case "none", "starttls" -> "smtp";
            case "ssl" -> "smtps";
            default -> throw new SettingsException(describe("bridge.mail.security") + " must be none, starttls or ssl, was '" + security + "'");
        };
        StringBuilder uri = new StringBuilder(scheme + "://" + optional("bridge.mail.host", "127.0.0.1") + ":"
                + integer("bridge.mail.port", security.equals("ssl") ? 465 : 25, 1, 65535)
                + "?from=" + optional("bridge.mail.from", "infusion-bridge@localhost") + "&contentType=text/plain;charset=UTF-8");
        String user = optional("bridge.mail.user", "");
        if (!user.isEmpty()) {
            uri.append("&username=").append(user).append("&password=RAW(").append(optional("bridge.mail.password", "")).append(")");
        }
        if (security.equals("starttls")) {
            uri.append("&mail.smtp.starttls.enable=true&mail.smtp.starttls.required=true");
        }
        return uri.toString();
    }

    public Duration alertQuietPeriod() {
        return duration("bridge.mail.alerts.quiet-period", Duration.ofMinutes(15));
    }

    public Duration syncFailingAlertAfter() {
        return duration("bridge.mail.alerts.sync-failing-after", Duration.ofMinutes(30));
    }

    public java.time.ZoneId digestZone() {
        try {
            return java.time.ZoneId.of(optional("bridge.digest.time-zone", "Pacific/Auckland"));
        } catch (RuntimeException e) {
            throw new SettingsException(describe("bridge.digest.time-zone") + " is not a time zone such as Pacific/Auckland");
        }
    }

    public Path exportsDir() {
        return dataDir().resolve("outbox").resolve("exports");
    }

    public Duration exportRetention() {
        return duration("bridge.exports.delta-retention", Duration.ofDays(7));
    }

    /** The snapshot CSV's columns per entity (fields of the record), from bridge.exports.snapshot.<entity>.columns. */
    public Map<io.infusionbridge.infusion.EntityType, java.util.List<String>> snapshotColumns() {
        Map<io.infusionbridge.infusion.EntityType, java.util.List<String>> columns = new java.util.EnumMap<>(io.infusionbridge.infusion.EntityType.class);
        for (io.infusionbridge.infusion.EntityType type : io.infusionbridge.infusion.EntityType.values()) {
            String list = optional("bridge.exports.snapshot." + type.key() + ".columns", "");
            columns.put(type, java.util.Arrays.stream(list.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList());
        }
        return columns;
    }

    public int keepAliveDays() {
        return integer("bridge.session.keepalive-days", 7, 1, 59);
    }

    private boolean bool(String key, boolean otherwise) {
        String value = optional(key, String.valueOf(otherwise));
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new SettingsException(describe(key) + " must be true or false, was '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** {@code infusion.session-uuid} → {@code INFUSION_SESSION_UUID}. */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Where the settings came from, for the start-up log. */
    public String source() {
        return source;
    }

    /** Every resolved setting, for Camel's property placeholders in routes. */
    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(resolved);
        // Routes name folders by this absolute form of the data dir, whatever the working directory.
        copy.setProperty("bridge.data-path", dataDir().toAbsolutePath().normalize().toString().replace('\\', '/'));
        copy.setProperty("camel.server.port", String.valueOf(httpPort()));
        copy.setProperty("bridge.mail.uri", mailUri());
        copy.setProperty("camel.management.port", String.valueOf(httpPort()));
        return copy;
    }

    public URI baseUrl() {
        return URI.create(required("infusion.base-url"));
    }

    public String licenseUuid() {
        return required("infusion.license-uuid");
    }

    public String sessionUuid() {
        return required("infusion.session-uuid");
    }

    public Path dataDir() {
        return Path.of(optional("bridge.data-dir", "data"));
    }

    /**
     * The mirror's JDBC URL: {@code bridge.db.url}, or an H2 file database under the data dir. H2 writes each
     * commit at once (WRITE_DELAY=0): a killed process must not lose a write it already recorded.
     */
    public String dbUrl() {
        String url = optional("bridge.db.url", "");
        return url.isEmpty()
                ? "jdbc:h2:file:" + dataDir().resolve("mirror").resolve("bridge").toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0"
                : url;
    }

    public String dbUser() {
        return optional("bridge.db.user", dbUrl().startsWith("jdbc:h2:") ? "sa" : "");
    }

    public String dbPassword() {
        return optional("bridge.db.password", "");
    }

    public String dbSchema() {
        return optional("bridge.db.schema", "");
    }

    /** How long a step waits for a database connection before it counts the database as unreachable. */
    public Duration dbConnectionTimeout() {
        return Duration.ofMillis(integer("bridge.db.connection-timeout", 10_000, 250, Integer.MAX_VALUE));
    }

    public int syncPageSize() {
        return integer("bridge.sync.page-size", 500, 1, 1000);
    }

    /** The folder of carrier profiles, or null for the ones bundled in the jar. */
    public Path podProfilesDir() {
        String dir = optional("bridge.pod.profiles-dir", "config/carriers");
        Path path = Path.of(dir);
        return java.nio.file.Files.isDirectory(path) ? path : BridgeHome.locate(dir).orElse(null);
    }

    public CarrierRowMapper.TextPolicy podTextPolicy() {
        String value = optional("bridge.pod.text-policy", "normalise");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "normalise", "normalize" -> CarrierRowMapper.TextPolicy.NORMALISE;
            case "reject" -> CarrierRowMapper.TextPolicy.REJECT;
            default -> throw new SettingsException(describe("bridge.pod.text-policy") + " must be normalise or reject, was '" + value + "'");
        };
    }

    /** Infusion's delivery status code for each status of the bridge's vocabulary. */
    public Map<PodStatus, String> podStatusCodes() {
        Map<PodStatus, String> codes = new java.util.EnumMap<>(PodStatus.class);
        for (PodStatus status : PodStatus.values()) {
            codes.put(status, required("bridge.pod.status-code." + status.name()));
        }
        return codes;
    }

    public boolean podDeliveredIsFinal() {
        return bool("bridge.pod.delivered-is-final", true);
    }

    public InfusionContract contract() {
        try {
            return InfusionContract.from(resolved);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
    }

    public ApiLimits apiLimits() {
        return new ApiLimits(
                integer("infusion.rate-limit.requests-per-second", 10, 0, 1000),
                duration("infusion.rate-limit.spacing-margin", Duration.ofMillis(5)),
                integer("infusion.retry.max-attempts", 10, 1, 100),
                duration("infusion.retry.initial-backoff", Duration.ofMillis(200)),
                duration("infusion.retry.max-backoff", Duration.ofSeconds(10)),
                integer("infusion.circuit-breaker.failure-rate-percent", 50, 1, 100),
                integer("infusion.circuit-breaker.minimum-calls", 20, 1, 10_000),
                duration("infusion.circuit-breaker.open-for", Duration.ofSeconds(30)),
                duration("infusion.request-timeout", Duration.ofSeconds(30)),
                duration("infusion.session.probe-interval", Duration.ofMinutes(1)));
    }

    public String get(String key, String otherwise) {
        return optional(key, otherwise);
    }

    private void validate() {
        String base = required("infusion.base-url");
        try {
            URI uri = new URI(base);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new SettingsException(describe("infusion.base-url") + " must be an http(s) URL such as https://example.infusion.online/api, was '" + base + "'");
            }
        } catch (java.net.URISyntaxException e) {
            throw new SettingsException(describe("infusion.base-url") + " is not a URL: '" + base + "'");
        }
        for (String token : new String[] {"infusion.license-uuid", "infusion.session-uuid"}) {
            if (!UUID_FORMAT.matcher(required(token)).matches()) {
                // The value is a secret: say what is wrong without showing it.
                throw new SettingsException(describe(token) + " is not a UUID (expected 8-4-4-4-12 hex digits)");
            }
        }
        String url = dbUrl();
        if (!url.startsWith("jdbc:")) {
            throw new SettingsException(describe("bridge.db.url") + " must be a JDBC URL such as jdbc:postgresql://host:5432/db");
        }
        dbConnectionTimeout();
        syncPageSize();
        apiLimits();
        contract();
        podTextPolicy();
        podStatusCodes();
        podDeliveredIsFinal();
        readOnly();
        httpPort();
        keepAliveDays();
        mailEnabled();
        mailUri();
        alertQuietPeriod();
        syncFailingAlertAfter();
        integer("bridge.mail.alerts.check-period", 60000, 100, Integer.MAX_VALUE);
        digestZone();
        exportRetention();
        bool("bridge.exports.enabled", false);
        integer("bridge.pod.poll-delay", 1000, 10, 3_600_000);
        integer("bridge.pod.read-lock-min-age", 1500, 0, 3_600_000);
        integer("bridge.sync.delay", 60000, 10, Integer.MAX_VALUE);
    }

    private String required(String key) {
        String value = resolved.getProperty(key, "").trim();
        if (value.isEmpty()) {
            String file = source.startsWith("the settings bundled") ? DEFAULT_CONFIG : source;
            throw new SettingsException(describe(key) + " is missing: set it in " + file + " or in the environment");
        }
        return value;
    }

    private String optional(String key, String otherwise) {
        String value = resolved.getProperty(key, "").trim();
        return value.isEmpty() ? otherwise : value;
    }

    private int integer(String key, int otherwise, int min, int max) {
        String value = optional(key, String.valueOf(otherwise));
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new SettingsException(describe(key) + " must be a whole number from " + min + " to " + max + ", was '" + value + "'");
        }
    }

    private Duration duration(String key, Duration otherwise) {
        String value = optional(key, "");
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            return TimeUtils.toDuration(value);
        } catch (RuntimeException e) {
            throw new SettingsException(describe(key) + " must be a duration such as 500ms, 10s or 5m, was '" + value + "'");
        }
    }

    private static String describe(String key) {
        return "setting " + key + " (env " + envName(key) + ")";
    }
}
