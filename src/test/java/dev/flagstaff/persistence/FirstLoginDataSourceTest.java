package dev.flagstaff.persistence;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirstLoginDataSourceTest {

    /** A DataSource whose getConnection throws {@code failure}, or answers {@code connection} when it is null. */
    private static DataSource failing(SQLException failure, Connection connection) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        if (failure != null) {
                            throw failure;
                        }
                        return connection;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static SQLException refused() {
        return new SQLException("Connection to 127.0.0.1:1 refused", "08001", new ConnectException("Connection refused"));
    }

    @Test
    void beforeTheFirstLoginAnUnreachableDatabaseGivesAConnectionThatWasNeverOpened() throws SQLException {
        FirstLoginDataSource source = new FirstLoginDataSource(failing(refused(), null));
        Connection connection = source.getConnection();
        assertTrue(FirstLoginDataSource.isUnreached(connection));
        assertTrue(connection.isClosed());
        connection.close(); // does nothing
        SQLException used = assertThrows(SQLException.class, connection::getMetaData);
        assertEquals("08003", used.getSQLState());
        assertTrue(Outage.connectionFailure(used), "counted as the database being away (503)");
    }

    @Test
    void afterTheLoginFailuresAreTheCallers() {
        FirstLoginDataSource source = new FirstLoginDataSource(failing(refused(), null));
        source.loggedIn();
        SQLException failure = assertThrows(SQLException.class, source::getConnection);
        assertEquals("08001", failure.getSQLState());
    }

    @Test
    void otherFailuresAreNeverHidden() {
        SQLException badPassword = new SQLException("password authentication failed", "28P01");
        FirstLoginDataSource source = new FirstLoginDataSource(failing(badPassword, null));
        assertSame(badPassword, assertThrows(SQLException.class, source::getConnection));
    }

    @Test
    void aReachableDatabaseIsUsedAsIs() throws SQLException {
        Connection real = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> null);
        FirstLoginDataSource source = new FirstLoginDataSource(failing(null, real));
        assertSame(real, source.getConnection());
        assertFalse(FirstLoginDataSource.isUnreached(real));
    }
}
