package io.infusionbridge.sync;

import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.component.InfusionSyncConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/** Starts a sync round of an entity now, by the name Infusion's webhooks use for it ({@code CustomerInvoice}). */
public class SyncTrigger {

    private static final Logger LOG = LoggerFactory.getLogger(SyncTrigger.class);

    private final Supplier<CamelContext> context;

    public SyncTrigger(Supplier<CamelContext> context) {
        this.context = context;
    }

    /** Answers what was done, for the webhook's reply and log. */
    public String trigger(String webhookType) {
        Optional<EntityType> type = Arrays.stream(EntityType.values())
                .filter(t -> t.webhookType().map(w -> w.equals(webhookType)).orElse(false)).findFirst();
        if (type.isEmpty()) {
            LOG.info("webhook for {} acknowledged: the bridge does not sync that entity type", webhookType);
            return "acknowledged; " + webhookType + " is not synced by the bridge";
        }
        for (Route route : context.get().getRoutes()) {
            if (route.getConsumer() instanceof InfusionSyncConsumer sync && sync.getEntity() == type.get()) {
                sync.requestRound();
                return "sync of " + type.get() + " requested";
            }
        }
        LOG.info("webhook for {} acknowledged: no route syncs {}", webhookType, type.get());
        return "acknowledged; no route syncs " + type.get();
    }
}
