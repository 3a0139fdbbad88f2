package io.infusionbridge.pod;

import com.fasterxml.jackson.databind.JsonNode;
import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.InfusionClient;
import io.infusionbridge.infusion.SearchResult;
import io.infusionbridge.sync.MirrorInvoice;
import io.infusionbridge.sync.MirrorStore;
import io.infusionbridge.sync.SyncReconciler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds each invoice of a file in the local mirror (no API call). Only when some are unknown to it: one
 * sync of invoices for the whole file, then one search per invoice still unknown, before "not found".
 */
public class InvoiceMatcher {

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceMatcher.class);

    private final MirrorStore mirror;
    private final InfusionClient client;
    private final SyncReconciler sync;

    public InvoiceMatcher(MirrorStore mirror, InfusionClient client, SyncReconciler sync) {
        this.mirror = mirror;
        this.client = client;
        this.sync = sync;
    }

    public PodBatch match(PodBatch batch) throws Exception {
        Set<String> unknown = matchFromMirror(batch, batch.groups().stream().map(InvoiceGroup::invoiceNumber).toList());
        if (!unknown.isEmpty()) {
            LOG.info("{}: {} invoice(s) unknown to the mirror ({}); syncing invoices once", batch.fileName(), unknown.size(),
                    preview(unknown));
            sync.syncOnce(EntityType.CUSTOMER_INVOICES);
            unknown = matchFromMirror(batch, List.copyOf(unknown));
        }
        for (String number : unknown) {
            SearchResult result = client.search(EntityType.CUSTOMER_INVOICES, Map.of(client.contract().field("invoiceNumber"), number), null, 0, 1);
            JsonNode found = result.items().stream()
                    .filter(i -> number.equalsIgnoreCase(i.path(client.contract().field("invoiceNumber")).asText())).findFirst().orElse(null);
            if (found != null) {
                mirror.storeRecords(EntityType.CUSTOMER_INVOICES, List.of(found));
                matchFromMirror(batch, List.of(number));
            } else {
                batch.group(number).decide(PodOutcome.NOT_FOUND, "invoice " + number
                        + " not found in Infusion (looked up in the local mirror, after a sync, and by search)");
            }
        }
        return batch;
    }

    private Set<String> matchFromMirror(PodBatch batch, List<String> numbers) throws Exception {
        Map<String, MirrorInvoice> found = mirror.findInvoices(numbers);
        Set<String> unknown = new TreeSet<>();
        for (String number : numbers) {
            MirrorInvoice invoice = found.get(number);
            InvoiceGroup group = batch.group(number);
            if (invoice == null) {
                unknown.add(number);
            } else if (invoice.deleted()) {
                group.decide(PodOutcome.NOT_FOUND, "invoice " + number + " was deleted in Infusion");
            } else {
                group.matched(invoice);
            }
        }
        return unknown;
    }

    private static String preview(Set<String> numbers) {
        return numbers.size() <= 5 ? String.join(", ", numbers) : String.join(", ", List.copyOf(numbers).subList(0, 5)) + ", …";
    }
}
