package dev.flagstaff.persistence;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures answer 503 code 14 (the database is away) rather than 500. */
class OutageTest {

    @Test
    void connectionFailuresAnywhereInTheCausesAreAnOutage() {
        // PostgreSQL refusing the connection (SQL state 08001), as EclipseLink and the EJB container wrap it
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException());
        assertTrue(Outage.connectionFailure(new RuntimeException("EJB", new IllegalStateException("JPA", refused))));
        // PostgreSQL terminating the session (admin shutdown 57P01)
        assertTrue(Outage.connectionFailure(new SQLException("terminating connection", "57P01")));
        // MariaDB's driver type for a lost connection
        assertTrue(Outage.connectionFailure(new SQLNonTransientConnectionException("Socket fail to connect")));
        // the server's pool: Payara wraps the driver's failure without an SQL state
        assertTrue(Outage.connectionFailure(new SQLException("Error in allocating a connection",
                new java.net.SocketException("Connection reset"))));
        // chained with setNextException only
        SQLException batch = new SQLException("batch failed");
        batch.setNextException(new SQLException("I/O error", "08006"));
        assertTrue(Outage.connectionFailure(batch));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertFalse(Outage.connectionFailure(new SQLIntegrityConstraintViolationException("duplicate key", "23505")));
        assertFalse(Outage.connectionFailure(new SQLException("syntax error", "42601")));
        assertFalse(Outage.connectionFailure(new IllegalStateException("a bug")));
        assertFalse(Outage.connectionFailure(new SQLException("no state")));
    }

    @Test
    void onceStartedOnlyConnectionFailuresCount() {
        Outage.started();
        assertFalse(Outage.unavailable(new IllegalStateException("a bug")));
        assertTrue(Outage.unavailable(new SQLException("refused", "08001")));
    }
}
