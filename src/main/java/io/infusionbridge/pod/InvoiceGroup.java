package io.infusionbridge.pod;

import io.infusionbridge.sync.MirrorInvoice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every valid event of one invoice in one file, coalesced: the latest event decides the status, every
 * consignment goes into the courier reference. Then what the bridge decided and did for the invoice.
 */
public final class InvoiceGroup {

    /** More distinct consignments than fit 50 characters many times over are not tracked. */
    private static final int MAX_CONSIGNMENTS = 64;

    private final String invoiceNumber;
    private final Map<String, Integer> consignments = new LinkedHashMap<>();
    private PodEvent latest;
    private int rows;

    private MirrorInvoice invoice;
    private PodOutcome outcome;
    private String reason;
    private String newReference;
    private String newStatusCode;
    private List<String> overflow = List.of();
    private boolean write;
    private boolean written;

    InvoiceGroup(String invoiceNumber) {
        this.invoiceNumber = invoiceNumber;
    }

    void add(PodEvent event) {
        rows++;
        if (consignments.size() < MAX_CONSIGNMENTS) {
            consignments.putIfAbsent(event.consignment(), event.row());
        }
        // On equal times the later row wins: carriers list events in the order they happened.
        if (latest == null || !event.eventTime().isBefore(latest.eventTime())) {
            latest = event;
        }
    }

    public String invoiceNumber() {
        return invoiceNumber;
    }

    public PodEvent latest() {
        return latest;
    }

    public List<String> consignments() {
        return new ArrayList<>(consignments.keySet());
    }

    public int rows() {
        return rows;
    }

    public MirrorInvoice invoice() {
        return invoice;
    }

    void matched(MirrorInvoice invoice) {
        this.invoice = invoice;
    }

    void decide(PodOutcome outcome, String reason) {
        this.outcome = outcome;
        this.reason = reason;
        this.write = false;
    }

    void planWrite(String newReference, String newStatusCode, List<String> overflow) {
        this.newReference = newReference;
        this.newStatusCode = newStatusCode;
        this.overflow = List.copyOf(overflow);
        this.write = true;
        this.outcome = null;
        this.reason = null;
    }

    void applied(MirrorInvoice after, String reason) {
        this.invoice = after;
        this.written = true;
        decide(PodOutcome.APPLIED, reason);
    }

    /** Whether this file's run wrote the invoice (one PUT). */
    public boolean written() {
        return written;
    }

    public boolean needsWrite() {
        return write;
    }

    public PodOutcome outcome() {
        return outcome;
    }

    public String reason() {
        return reason;
    }

    /** The courier reference to write, or null when it stays as it is. */
    public String newReference() {
        return newReference;
    }

    /** The delivery status code to write, or null when it stays as it is. */
    public String newStatusCode() {
        return newStatusCode;
    }

    /** Consignments that did not fit the 50-character courier reference. */
    public List<String> overflow() {
        return overflow;
    }

    void overflow(List<String> overflow) {
        this.overflow = List.copyOf(overflow);
    }
}
