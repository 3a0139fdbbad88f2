package io.infusionbridge.support;

import io.infusionbridge.runtime.BridgeRuntime;
import io.infusionbridge.runtime.BridgeSettings;
import io.infusionbridge.runtime.RouteSource;
import io.infusionbridge.sandbox.SandboxServer;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the bridge's settings for a test: the sandbox, a database, a data folder, plus any overrides. */
public final class TestBridge {

    private final Map<String, String> settings = new LinkedHashMap<>();

    private TestBridge(SandboxServer sandbox, TestDatabases.Db db, Path dataDir) {
        settings.put("infusion.base-url", sandbox.baseUrl());
        settings.put("infusion.license-uuid", sandbox.licenseUuid());
        settings.put("infusion.session-uuid", sandbox.sessionUuid());
        settings.put("bridge.data-dir", dataDir.toString());
        settings.put("bridge.db.url", db.url());
        settings.put("bridge.db.user", db.user());
        settings.put("bridge.db.schema", db.schema());
        settings.put("bridge.sync.delay", "500");
        settings.put("bridge.http-port", String.valueOf(freePort()));
        settings.put("infusion.retry.initial-backoff", "50ms");
        settings.put("infusion.retry.max-backoff", "1s");
    }

    private static int freePort() {
        try {
            return Http.freePort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static TestBridge against(SandboxServer sandbox, TestDatabases.Db db, Path dataDir) {
        return new TestBridge(sandbox, db, dataDir);
    }

    public TestBridge with(String key, String value) {
        settings.put(key, value);
        return this;
    }

    public BridgeSettings settings() {
        return BridgeSettings.load(null, Map.of(), settings);
    }

    /** A runtime with the mirror and client open and no routes. */
    public BridgeRuntime open() throws Exception {
        return new BridgeRuntime(settings()).open();
    }

    /** A runtime running the project's own route files from {@code routes/}. */
    public BridgeRuntime start() throws Exception {
        return new BridgeRuntime(settings()).start(RouteSource.folder(Path.of("routes")));
    }
}
