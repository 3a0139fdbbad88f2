package io.infusionbridge.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.InfusionContract;
import io.infusionbridge.infusion.InfusionJson;
import io.infusionbridge.infusion.SyncPage;
import io.infusionbridge.infusion.component.SyncJournal;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The local mirror of Infusion's entities. A page is stored in one transaction; an upsert never replaces a
 * newer version with an older one; a deletion is kept as a marked record, never removed.
 */
public class MirrorStore implements SyncJournal {

    private record Current(long version, boolean deleted) {
    }

    private final DataSource dataSource;
    private final InfusionContract contract;

    public MirrorStore(DataSource dataSource, InfusionContract contract) {
        this.dataSource = dataSource;
        this.contract = contract;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Stores one sync page, and clears its in-flight mark, in one transaction. */
    public SyncOutcome store(SyncPage page) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long generation = generation(c, page.type());
                SyncOutcome outcome = upsert(c, page.type(), page.items(), generation);
                try (PreparedStatement s = c.prepareStatement("UPDATE sync_state SET page_in_flight = FALSE, last_page_at = ?,"
                        + " records_stored = records_stored + ? WHERE entity = ?")) {
                    s.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                    s.setLong(2, page.size());
                    s.setString(3, page.type().key());
                    s.executeUpdate();
                }
                c.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Stores records Infusion answered outside sync (e.g. after a write), under the same version rule. */
    public SyncOutcome storeRecords(EntityType type, List<JsonNode> records) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                SyncOutcome outcome = upsert(c, type, records, generation(c, type));
                c.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Stores records in the caller's transaction: for writers that record more in the same commit. */
    public SyncOutcome storeRecords(Connection c, EntityType type, List<JsonNode> records) throws SQLException {
        return upsert(c, type, records, generation(c, type));
    }

    /** The mirror's invoices with these numbers (deleted ones included, marked). */
    public Map<String, MirrorInvoice> findInvoices(Collection<String> invoiceNumbers) throws SQLException {
        Map<String, MirrorInvoice> found = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            InListQuery.forEachRow(c, "SELECT uuid, invoice_number, version_number, courier_reference, delivery_status_code, deleted"
                    + " FROM customer_invoices WHERE invoice_number IN", invoiceNumbers, rs -> {
                MirrorInvoice invoice = new MirrorInvoice(rs.getObject(1).toString(), rs.getString(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getBoolean(6));
                found.put(invoice.invoiceNumber(), invoice);
            });
        }
        return found;
    }

    @Override
    public void pageRequested(EntityType type) {
        setInFlight(type, true);
    }

    @Override
    public void pageSettled(EntityType type) {
        setInFlight(type, false);
    }

    /** Entities whose last page was asked for but never stored: a crash lost it, so they need a reconcile. */
    public List<EntityType> entitiesWithLostPages() throws SQLException {
        List<EntityType> lost = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT entity FROM sync_state WHERE page_in_flight = TRUE");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                lost.add(EntityType.of(rs.getString(1)));
            }
        }
        return lost;
    }

    /** Starts a reconcile: a new generation, so records the full resync does not touch can be found after. */
    public long beginReconcile(EntityType type) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("UPDATE sync_state SET generation = generation + 1,"
                    + " reconcile_started_at = ? WHERE entity = ?")) {
                s.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                s.setString(2, type.key());
                s.executeUpdate();
                long generation = generation(c, type);
                c.commit();
                return generation;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Ends a reconcile: every live record the resync did not return is marked deleted. Answers how many. */
    public int finishReconcile(EntityType type, long generation) throws SQLException {
        MirrorTable table = MirrorTable.of(type);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int marked;
                try (PreparedStatement s = c.prepareStatement("UPDATE " + table.table() + " SET deleted = TRUE, synced_at = ?"
                        + " WHERE deleted = FALSE AND seen_generation < ?")) {
                    s.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                    s.setLong(2, generation);
                    marked = s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE sync_state SET reconcile_finished_at = ?,"
                        + " page_in_flight = FALSE WHERE entity = ?")) {
                    s.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                    s.setString(2, type.key());
                    s.executeUpdate();
                }
                c.commit();
                return marked;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Live and deleted records per entity, for summaries. */
    public Map<EntityType, long[]> counts() throws SQLException {
        Map<EntityType, long[]> counts = new EnumMap<>(EntityType.class);
        try (Connection c = dataSource.getConnection()) {
            for (EntityType type : EntityType.values()) {
                try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*), SUM(CASE WHEN deleted THEN 1 ELSE 0 END) FROM "
                        + MirrorTable.of(type).table());
                     ResultSet rs = s.executeQuery()) {
                    rs.next();
                    long all = rs.getLong(1);
                    long deleted = rs.getLong(2);
                    counts.put(type, new long[] {all - deleted, deleted});
                }
            }
        }
        return counts;
    }

    /** One line per entity: "products 40 live, 0 deleted; ...". */
    public String summary() throws SQLException {
        return counts().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()[0] + " live, " + e.getValue()[1] + " deleted")
                .collect(Collectors.joining("; "));
    }

    private SyncOutcome upsert(Connection c, EntityType type, List<JsonNode> items, long generation) throws SQLException {
        MirrorTable table = MirrorTable.of(type);
        // One answer may hold a record once only, but keep the highest version if not.
        Map<UUID, JsonNode> latest = new LinkedHashMap<>();
        for (JsonNode item : items) {
            UUID uuid = UUID.fromString(item.path(contract.field("uuid")).asText());
            JsonNode seen = latest.get(uuid);
            if (seen == null || version(seen) <= version(item)) {
                latest.put(uuid, item);
            }
        }
        Map<UUID, Current> current = current(c, table, latest.keySet());
        List<JsonNode> inserts = new ArrayList<>();
        List<JsonNode> updates = new ArrayList<>();
        List<UUID> unchanged = new ArrayList<>();
        Map<String, String> changes = new LinkedHashMap<>();
        int deletions = 0;
        for (Map.Entry<UUID, JsonNode> e : latest.entrySet()) {
            Current now = current.get(e.getKey());
            JsonNode item = e.getValue();
            boolean deletion = isDeleted(item);
            if (now == null) {
                inserts.add(item);
                changes.put(e.getKey().toString(), deletion ? "deleted" : "created");
            } else if (version(item) > now.version() || (version(item) == now.version() && deletion && !now.deleted())) {
                updates.add(item);
                changes.put(e.getKey().toString(), deletion ? "deleted" : "updated");
            } else {
                unchanged.add(e.getKey());
                continue;
            }
            deletions += deletion ? 1 : 0;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<String> columns = new ArrayList<>(List.of("version_number", "created_timestamp", "modified_timestamp",
                "deleted_timestamp", "deleted", "raw_json", "synced_at", "seen_generation"));
        table.columns().forEach(col -> columns.add(col.name()));
        if (!inserts.isEmpty()) {
            String sql = "INSERT INTO " + table.table() + " (uuid, " + String.join(", ", columns) + ") VALUES (?"
                    + ", ?".repeat(columns.size()) + ")";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (JsonNode item : inserts) {
                    s.setObject(1, UUID.fromString(item.path(contract.field("uuid")).asText()));
                    bind(s, 2, table, item, now, generation);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        if (!updates.isEmpty()) {
            String sql = "UPDATE " + table.table() + " SET " + columns.stream().map(col -> col + " = ?").collect(Collectors.joining(", "))
                    + " WHERE uuid = ? AND version_number <= ?";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (JsonNode item : updates) {
                    int next = bind(s, 1, table, item, now, generation);
                    s.setObject(next, UUID.fromString(item.path(contract.field("uuid")).asText()));
                    s.setLong(next + 1, version(item));
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        if (!unchanged.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + table.table() + " SET seen_generation = ? WHERE uuid = ?")) {
                for (UUID uuid : unchanged) {
                    s.setLong(1, generation);
                    s.setObject(2, uuid);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        return new SyncOutcome(inserts.size(), updates.size(), deletions, unchanged.size(), changes);
    }

    private int bind(PreparedStatement s, int first, MirrorTable table, JsonNode item, OffsetDateTime now, long generation)
            throws SQLException {
        int i = first;
        s.setLong(i++, version(item));
        s.setObject(i++, timestamp(item, "createdTimestamp"), Types.TIMESTAMP_WITH_TIMEZONE);
        s.setObject(i++, timestamp(item, "modifiedTimestamp"), Types.TIMESTAMP_WITH_TIMEZONE);
        s.setObject(i++, timestamp(item, "deletedTimestamp"), Types.TIMESTAMP_WITH_TIMEZONE);
        s.setBoolean(i++, isDeleted(item));
        s.setString(i++, json(item));
        s.setObject(i++, now, Types.TIMESTAMP_WITH_TIMEZONE);
        s.setLong(i++, generation);
        for (MirrorTable.Column col : table.columns()) {
            JsonNode value = item.get(contract.field(col.field()));
            boolean missing = value == null || value.isNull();
            switch (col.kind()) {
                case TEXT -> s.setString(i, missing ? null : value.asText());
                case UUID -> s.setObject(i, missing ? null : UUID.fromString(value.asText()), Types.OTHER);
                case DECIMAL -> s.setBigDecimal(i, missing ? null : new BigDecimal(value.asText()));
                case DATE -> s.setObject(i, missing ? null : LocalDate.parse(value.asText()), Types.DATE);
            }
            i++;
        }
        return i;
    }

    private Map<UUID, Current> current(Connection c, MirrorTable table, Collection<UUID> uuids) throws SQLException {
        Map<UUID, Current> current = new HashMap<>();
        InListQuery.forEachRow(c, "SELECT uuid, version_number, deleted FROM " + table.table() + " WHERE uuid IN", uuids,
                rs -> current.put(rs.getObject(1, UUID.class), new Current(rs.getLong(2), rs.getBoolean(3))));
        return current;
    }

    private long generation(Connection c, EntityType type) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT generation FROM sync_state WHERE entity = ?")) {
            s.setString(1, type.key());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("sync_state has no row for " + type + ": the mirror schema is incomplete");
                }
                return rs.getLong(1);
            }
        }
    }

    private void setInFlight(EntityType type, boolean inFlight) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE sync_state SET page_in_flight = ? WHERE entity = ?")) {
            s.setBoolean(1, inFlight);
            s.setString(2, type.key());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot note the sync state of " + type + " in the mirror: " + e.getMessage(), e);
        }
    }

    private long version(JsonNode item) {
        return item.path(contract.field("versionNumber")).asLong();
    }

    private boolean isDeleted(JsonNode item) {
        JsonNode deleted = item.get(contract.field("deletedTimestamp"));
        return deleted != null && !deleted.isNull();
    }

    private OffsetDateTime timestamp(JsonNode item, String field) {
        JsonNode value = item.get(contract.field(field));
        return value == null || value.isNull() ? null : OffsetDateTime.parse(value.asText());
    }

    private static String json(JsonNode item) {
        try {
            return InfusionJson.mapper().writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
