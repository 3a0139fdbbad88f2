package io.infusionbridge.cli;

import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.runtime.BridgeSettings;
import io.infusionbridge.sandbox.SandboxServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bridge demo}: the same routes against a seeded sandbox and an embedded H2 under {@code data/demo/}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the routes on embedded defaults: a seeded Infusion sandbox on a free port and an H2 mirror under data/demo/.")
class DemoCommand implements Callable<Integer> {

    @Mixin
    RuntimeOptions options;

    @Option(names = "--until-idle", description = "Exit once every route has finished its current work.")
    boolean untilIdle;

    @Option(names = "--max-wait", paramLabel = "DURATION", defaultValue = "PT10M",
            description = "With --until-idle: give up (exit 1) after this long (default ${DEFAULT-VALUE}).")
    Duration maxWait;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data/demo", description = "Where the demo keeps its files (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        try (SandboxServer sandbox = new SandboxServer(0).start()) {
            Map<String, String> demo = new LinkedHashMap<>();
            demo.put("infusion.base-url", sandbox.baseUrl());
            demo.put("infusion.license-uuid", sandbox.licenseUuid());
            demo.put("infusion.session-uuid", sandbox.sessionUuid());
            demo.put("bridge.data-dir", dataDir.toString());
            demo.put("bridge.db.url", "");
            demo.put("bridge.db.schema", "");
            BridgeSettings settings = options.settings(demo);
            System.out.println("Demo: Infusion sandbox at " + sandbox.baseUrl() + " (controls at " + sandbox.adminUrl() + ")");
            System.out.println("Demo: mirror in H2 at " + dataDir.resolve("mirror") + "/");
            return RunCommand.runBridge(settings, options, untilIdle, maxWait, (runtime, result) -> {
                Map<EntityType, long[]> counts = runtime.store().counts();
                System.out.println();
                System.out.println("Demo: the mirror now holds");
                System.out.printf("  %-28s %8s %8s%n", "entity", "live", "deleted");
                counts.forEach((type, c) -> System.out.printf("  %-28s %8d %8d%n", type.key(), c[0], c[1]));
                System.out.println("Demo: " + runtime.client().requestsSent() + " requests to Infusion, "
                        + runtime.client().rateLimitedAnswers() + " answered 429");
                if (!untilIdle) {
                    System.out.println("Demo: the routes keep running; change data through " + sandbox.adminUrl()
                            + " and watch it arrive. Ctrl-C stops.");
                }
            });
        }
    }
}
