package dev.flagstaff.persistence;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.logging.Logger;

/**
 * The persistence unit's DataSource when the database could not be reached as the unit was set up, so that
 * the application starts anyway. Payara logs the unit in while it deploys the application, and EclipseLink's
 * login opens one connection (to start its connection pool, then hands it back at once); a failure there fails
 * the deployment for good. Until that first login is over, a connection that cannot be opened because the
 * database is away is replaced by a {@linkplain #isUnreached connection that was never opened}: closing it
 * does nothing, anything else fails with SQL state {@code 08003}, which {@link Outage} counts as the database
 * being unavailable. After the login ({@link #loggedIn}) this DataSource only forwards: a request that needs the
 * database while it is away fails as it would have (and is answered 503); once it is back, everything works.
 */
final class FirstLoginDataSource extends DelegatingDataSource {

    private static final Logger LOG = Logger.getLogger(FirstLoginDataSource.class.getName());
    private static final String MESSAGE = "the database has not been reached since the start";

    private volatile boolean loggedIn;

    FirstLoginDataSource(DataSource delegate) {
        super(delegate);
    }

    /** The persistence unit logged in: from now on a failure to connect is the caller's. */
    void loggedIn() {
        loggedIn = true;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return delegate.getConnection();
        } catch (SQLException e) {
            return unreached(e);
        } catch (RuntimeException e) {
            return unreached(e);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        try {
            return delegate.getConnection(username, password);
        } catch (SQLException e) {
            return unreached(e);
        } catch (RuntimeException e) {
            return unreached(e);
        }
    }

    private <E extends Exception> Connection unreached(E failure) throws E {
        if (loggedIn || !Outage.connectionFailure(failure)) {
            throw failure;
        }
        LOG.fine("The persistence unit logs in without its database: " + Database.rootMessage(failure));
        return (Connection) Proxy.newProxyInstance(FirstLoginDataSource.class.getClassLoader(),
                new Class<?>[]{Connection.class, Unreached.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "close", "abort" -> null;
                    case "isClosed" -> Boolean.TRUE;
                    case "isValid" -> Boolean.FALSE;
                    case "toString" -> "connection never opened: " + MESSAGE;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new SQLNonTransientConnectionException(MESSAGE, "08003");
                });
    }

    /** Whether {@code connection} is the placeholder handed out during the first login. */
    static boolean isUnreached(Connection connection) {
        return connection instanceof Unreached;
    }

    /** Marks the placeholder connection. */
    private interface Unreached {
    }
}
