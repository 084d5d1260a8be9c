package dev.flagstaff.persistence;

import org.eclipse.microprofile.config.ConfigProvider;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The physical connections of Flagstaff's own data source ({@link Database#JNDI_NAME}). The server creates
 * this class from the application's {@code @DataSourceDefinition} and pools, enlists and commits the
 * connections it hands out; this class only opens them, with the URL, user and password that the
 * {@code flagstaff.db.*} settings give through MicroProfile Config. That is what keeps one WAR for Payara and
 * Open Liberty: neither server has to resolve a variable inside the definition, and the settings work the
 * same way (system property, environment variable, config file) on both.
 */
public class ConfiguredDataSource implements DataSource {

    private static final AtomicInteger OPEN = new AtomicInteger();

    /** The setting for how long opening a connection may take, in seconds. */
    public static final String CONNECT_TIMEOUT = "flagstaff.db.connect-timeout-seconds";

    private volatile Target target;
    private int loginTimeout;
    private PrintWriter logWriter;

    /** The driver and what to give it, read once from the settings. */
    private record Target(Driver driver, String url, Properties properties) {
    }

    /** Physical connections open now: what the server's pool holds. */
    public static int open() {
        return OPEN.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Target to = target();
        Connection physical = to.driver().connect(to.url(), to.properties());
        if (physical == null) {
            throw new SQLException("the JDBC driver " + to.driver().getClass().getName() + " refused the URL");
        }
        OPEN.incrementAndGet();
        return tracked(physical);
    }

    /**
     * A connection of its own, outside the server's pool and not counted as one of its connections, with the
     * same settings plus {@code extra} driver properties: for a connection held open for long (PostgreSQL's
     * {@code LISTEN}, {@code instances.control.ChangeListener}).
     */
    public static Connection connectDirectly(Properties extra) throws SQLException {
        Target to = resolve();
        Properties properties = new Properties();
        properties.putAll(to.properties());
        properties.putAll(extra);
        Connection physical = to.driver().connect(to.url(), properties);
        if (physical == null) {
            throw new SQLException("the JDBC driver " + to.driver().getClass().getName() + " refused the URL");
        }
        return physical;
    }

    /** The server's pool may pass the definition's user and password; Flagstaff's settings hold them instead. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    private Target target() throws SQLException {
        Target to = target;
        if (to == null) {
            synchronized (this) {
                if (target == null) {
                    target = resolve();
                }
                to = target;
            }
        }
        return to;
    }

    private static Target resolve() throws SQLException {
        DatabaseSettings settings = DatabaseSettings.from(
                ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader()));
        String url = settings.effectiveUrl();
        Vendor vendor = Vendor.fromUrl(url);
        if (vendor == null) {
            throw new SQLException(settings.unsupportedUrl());
        }
        try {
            Driver driver = (Driver) Class.forName(vendor.driverClass(), true,
                    ConfiguredDataSource.class.getClassLoader()).getDeclaredConstructor().newInstance();
            Properties properties = new Properties();
            if (!settings.user().isEmpty()) {
                properties.setProperty("user", settings.user());
            }
            if (!settings.password().isEmpty()) {
                properties.setProperty("password", settings.password());
            }
            // how long opening a connection may take before the request that needed it answers 503
            int connectTimeout = connectTimeoutSeconds();
            if (vendor == Vendor.POSTGRESQL) {
                properties.setProperty("connectTimeout", Integer.toString(connectTimeout));
                properties.setProperty("loginTimeout", Integer.toString(connectTimeout));
            } else if (vendor == Vendor.MARIADB) {
                properties.setProperty("connectTimeout", Integer.toString(connectTimeout * 1000));
            }
            return new Target(driver, vendor.connectUrl(url), properties);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new SQLException("the JDBC driver " + vendor.driverClass() + " cannot be loaded: " + e, e);
        }
    }

    /** {@code flagstaff.db.connect-timeout-seconds}: the longest opening one connection may take (default 5). */
    static int connectTimeoutSeconds() {
        int seconds = ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader())
                .getOptionalValue(CONNECT_TIMEOUT, Integer.class).orElse(5);
        return Math.max(1, seconds);
    }

    /** The connection, counted as open until the pool closes it. */
    private static Connection tracked(Connection physical) {
        AtomicBoolean closed = new AtomicBoolean();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0 && closed.compareAndSet(false, true)) {
                OPEN.decrementAndGet();
            }
            if (method.getName().equals("unwrap") && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
                return proxy;
            }
            try {
                return method.invoke(physical, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[]{Connection.class}, handler);
    }

    /**
     * A data source definition always carries a server name ({@code localhost} unless given); the settings'
     * URL names the server here, so it is taken and not used.
     */
    public void setServerName(String serverName) {
        // the URL of flagstaff.db.url names the server
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
