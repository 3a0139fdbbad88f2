package io.infusionbridge.runtime;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Named facts kept in the bridge's database (table {@code bridge_state}), so a restart does not forget them. */
public class BridgeState {

    private final DataSource dataSource;

    public BridgeState(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<String> get(String name) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT state_value FROM bridge_state WHERE state_name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void put(String name, String value) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE bridge_state SET state_value = ?, updated_at = ? WHERE state_name = ?")) {
            update.setString(1, value);
            update.setObject(2, now);
            update.setString(3, name);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO bridge_state (state_name, state_value, updated_at) VALUES (?, ?, ?)")) {
                    insert.setString(1, name);
                    insert.setString(2, value);
                    insert.setObject(3, now);
                    insert.executeUpdate();
                }
            }
        }
    }
}
