package io.infusionbridge.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * A large carrier file in the generic layout, for the benchmark and the bounded-memory test: {@code rows}
 * events over {@code invoices} invoices, each moving from picked up to delivered through the file.
 */
public final class SyntheticPodFile {

    private static final String[] STATUSES = {"PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"};

    private SyntheticPodFile() {
    }

    /** Writes the file aside and renames it into {@code inbox} as {@code name}, as a careful copy would. */
    public static Path drop(Path inbox, String name, int rows, int invoices, int firstInvoice) throws IOException {
        Files.createDirectories(inbox);
        Path partial = inbox.resolve("." + name + ".part");
        int perInvoice = Math.max(1, rows / invoices);
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            out.write("invoice_number,consignment_number,carrier,status,event_time,signed_by\n");
            for (int i = 0; i < rows; i++) {
                int invoice = firstInvoice + i % invoices;
                int step = i / invoices;
                out.write("INV-" + invoice + ",NZC" + invoice + ",Courier A," + STATUSES[Math.min(3, step * 4 / perInvoice)]
                        + ",2026-12-01T" + String.format(Locale.ROOT, "%02d:%02d:%02d", step / 3600 % 24, step / 60 % 60, step % 60)
                        + "+13:00,Signer " + (i % 97) + "\n");
            }
        }
        return Files.move(partial, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
