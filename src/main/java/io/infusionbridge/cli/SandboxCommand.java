package io.infusionbridge.cli;

import io.infusionbridge.sandbox.SandboxServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code bridge sandbox}: only the Infusion simulator, until stopped. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run only the Infusion sandbox (the API under /api, controls under /sandbox/admin) until Ctrl-C.")
class SandboxCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "8090", description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Override
    public Integer call() throws Exception {
        SandboxServer sandbox = new SandboxServer(port).start();
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-shutdown"));
        System.out.println("Infusion sandbox: API at " + sandbox.baseUrl() + ", controls at " + sandbox.adminUrl());
        // The sandbox's tokens are public test values, printed so a bridge can be pointed at it.
        System.out.println("  INFUSION_BASE_URL=" + sandbox.baseUrl());
        System.out.println("  INFUSION_LICENSE_UUID=" + sandbox.licenseUuid());
        System.out.println("  INFUSION_SESSION_UUID=" + sandbox.sessionUuid());
        Thread.currentThread().join();
        return 0;
    }
}
