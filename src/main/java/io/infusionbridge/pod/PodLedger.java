package io.infusionbridge.pod;

import com.fasterxml.jackson.databind.JsonNode;
import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.sync.InListQuery;
import io.infusionbridge.sync.MirrorStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the POD write-back has applied. A write is recorded in the same transaction as the mirror update
 * from Infusion's answer, so after a crash the bridge knows exactly which invoices a file already changed.
 */
public class PodLedger {

    private final DataSource dataSource;
    private final MirrorStore mirror;

    public PodLedger(MirrorStore mirror) {
        this.mirror = mirror;
        this.dataSource = mirror.dataSource();
    }

    /** Whether a file's content is new, was interrupted before (a restart resumes it), or completed before. */
    public enum FileHistory { NEW, RESUMED, COMPLETED }

    /** Records a file as seen and answers its history. */
    public FileHistory fileSeen(String hash, String fileName) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT completed_at FROM pod_files WHERE file_hash = ?")) {
                s.setString(1, hash);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return rs.getObject(1) != null ? FileHistory.COMPLETED : FileHistory.RESUMED;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO pod_files (file_hash, file_name, first_seen_at) VALUES (?, ?, ?)")) {
                s.setString(1, hash);
                s.setString(2, fileName);
                s.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                s.executeUpdate();
            }
            return FileHistory.NEW;
        }
    }

    public void fileCompleted(String hash) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE pod_files SET completed_at = ? WHERE file_hash = ?")) {
            s.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            s.setString(2, hash);
            s.executeUpdate();
        }
    }

    /** The invoices this file (by content) already changed, by UUID. */
    public Set<String> appliedBy(String hash) throws SQLException {
        return invoicesOf("pod_applied", hash);
    }

    /** Notes a write before it is sent (write-ahead), so a restart can recognise it as this file's. */
    public void noteIntent(String hash, String invoiceUuid) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pod_intents WHERE file_hash = ? AND invoice_uuid = ?")) {
                s.setString(1, hash);
                s.setObject(2, UUID.fromString(invoiceUuid));
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO pod_intents (file_hash, invoice_uuid, noted_at) VALUES (?, ?, ?)")) {
                s.setString(1, hash);
                s.setObject(2, UUID.fromString(invoiceUuid));
                s.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                s.executeUpdate();
            }
        }
    }

    /** The invoices this file meant to write, by UUID. */
    public Set<String> intentsOf(String hash) throws SQLException {
        return invoicesOf("pod_intents", hash);
    }

    private Set<String> invoicesOf(String table, String hash) throws SQLException {
        Set<String> invoices = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT invoice_uuid FROM " + table + " WHERE file_hash = ?")) {
            s.setString(1, hash);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    invoices.add(rs.getObject(1).toString());
                }
            }
        }
        return invoices;
    }

    /** The time of the latest carrier event applied to each invoice, by UUID. */
    public Map<String, Instant> lastEventTimes(Collection<String> invoiceUuids) throws SQLException {
        Map<String, Instant> times = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            InListQuery.forEachRow(c, "SELECT invoice_uuid, last_event_time FROM pod_invoice_state WHERE invoice_uuid IN",
                    invoiceUuids.stream().map(UUID::fromString).toList(),
                    rs -> times.put(rs.getObject(1).toString(), rs.getObject(2, OffsetDateTime.class).toInstant()));
        }
        return times;
    }

    /**
     * In one transaction: the invoice as Infusion answered into the mirror, and the write into the ledger.
     * {@code answer} is null when the mirror already holds the invoice as written (a write confirmed after a restart).
     */
    public void recordApplied(String hash, InvoiceGroup group, JsonNode answer) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (answer != null) {
                    mirror.storeRecords(c, EntityType.CUSTOMER_INVOICES, List.of(answer));
                }
                UUID uuid = UUID.fromString(group.invoice().uuid());
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                try (PreparedStatement s = c.prepareStatement("INSERT INTO pod_applied (file_hash, invoice_uuid, invoice_number,"
                        + " courier_reference, delivery_status_code, version_number, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, hash);
                    s.setObject(2, uuid);
                    s.setString(3, group.invoiceNumber());
                    s.setString(4, group.invoice().courierReference());
                    s.setString(5, group.invoice().deliveryStatusCode());
                    s.setLong(6, group.invoice().versionNumber());
                    s.setObject(7, now);
                    s.executeUpdate();
                }
                PodEvent latest = group.latest();
                int updated;
                try (PreparedStatement s = c.prepareStatement("UPDATE pod_invoice_state SET last_event_time = ?, last_status = ?,"
                        + " consignment = ?, signed_by = ?, updated_at = ? WHERE invoice_uuid = ?")) {
                    s.setObject(1, latest.eventTime().atOffset(ZoneOffset.UTC));
                    s.setString(2, latest.status().name());
                    s.setString(3, latest.consignment());
                    s.setString(4, latest.signedBy());
                    s.setObject(5, now);
                    s.setObject(6, uuid);
                    updated = s.executeUpdate();
                }
                if (updated == 0) {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO pod_invoice_state (invoice_uuid, invoice_number,"
                            + " last_event_time, last_status, consignment, signed_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                        s.setObject(1, uuid);
                        s.setString(2, group.invoiceNumber());
                        s.setObject(3, latest.eventTime().atOffset(ZoneOffset.UTC));
                        s.setString(4, latest.status().name());
                        s.setString(5, latest.consignment());
                        s.setString(6, latest.signedBy());
                        s.setObject(7, now);
                        s.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

}
