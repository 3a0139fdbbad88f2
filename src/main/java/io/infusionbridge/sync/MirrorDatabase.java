package io.infusionbridge.sync;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/** Opens the mirror's connection pool and brings its schema up to date with Flyway. */
public final class MirrorDatabase {

    private MirrorDatabase() {
    }

    /**
     * @param schema optional schema to keep the mirror in (created when missing); null for the connection's default
     */
    public static HikariDataSource open(String url, String user, String password, String schema, java.time.Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("mirror");
        config.setMaximumPoolSize(8);
        config.setAutoCommit(true);
        config.setInitializationFailTimeout(10_000);
        HikariDataSource dataSource;
        if (schema != null && !schema.isBlank()) {
            migrate(bootstrap(config), schema);
            config.setSchema(schema);
            dataSource = new HikariDataSource(config);
        } else {
            dataSource = new HikariDataSource(config);
            migrate(dataSource, null);
        }
        return dataSource;
    }

    private static DataSource bootstrap(HikariConfig config) {
        HikariConfig copy = new HikariConfig();
        config.copyStateTo(copy);
        copy.setPoolName("mirror-migration");
        copy.setMaximumPoolSize(3);
        return new HikariDataSource(copy);
    }

    private static void migrate(DataSource dataSource, String schema) {
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (schema != null) {
            flyway.schemas(schema).createSchemas(true);
        }
        flyway.load().migrate();
        if (schema != null && dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
    }
}
