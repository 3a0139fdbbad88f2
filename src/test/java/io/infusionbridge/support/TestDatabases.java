package io.infusionbridge.support;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** The databases the mirror suites run on: a fresh H2 file, or a fresh schema in the local PostgreSQL. */
public final class TestDatabases {

    public static final String PG_URL = System.getProperty("bridge.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = "postgres";

    /** A database for one test: its JDBC URL, user and schema (empty for H2). */
    public record Db(String url, String user, String schema) {
    }

    private TestDatabases() {
    }

    public static Db h2(Path dir) {
        return new Db("jdbc:h2:file:" + dir.resolve("mirror").toAbsolutePath(), "sa", "");
    }

    /**
     * A new schema in the local PostgreSQL. Unreachable: the test is skipped, except under CI=true, where
     * that is a failure, so a build can never pass by silently not testing PostgreSQL.
     */
    public static Db postgres() {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "")) {
            String schema = "bridge_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
            return new Db(PG_URL, PG_USER, schema);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("PostgreSQL at " + PG_URL + " is unreachable and CI=true: " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL at " + PG_URL + " is unreachable: " + e.getMessage());
            return null;
        }
    }

    public static void dropSchema(Db db) {
        if (db == null || db.schema().isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), "");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + db.schema() + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
