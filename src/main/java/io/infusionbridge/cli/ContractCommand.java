package io.infusionbridge.cli;

import io.infusionbridge.infusion.InfusionContract;
import io.infusionbridge.runtime.BridgeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code bridge contract}: every path, header and field name the bridge uses, as configured. */
@Command(name = "contract", mixinStandardHelpOptions = true,
        description = "List the API contract's paths, header names and field names as the settings make them (override with infusion.contract.*).")
class ContractCommand implements Callable<Integer> {

    @Mixin
    RuntimeOptions options;

    @Override
    public Integer call() {
        InfusionContract contract = InfusionContract.from(BridgeSettings.loadUnvalidated(options.config, System.getenv()));
        contract.names().forEach((name, value) -> System.out.println(InfusionContract.PREFIX + name + "=" + value));
        return 0;
    }
}
