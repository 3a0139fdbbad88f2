package io.infusionbridge.support;

import io.infusionbridge.sandbox.SandboxServer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged jar started as its own process, as a user starts it, pointed at a sandbox. */
public final class BridgeProcess {

    public static final Path JAR = Path.of(System.getProperty("bridge.jar", "target/infusion-bridge.jar")).toAbsolutePath();

    private BridgeProcess() {
    }

    /**
     * Starts {@code java [jvmOptions] -jar bridge.jar args} in {@code dir} with the sandbox's settings, a free HTTP
     * port and data in {@code dir/data}, plus {@code env}; output goes to {@code dir/bridge.log}.
     */
    public static Process start(Path dir, SandboxServer sandbox, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("INFUSION_") || k.startsWith("BRIDGE_"));
        builder.environment().putAll(Map.of("INFUSION_BASE_URL", sandbox.baseUrl(), "INFUSION_LICENSE_UUID", sandbox.licenseUuid(),
                "INFUSION_SESSION_UUID", sandbox.sessionUuid(), "BRIDGE_DATA_DIR", "data",
                "BRIDGE_HTTP_PORT", String.valueOf(Http.freePort())));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("bridge.log").toFile()));
        return builder.start();
    }
}
