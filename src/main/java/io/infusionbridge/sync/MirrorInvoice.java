package io.infusionbridge.sync;

/** An invoice as the mirror holds it: what the POD write-back needs to decide and to write. */
public record MirrorInvoice(String uuid, String invoiceNumber, long versionNumber, String courierReference,
                            String deliveryStatusCode, boolean deleted) {
}
