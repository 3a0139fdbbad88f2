package io.infusionbridge.pod;

import io.infusionbridge.sync.MirrorInvoice;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which carrier event may set an invoice's delivery status: never one older than the event already
 * applied, and, when delivered is final, nothing but another delivery after a delivery.
 */
public class DeliveryStatusPrecedence {

    private final Map<PodStatus, String> statusCodes;
    private final boolean deliveredIsFinal;

    public DeliveryStatusPrecedence(Map<PodStatus, String> statusCodes, boolean deliveredIsFinal) {
        this.statusCodes = new EnumMap<>(statusCodes);
        this.deliveredIsFinal = deliveredIsFinal;
    }

    /** Infusion's delivery status code for a status of the vocabulary. */
    public String code(PodStatus status) {
        return statusCodes.get(status);
    }

    /** Why {@code event} may not change {@code invoice}, or null when it may. */
    public String refusal(PodEvent event, MirrorInvoice invoice, Instant lastApplied) {
        if (lastApplied != null && !event.eventTime().isAfter(lastApplied)) {
            return "invoice " + invoice.invoiceNumber() + " already shows a carrier event of " + lastApplied
                    + ", newer than this one (" + event.eventTime() + ")";
        }
        if (deliveredIsFinal && event.status() != PodStatus.DELIVERED && code(PodStatus.DELIVERED).equals(invoice.deliveryStatusCode())) {
            return "invoice " + invoice.invoiceNumber() + " is already delivered, and delivered is final (bridge.pod.delivered-is-final)";
        }
        return null;
    }
}
