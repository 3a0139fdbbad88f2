package io.infusionbridge.cli;

import io.infusionbridge.runtime.BridgeSettings;
import io.infusionbridge.runtime.RouteSource;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/** Options shared by the commands that load settings and routes. */
final class RuntimeOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (default: ${DEFAULT-VALUE}; the jar's bundled settings when absent)",
            defaultValue = BridgeSettings.DEFAULT_CONFIG)
    Path config;

    @Option(names = "--routes", paramLabel = "DIR", description = "Folder of YAML and XML route files (default: routes/ when present, else the bundled routes)")
    Path routes;

    BridgeSettings settings(Map<String, String> overrides) {
        return BridgeSettings.load(config, System.getenv(), overrides);
    }

    RouteSource routeSource() {
        return RouteSource.resolve(routes);
    }
}
