package io.infusionbridge.support;

import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.sync.MirrorTable;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One record of the mirror as a test reads it back with plain SQL. */
public record MirrorRow(String uuid, long versionNumber, boolean deleted, boolean hasDeletedTimestamp, String rawJson) {

    public static MirrorRow find(DataSource ds, EntityType type, String uuid) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT uuid, version_number, deleted, deleted_timestamp, raw_json FROM "
                     + MirrorTable.of(type).table() + " WHERE uuid = ?")) {
            s.setObject(1, UUID.fromString(uuid));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new MirrorRow(rs.getObject(1).toString(), rs.getLong(2), rs.getBoolean(3), rs.getObject(4) != null,
                        rs.getString(5)) : null;
            }
        }
    }

    public static List<MirrorRow> all(DataSource ds, EntityType type) throws SQLException {
        List<MirrorRow> rows = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT uuid, version_number, deleted, deleted_timestamp, raw_json FROM "
                     + MirrorTable.of(type).table());
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new MirrorRow(rs.getObject(1).toString(), rs.getLong(2), rs.getBoolean(3), rs.getObject(4) != null, rs.getString(5)));
            }
        }
        return rows;
    }

    public static String column(DataSource ds, EntityType type, String uuid, String column) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM " + MirrorTable.of(type).table() + " WHERE uuid = ?")) {
            s.setObject(1, UUID.fromString(uuid));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    public static boolean reconcileFinished(DataSource ds, EntityType type) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT reconcile_finished_at FROM sync_state WHERE entity = ?")) {
            s.setString(1, type.key());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getObject(1) != null;
            }
        }
    }
}
