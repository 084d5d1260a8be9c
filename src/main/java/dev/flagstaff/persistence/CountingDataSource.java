package dev.flagstaff.persistence;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.LongAdder;

/**
 * The DataSource as Flyway, EclipseLink ({@link FlagstaffSessionCustomizer}) and the readiness check use it:
 * the server's, counting the connections taken from its pool and the statements prepared through them. The
 * counts show that evaluation does no database work and feed {@code /metrics}. Every wrapper counts into the
 * same two counters (one set per deployment of the application), because the persistence unit and
 * {@link Database} each wrap the server's DataSource themselves.
 */
public final class CountingDataSource extends DelegatingDataSource {

    private static final LongAdder CONNECTIONS = new LongAdder();
    private static final LongAdder STATEMENTS = new LongAdder();

    CountingDataSource(DataSource delegate) {
        super(delegate);
    }

    /** The server's DataSource this one counts for. */
    DataSource delegate() {
        return delegate;
    }

    /** Connections taken from the pool since start. */
    public long connections() {
        return CONNECTIONS.sum();
    }

    /** Statements created or prepared since start. */
    public long statements() {
        return STATEMENTS.sum();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counted(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counted(delegate.getConnection(username, password));
    }

    private Connection counted(Connection connection) {
        CONNECTIONS.increment();
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall")) {
                STATEMENTS.increment();
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[]{Connection.class}, handler);
    }
}
