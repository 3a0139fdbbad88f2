package io.infusionbridge.pod;

import com.fasterxml.jackson.databind.JsonNode;
import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.InfusionClient;
import io.infusionbridge.infusion.InfusionContract;
import io.infusionbridge.infusion.error.InfusionNotFoundException;
import io.infusionbridge.infusion.error.InfusionValidationException;
import io.infusionbridge.infusion.error.InfusionVersionConflictException;
import io.infusionbridge.sync.MirrorInvoice;
import io.infusionbridge.sync.MirrorStore;
import org.apache.camel.ExchangeProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one invoice's courier reference and delivery status: a partial PUT with the mirror's version.
 * On 409 it syncs that invoice and decides again, then tries once more. A 400 or 404 is that invoice's
 * failure; 401, 403 and an unavailable Infusion stop the file (it stays in the inbox).
 */
public class InvoiceWriter {

    private final InfusionClient client;
    private final MirrorStore mirror;
    private final PodLedger ledger;
    private final PodPlanner planner;

    private final boolean readOnly;

    public InvoiceWriter(InfusionClient client, MirrorStore mirror, PodLedger ledger, PodPlanner planner, boolean readOnly) {
        this.client = client;
        this.mirror = mirror;
        this.ledger = ledger;
        this.planner = planner;
        this.readOnly = readOnly;
    }

    public void write(InvoiceGroup group, @ExchangeProperty(PodFileOpener.BATCH) PodBatch batch) throws Exception {
        if (readOnly) {
            group.decide(PodOutcome.WOULD_APPLY, "read-only mode (bridge.read-only): would write PUT /customerInvoices/"
                    + group.invoice().uuid() + " with versionNumber " + group.invoice().versionNumber()
                    + (group.newReference() == null ? "" : ", courierReference " + group.newReference())
                    + (group.newStatusCode() == null ? "" : ", deliveryStatusCode " + group.newStatusCode()));
            return;
        }
        JsonNode answer;
        try {
            answer = put(group, batch);
        } catch (InfusionVersionConflictException conflict) {
            JsonNode fresh = client.get(EntityType.CUSTOMER_INVOICES, group.invoice().uuid());
            mirror.storeRecords(EntityType.CUSTOMER_INVOICES, List.of(fresh));
            planner.replan(batch, group, invoice(fresh));
            if (!group.needsWrite()) {
                return;
            }
            try {
                answer = put(group, batch);
            } catch (InfusionVersionConflictException again) {
                group.decide(PodOutcome.FAILED, "invoice " + group.invoiceNumber() + " changed in Infusion again while it was written;"
                        + " drop the file again to retry");
                return;
            } catch (InfusionValidationException | InfusionNotFoundException refused) {
                group.decide(PodOutcome.FAILED, refused.getMessage());
                return;
            }
        } catch (InfusionValidationException | InfusionNotFoundException refused) {
            group.decide(PodOutcome.FAILED, refused.getMessage());
            return;
        }
        group.applied(invoice(answer), describe(group));
        ledger.recordApplied(batch.hash(), group, answer);
    }

    private JsonNode put(InvoiceGroup group, PodBatch batch) throws Exception {
        ledger.noteIntent(batch.hash(), group.invoice().uuid());
        InfusionContract contract = client.contract();
        Map<String, Object> fields = new LinkedHashMap<>();
        if (group.newReference() != null) {
            fields.put(contract.field("courierReference"), group.newReference());
        }
        if (group.newStatusCode() != null) {
            fields.put(contract.field("deliveryStatusCode"), group.newStatusCode());
        }
        return client.update(EntityType.CUSTOMER_INVOICES, group.invoice().uuid(), group.invoice().versionNumber(), fields);
    }

    private MirrorInvoice invoice(JsonNode node) {
        InfusionContract contract = client.contract();
        return new MirrorInvoice(node.path(contract.field("uuid")).asText(), node.path(contract.field("invoiceNumber")).asText(),
                node.path(contract.field("versionNumber")).asLong(), node.path(contract.field("courierReference")).asText(null),
                node.path(contract.field("deliveryStatusCode")).asText(null), false);
    }

    private static String describe(InvoiceGroup group) {
        StringBuilder what = new StringBuilder("invoice " + group.invoiceNumber() + " now shows");
        if (group.newReference() != null) {
            what.append(" courier reference ").append(group.newReference());
        }
        if (group.newStatusCode() != null) {
            what.append(group.newReference() != null ? " and" : "").append(" delivery status ").append(group.newStatusCode());
        }
        return what.toString();
    }
}
