package io.infusionbridge.cli;

import io.infusionbridge.runtime.SettingsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bridge}: the entry point of the jar. */
@Command(name = "bridge", mixinStandardHelpOptions = true, versionProvider = BridgeCommand.Version.class,
        description = "Infusion Bridge: declarative Camel routes between Infusion Online and the world around it.",
        subcommands = {RunCommand.class, DemoCommand.class, SandboxCommand.class, ResyncCommand.class, WebhooksCommand.class, BenchCommand.class,
                ContractCommand.class, CommandLine.HelpCommand.class})
public class BridgeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and answers its exit code: 0 done, 1 failed, 2 bad usage or settings. */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new BridgeCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof SettingsException) {
                cmd.getErr().println("infusion-bridge: " + e.getMessage());
                return 2;
            }
            cmd.getErr().println("infusion-bridge: " + e.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BridgeCommand.class.getPackage().getImplementationVersion();
            return new String[] {"infusion-bridge " + (version == null ? "(development build)" : version)};
        }
    }
}
