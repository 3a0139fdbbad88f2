package io.infusionbridge.sync;

import org.apache.camel.Exchange;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached (down, restarting, network cut) from a database that refused a
 * statement. The first is worth waiting for: the work stays where it is and is tried again.
 */
public class MirrorUnreachable {

    /** SQL states of class 08 are connection exceptions in the SQL standard; 57P01-03: PostgreSQL shutting down. */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    /** For a route's {@code onWhen}: the exchange failed because the database could not be reached. */
    public boolean matches(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return isUnreachable(failure);
    }
}
