package io.infusionbridge.pod;

import io.infusionbridge.sync.MirrorInvoice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides per invoice what to write, and skips what would change nothing: an invoice already showing the
 * reference and status costs no request, an outdated event writes nothing, a file seen before writes nothing.
 */
public class PodPlanner {

    private final PodLedger ledger;
    private final DeliveryStatusPrecedence precedence;

    public PodPlanner(PodLedger ledger, DeliveryStatusPrecedence precedence) {
        this.ledger = ledger;
        this.precedence = precedence;
    }

    public PodBatch plan(PodBatch batch) throws Exception {
        if (batch.rows() == 0) {
            throw new PodFileRejectedException("the file has a header but no rows");
        }
        batch.pipelineDone();
        batch.history(ledger.fileSeen(batch.hash(), batch.fileName()));
        List<String> uuids = batch.groups().stream().filter(g -> g.invoice() != null).map(g -> g.invoice().uuid()).toList();
        Map<String, Instant> lastEvents = ledger.lastEventTimes(uuids);
        Set<String> appliedBefore = ledger.appliedBy(batch.hash());
        Set<String> intents = batch.history() == PodLedger.FileHistory.RESUMED ? ledger.intentsOf(batch.hash()) : Set.of();
        for (InvoiceGroup group : batch.groups()) {
            if (group.invoice() != null) {
                decide(batch, group, lastEvents.get(group.invoice().uuid()), appliedBefore.contains(group.invoice().uuid()));
                confirmInterruptedWrite(batch, group, intents);
            }
        }
        return batch;
    }

    /**
     * A write this file meant (its intent was noted) that Infusion already shows, while nothing recorded it:
     * the bridge stopped between Infusion's answer and the commit. It was this file's write; record it so.
     */
    private void confirmInterruptedWrite(PodBatch batch, InvoiceGroup group, Set<String> intents) throws Exception {
        if (group.outcome() == PodOutcome.UNCHANGED && intents.contains(group.invoice().uuid())) {
            ledger.recordApplied(batch.hash(), group, null);
            group.decide(PodOutcome.APPLIED, "applied from this file before the bridge restarted (confirmed with Infusion)");
        }
    }

    /** Decides one invoice again with what Infusion answered after a version conflict. */
    void replan(PodBatch batch, InvoiceGroup group, MirrorInvoice fresh) throws Exception {
        group.matched(fresh);
        decide(batch, group, ledger.lastEventTimes(List.of(fresh.uuid())).get(fresh.uuid()), false);
        if (batch.history() == PodLedger.FileHistory.RESUMED) {
            confirmInterruptedWrite(batch, group, ledger.intentsOf(batch.hash()));
        }
    }

    private void decide(PodBatch batch, InvoiceGroup group, Instant lastEvent, boolean appliedByThisFile) {
        MirrorInvoice invoice = group.invoice();
        if (appliedByThisFile) {
            boolean completed = batch.history() == PodLedger.FileHistory.COMPLETED;
            group.decide(completed ? PodOutcome.UNCHANGED : PodOutcome.APPLIED, completed
                    ? "already applied from an identical file before"
                    : "applied from this file before the bridge restarted");
            return;
        }
        PodEvent latest = group.latest();
        String statusCode = precedence.code(latest.status());
        List<String> overflow = new ArrayList<>();
        String reference = mergeReference(invoice.courierReference(), group.consignments(), overflow);
        boolean referenceChanges = !Objects.equals(reference, invoice.courierReference());
        boolean statusChanges = !Objects.equals(statusCode, invoice.deliveryStatusCode());
        if (!referenceChanges && !statusChanges) {
            group.decide(PodOutcome.UNCHANGED, "invoice " + invoice.invoiceNumber() + " already shows courier reference "
                    + reference + " and delivery status " + statusCode);
            group.overflow(overflow);
            return;
        }
        String refusal = precedence.refusal(latest, invoice, lastEvent);
        if (refusal != null) {
            group.decide(PodOutcome.SUPERSEDED, refusal);
            return;
        }
        group.planWrite(referenceChanges ? reference : null, statusChanges ? statusCode : null, overflow);
    }

    /** The invoice's reference with the new consignments appended, joined with ", " within 50 characters. */
    static String mergeReference(String current, List<String> consignments, List<String> overflow) {
        Set<String> parts = new LinkedHashSet<>();
        if (current != null && !current.isBlank()) {
            parts.addAll(Arrays.stream(current.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        }
        String joined = String.join(", ", parts);
        for (String consignment : consignments) {
            if (parts.contains(consignment)) {
                continue;
            }
            String candidate = joined.isEmpty() ? consignment : joined + ", " + consignment;
            if (candidate.length() > CarrierRowMapper.COURIER_REFERENCE_LIMIT) {
                overflow.add(consignment);
            } else {
                parts.add(consignment);
                joined = candidate;
            }
        }
        return joined.isEmpty() ? current : joined;
    }
}
