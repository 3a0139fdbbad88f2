package io.infusionbridge.cli;

import io.infusionbridge.runtime.BridgeRuntime;
import io.infusionbridge.runtime.BridgeSettings;
import io.infusionbridge.runtime.IdleMonitor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bridge run}: the routes of {@code routes/} with the settings of {@code config/}, until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the routes in routes/ with config/application.properties until stopped (Ctrl-C).")
class RunCommand implements Callable<Integer> {

    @Mixin
    RuntimeOptions options;

    @Option(names = "--until-idle", description = "Exit once every route has finished its current work (one sync round done, inboxes empty).")
    boolean untilIdle;

    @Option(names = "--max-wait", paramLabel = "DURATION", defaultValue = "PT30M",
            description = "With --until-idle: give up (exit 1) after this long (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration maxWait;

    @Override
    public Integer call() throws Exception {
        BridgeSettings settings = options.settings(Map.of());
        return runBridge(settings, options, untilIdle, maxWait, null, null);
    }

    /** Starts the bridge and either waits for idle or runs until the JVM is asked to stop. */
    static int runBridge(BridgeSettings settings, RuntimeOptions options, boolean untilIdle, Duration maxWait,
                         Started started, IdleReport report) throws Exception {
        BridgeRuntime runtime = new BridgeRuntime(settings);
        Thread shutdown = new Thread(runtime::close, "bridge-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            runtime.start(options.routeSource());
            if (started != null) {
                started.run(runtime);
            }
            IdleMonitor.Result result = runtime.awaitIdle(untilIdle ? maxWait : Duration.ofDays(36500));
            if (report != null) {
                report.print(runtime, result);
            }
            if (!untilIdle) {
                Thread.currentThread().join();
            }
            result.problems().forEach(p -> System.err.println("infusion-bridge: not done: " + p));
            if (!result.idle()) {
                System.err.println("infusion-bridge: the routes were still busy after " + maxWait);
                return 1;
            }
            return result.problems().isEmpty() ? 0 : 1;
        } finally {
            runtime.close();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdown);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running: it closes the runtime itself.
            }
        }
    }

    /** Something to do once the routes have started. */
    interface Started {
        void run(BridgeRuntime runtime) throws Exception;
    }

    /** Something to print once the routes are first idle. */
    interface IdleReport {
        void print(BridgeRuntime runtime, IdleMonitor.Result result) throws Exception;
    }
}
