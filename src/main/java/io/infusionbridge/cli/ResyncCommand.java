package io.infusionbridge.cli;

import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.runtime.BridgeRuntime;
import io.infusionbridge.sync.SyncReconciler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bridge resync ENTITY}: reset the entity's sync cursor, read everything, mark what is gone. */
@Command(name = "resync", mixinStandardHelpOptions = true,
        description = {"Reset ENTITY's sync cursor in Infusion, read every record again, and mark mirror records that did not come back as deleted.",
                "ENTITY: products, customers, customerInvoices, customerContractRates, productPromotionalPrices, discountMatrixEntries, or all."})
class ResyncCommand implements Callable<Integer> {

    @Mixin
    RuntimeOptions options;

    @Parameters(paramLabel = "ENTITY", description = "The entity to resync, or 'all'.")
    String entity;

    @Override
    public Integer call() throws Exception {
        List<EntityType> types = entity.equalsIgnoreCase("all") ? List.of(EntityType.values()) : List.of(EntityType.of(entity));
        try (BridgeRuntime runtime = new BridgeRuntime(options.settings(Map.of())).open()) {
            SyncReconciler reconciler = new SyncReconciler(runtime.client(), runtime.store(), runtime.settings().syncPageSize());
            List<SyncReconciler.Drift> drifts = new ArrayList<>();
            for (EntityType type : types) {
                drifts.add(reconciler.reconcile(type));
            }
            drifts.forEach(System.out::println);
        }
        return 0;
    }
}
