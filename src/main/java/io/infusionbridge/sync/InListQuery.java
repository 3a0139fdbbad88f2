package io.infusionbridge.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code SELECT ... WHERE key IN (?, ?, ...)} for any number of keys, 500 at a time, so a statement never
 * grows past what a database takes in one go.
 */
public final class InListQuery {

    private static final int CHUNK = 500;

    /** Reads one row of the answer. */
    @FunctionalInterface
    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private InListQuery() {
    }

    /** Runs {@code selectWhereKeyIn} (ending in {@code IN}) with the keys as its list and hands each row to {@code reader}. */
    public static void forEachRow(Connection c, String selectWhereKeyIn, Collection<?> keys, RowReader reader) throws SQLException {
        List<?> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<?> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            try (PreparedStatement s = c.prepareStatement(selectWhereKeyIn + " (?" + ", ?".repeat(chunk.size() - 1) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setObject(i + 1, chunk.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }
    }
}
