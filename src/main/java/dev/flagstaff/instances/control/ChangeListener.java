package dev.flagstaff.instances.control;

import dev.flagstaff.evaluation.control.Snapshots;
import dev.flagstaff.persistence.ConfiguredDataSource;
import dev.flagstaff.persistence.Database;
import dev.flagstaff.persistence.Vendor;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * On PostgreSQL, hears the writes made through other Flagstaff instances on the same database as they
 * commit: one connection of its own (straight from the PostgreSQL driver, outside the server's pool)
 * {@code LISTEN}s on the schema's channel, which {@link ChangeNotifier} notifies inside each writing
 * transaction. A notice from another instance rebuilds the snapshot of the namespace it names at once, if
 * this instance evaluates in it ({@link Snapshots#refresh}).
 *
 * <p>When the connection fails it is opened again (after 1 s, then up to every 5 s); while it is down,
 * {@link #listening()} is false and {@code evaluation.control.SnapshotRefresher} checks revisions every
 * {@code flagstaff.snapshots.refresh-seconds} instead. Each time it listens again it checks revisions once,
 * for the writes made while it was not listening.
 *
 * <p>Only for Flagstaff's own data source on PostgreSQL ({@code flagstaff.db.url}); with a server DataSource
 * ({@code flagstaff.db.jndi}) or another database the revision check is all there is.
 * {@code flagstaff.snapshots.listen=false} turns it off.
 */
@ApplicationScoped
public class ChangeListener {

    /** The channel: one per schema, so instances of other Flagstaff deployments on the database are not woken. */
    static final String CHANNEL_SQL = "'flagstaff_' || md5(current_schema())";

    /** This deployment of the application, as notices name it. */
    private static final String INSTANCE = UUID.randomUUID().toString();

    private static final Logger LOG = Logger.getLogger(ChangeListener.class.getName());
    private static final long WAIT_MILLIS = 500;
    private static final long VALIDATE_MILLIS = 10_000;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Database database;

    @Inject
    Snapshots snapshots;

    @Inject
    @ConfigProperty(name = "flagstaff.snapshots.listen", defaultValue = "true")
    boolean enabled;

    private volatile boolean stopped;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    static String payload(String namespace) {
        return INSTANCE + " " + namespace;
    }

    /** Whether writes are announced and heard (the setting); not whether the connection is up now. */
    public boolean enabled() {
        return enabled;
    }

    /** True while the connection listens: writes through other instances are heard as they commit. */
    public boolean listening() {
        return listening;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (!enabled) {
            return;
        }
        thread = threads.newThread(this::run);
        thread.setName("flagstaff-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long backoff = 1000;
        boolean failing = false;
        while (!stopped) {
            Vendor vendor = database.vendorIfKnown();
            if (vendor == null || !database.migrated()) {
                pause(1000); // the database has not been reached yet
                continue;
            }
            if (vendor != Vendor.POSTGRESQL || !database.ownDataSource()) {
                return; // the revision check does it all
            }
            try {
                listen();
                backoff = 1000;
                failing = false;
            } catch (SQLException | RuntimeException | ReflectiveOperationException e) {
                listening = false;
                if (stopped) {
                    return;
                }
                if (!failing) {
                    failing = true;
                    LOG.log(Level.WARNING, "Listening for writes of other instances on PostgreSQL failed ("
                            + Database.rootMessage(e) + "); checking revisions every second instead and "
                            + "connecting again");
                }
                pause(backoff);
                backoff = Math.min(backoff * 2, 5000);
            }
        }
    }

    /** One connection's life: LISTEN, catch up, then wake the snapshots for every notice from another instance. */
    private void listen() throws SQLException, ReflectiveOperationException {
        Properties tuning = new Properties();
        tuning.setProperty("connectTimeout", "5");
        tuning.setProperty("tcpKeepAlive", "true");
        tuning.setProperty("ApplicationName", "flagstaff-change-listener");
        try (Connection c = ConfiguredDataSource.connectDirectly(tuning)) {
            connection = c;
            String channel;
            try (Statement statement = c.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT " + CHANNEL_SQL)) {
                rs.next();
                channel = rs.getString(1);
            }
            try (Statement statement = c.createStatement()) {
                statement.execute("LISTEN \"" + channel + "\"");
            }
            Class<?> pgConnection = Class.forName("org.postgresql.PGConnection", false, c.getClass().getClassLoader());
            Object pg = c.unwrap(pgConnection);
            Method poll = pgConnection.getMethod("getNotifications", int.class);
            Method parameter = Class.forName("org.postgresql.PGNotification", false, pgConnection.getClassLoader())
                    .getMethod("getParameter");
            listening = true;
            LOG.info("Listening on PostgreSQL for writes through other Flagstaff instances");
            snapshots.refreshStale(); // what others wrote while this instance did not listen
            long validated = System.currentTimeMillis();
            while (!stopped) {
                Object[] notices;
                try {
                    notices = (Object[]) poll.invoke(pg, (int) WAIT_MILLIS);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
                }
                if (notices != null) {
                    Set<String> changed = fromOthers(notices, parameter);
                    if (!changed.isEmpty()) {
                        snapshots.refresh(changed);
                    }
                }
                if (System.currentTimeMillis() - validated > VALIDATE_MILLIS) {
                    if (!c.isValid(2)) { // a connection whose peer vanished without closing it
                        throw new SQLException("the listening connection is no longer valid");
                    }
                    validated = System.currentTimeMillis();
                }
            }
        } finally {
            listening = false;
            connection = null;
        }
    }

    /** The namespaces that other instances wrote to, from notices with the payload {@link #payload} makes. */
    private static Set<String> fromOthers(Object[] notices, Method parameterOf) throws ReflectiveOperationException {
        Set<String> namespaces = new LinkedHashSet<>();
        for (Object notice : notices) {
            String parameter = (String) parameterOf.invoke(notice);
            int space = parameter == null ? -1 : parameter.indexOf(' ');
            if (space > 0 && !parameter.substring(0, space).equals(INSTANCE)) {
                namespaces.add(parameter.substring(space + 1));
            }
        }
        return namespaces;
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            stopped = true;
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        listening = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException | RuntimeException e) {
                // closing on the way out; the thread ends either way
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
