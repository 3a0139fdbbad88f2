package io.infusionbridge.pod;

import java.time.Instant;

/**
 * One row mapped into the bridge's terms. Valid when {@code problem} is null; otherwise the row is reported
 * {@code invalid} with that reason. {@code note} says what the bridge repaired (text rules).
 */
public record PodEvent(int row, String invoiceNumber, String consignment, PodStatus status, String statusWord,
                       Instant eventTime, String signedBy, String note, String problem) {

    public boolean valid() {
        return problem == null;
    }

    static PodEvent invalid(PodRow row, String problem) {
        return new PodEvent(row.number(), row.reference(), row.consignment(), null, row.status(), null, null, null, problem);
    }
}
