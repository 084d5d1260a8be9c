package dev.flagstaff.persistence;

import dev.flagstaff.http.Timestamps;
import dev.flagstaff.operations.control.Metrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Brings the database up when the application starts, before any request is served, in this order:
 * settings, DataSource, Flyway migrations, then JPA. Nothing touches the tables before the migrations ran:
 * the services are called only once the application started, and the persistence unit logging in (on Open
 * Liberty here, after the migrations; on Payara while the application deploys, before them) reads no table.
 * A bad setting stops the start with one log line that names it.
 *
 * <p>The DataSource is the server's: by default the one this class defines ({@link #JNDI_NAME}, pooled by
 * the server, connecting through {@link ConfiguredDataSource} with the {@code flagstaff.db.*} settings), or a
 * DataSource of the server's own named by {@code flagstaff.db.jndi}. The persistence unit
 * ({@code META-INF/persistence.xml}) is container-managed and JTA; {@link FlagstaffSessionCustomizer} points
 * it at the same DataSource. The migrations run outside any transaction, since Flyway commits itself.
 *
 * <p>A singleton without container locks: its state is written once, in {@link #start}, before the
 * container lets anything call it.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "dev.flagstaff.persistence.ConfiguredDataSource",
        maxPoolSize = Database.POOL_SIZE,
        minPoolSize = 0,
        initialPoolSize = 0,
        maxIdleTime = 300,
        // Payara's pool attributes (Open Liberty ignores them, with a warning each): a connection is checked
        // (Connection.isValid) before use at most once a second, and one that fails empties the pool, so a
        // database that restarted or cut the connections is used again as soon as it answers.
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=1",
                "fish.payara.fail-all-connections=true",
                // a request waits at most 10 s for a pooled connection (Payara's default is 60 s); opening one
                // is bounded by flagstaff.db.connect-timeout-seconds (ConfiguredDataSource)
                "fish.payara.max-wait-time-in-millis=10000"})
public class Database {

    /** Flagstaff's own data source, defined above; persistence.xml names it too. */
    public static final String JNDI_NAME = "java:app/jdbc/flagstaff";

    /** The most connections the server pools for Flagstaff's own data source ({@code flagstaff.db.pool-size}). */
    public static final int POOL_SIZE = 10;

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(lookup = JNDI_NAME)
    DataSource own;

    @PersistenceUnit(unitName = "flagstaff")
    EntityManagerFactory entityManagerFactory;

    @Inject
    Metrics metrics;

    /** How often a start without the database tries to reach it again. */
    static final int RETRY_SECONDS = 5;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> retry;
    private volatile boolean stopped;
    private volatile CountingDataSource dataSource;
    private volatile Vendor vendor;
    private volatile boolean ownDataSource;
    private volatile boolean migrated;

    @PostConstruct
    void start() {
        DatabaseSettings settings;
        try {
            settings = DatabaseSettings.from(ConfigProvider.getConfig(Database.class.getClassLoader()));
            choose(settings);
            open(settings);
        } catch (DatabaseUnreachable e) {
            // not a bad setting: the database is away. Start anyway (evaluations and the API answer 503 until it
            // is reached) and keep trying in the background instead of failing the deployment for good.
            LOG.warning("Flagstaff starts without its database: " + e.getMessage() + "; requests that need it "
                    + "answer 503 until it is reached; trying again every " + RETRY_SECONDS + " s");
            DatabaseSettings retrying = DatabaseSettings.from(ConfigProvider.getConfig(Database.class.getClassLoader()));
            retry = scheduler.scheduleWithFixedDelay(() -> retry(retrying), RETRY_SECONDS, RETRY_SECONDS,
                    TimeUnit.SECONDS);
        } catch (StartupFailure e) {
            throw e.reported();
        }
    }

    /** One background attempt to reach and migrate the database after a start without it. */
    private synchronized void retry(DatabaseSettings settings) {
        if (migrated || stopped) {
            return;
        }
        try {
            open(settings);
            retry.cancel(false);
        } catch (DatabaseUnreachable e) {
            LOG.fine("The database is still unreachable: " + e.getMessage());
        } catch (RuntimeException e) {
            // reached, but something else is wrong (e.g. a migration failed): said once per attempt
            LOG.severe("Flagstaff cannot use its database: " + rootMessage(e) + "; trying again in "
                    + RETRY_SECONDS + " s");
        }
    }

    /** Which DataSource: the settings are checked here, and a bad one stops the start. */
    private void choose(DatabaseSettings settings) {
        if (settings.jndiName().isPresent()) {
            dataSource = new CountingDataSource(lookup(settings.jndiName().get()));
        } else {
            checkOwn(settings);
            dataSource = new CountingDataSource(own);
            ownDataSource = true;
        }
    }

    private void open(DatabaseSettings settings) {
        vendor = detectVendor(dataSource, settings);
        migrate(settings);
        try {
            entityManagerFactory.createEntityManager().close(); // logs in now, so a mapping error stops the start
        } catch (RuntimeException e) {
            if (Outage.connectionFailure(e)) {
                throw new DatabaseUnreachable("the persistence unit cannot reach the database given by "
                        + describeSource(settings) + ": " + rootMessage(e));
            }
            throw new StartupFailure("the persistence unit cannot start on the database given by "
                    + describeSource(settings) + ": " + rootMessage(e));
        }
        migrated = true;
        Outage.started();
        countUses(metrics, settings.jndiName().isEmpty());
        LOG.info("Flagstaff database ready: " + vendor + " at "
                + settings.jndiName().map(n -> "JNDI " + n).orElse(settings.redactedUrl()));
    }

    /** The DataSource everything uses, with its counts of connections and statements. */
    public CountingDataSource dataSource() {
        return dataSource;
    }

    public Vendor vendor() {
        return vendor;
    }

    /** The database found, or null while it has not been reached yet. */
    public Vendor vendorIfKnown() {
        return vendor;
    }

    /** True when Flagstaff's own data source is used ({@code flagstaff.db.url}), not a server DataSource by JNDI name. */
    public boolean ownDataSource() {
        return ownDataSource;
    }

    /** True once the Flyway migrations ran to the end (readiness needs it). */
    public boolean migrated() {
        return migrated;
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (retry != null) {
            retry.cancel(false);
        }
        migrated = false;
    }

    /** The settings of Flagstaff's own data source, checked before it opens a connection. */
    static void checkOwn(DatabaseSettings settings) {
        if (Vendor.fromUrl(settings.effectiveUrl()) == null) {
            throw new StartupFailure(settings.unsupportedUrl());
        }
        if (settings.poolSize() != POOL_SIZE) {
            throw new StartupFailure(DatabaseSettings.setting(DatabaseSettings.POOL_SIZE) + " = " + settings.poolSize()
                    + ": the server pools at most " + POOL_SIZE + " connections for Flagstaff's own data source; "
                    + "for another size, define a DataSource in the server and name it with "
                    + DatabaseSettings.setting(DatabaseSettings.JNDI));
        }
        if (settings.embedded()) {
            try {
                Files.createDirectories(settings.dataDir());
            } catch (IOException e) {
                throw new StartupFailure(DatabaseSettings.setting(DatabaseSettings.DATA_DIR) + " = "
                        + settings.dataDir() + " cannot be created: " + e);
            }
        }
    }

    /**
     * Connections and statements through Flagstaff's DataSource, and, for its own data source, the
     * connections the server's pool holds open and the most it may.
     */
    private void countUses(Metrics metrics, boolean ownPool) {
        if (metrics == null) {
            return;
        }
        FunctionCounter.builder("flagstaff.db.connections.taken", dataSource, CountingDataSource::connections)
                .description("Connections taken from the DataSource since start").register(metrics.registry());
        FunctionCounter.builder("flagstaff.db.statements", dataSource, CountingDataSource::statements)
                .description("Statements created or prepared since start").register(metrics.registry());
        if (ownPool) {
            Tags pool = Tags.of("pool", "flagstaff");
            Gauge.builder("flagstaff.db.pool.connections", ConfiguredDataSource::open).tags(pool)
                    .description("Physical connections the server's pool holds open for Flagstaff's data source")
                    .register(metrics.registry());
            Gauge.builder("flagstaff.db.pool.connections.max", () -> POOL_SIZE).tags(pool)
                    .description("The most connections the server's pool opens for Flagstaff's data source")
                    .register(metrics.registry());
        }
    }

    /** The server's DataSource named by {@code flagstaff.db.jndi}. */
    static DataSource lookup(String name) {
        try {
            Object found = new InitialContext().lookup(name);
            if (found instanceof DataSource ds) {
                return ds;
            }
            throw new StartupFailure(DatabaseSettings.setting(DatabaseSettings.JNDI) + " = " + name
                    + " is not a DataSource but " + found.getClass().getName());
        } catch (NamingException e) {
            throw new StartupFailure(DatabaseSettings.setting(DatabaseSettings.JNDI) + " = " + name
                    + " names no DataSource: " + e.getMessage());
        }
    }

    /** The database behind {@code dataSource}; a failure to connect names the setting that chose it. */
    static Vendor detectVendor(DataSource dataSource, DatabaseSettings settings) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            Vendor detected = Vendor.fromProductName(product);
            if (detected == null) {
                throw new StartupFailure("the database given by " + describeSource(settings)
                        + " is " + product + "; Flagstaff supports H2, PostgreSQL, MariaDB and MySQL");
            }
            return detected;
        } catch (SQLException | RuntimeException e) {
            if (e instanceof StartupFailure failure) {
                throw failure;
            }
            if (Outage.connectionFailure(e)) {
                throw new DatabaseUnreachable(settings.jndiName().isPresent()
                        ? "cannot connect to the database given by " + describeSource(settings) + ": " + rootMessage(e)
                        : "cannot connect to the database " + settings.redactedUrl() + " given by "
                        + DatabaseSettings.setting(embeddedOr(settings, DatabaseSettings.URL)) + ": " + rootMessage(e));
            }
            throw new StartupFailure(settings.jndiName().isPresent()
                    ? "cannot connect to the database given by " + describeSource(settings) + ": " + rootMessage(e)
                    : "cannot connect to the database " + settings.redactedUrl() + " given by "
                    + DatabaseSettings.setting(embeddedOr(settings, DatabaseSettings.URL)) + ": " + rootMessage(e));
        }
    }

    /**
     * Runs the migrations in {@code db/migration}. The empty {@code flyway.location} files there and in
     * {@code db/callback} let Flyway find the folders inside a WAR on Open Liberty, whose class loader
     * does not list directories.
     */
    private void migrate(DatabaseSettings settings) {
        try {
            MigrateResult result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .placeholders(vendor.flywayPlaceholders(Timestamps.nowMicros()))
                    .load()
                    .migrate();
            LOG.info("Flagstaff schema at version " + result.targetSchemaVersion + " ("
                    + result.migrationsExecuted + " migration(s) applied now)");
        } catch (FlywayException e) {
            if (Outage.connectionFailure(e)) {
                throw new DatabaseUnreachable("migrating the database given by " + describeSource(settings)
                        + " failed, it cannot be reached: " + rootMessage(e));
            }
            throw new StartupFailure("migrating the database given by " + describeSource(settings)
                    + " failed: " + rootMessage(e));
        }
    }

    private static String describeSource(DatabaseSettings settings) {
        return settings.jndiName()
                .map(name -> DatabaseSettings.setting(DatabaseSettings.JNDI) + " = " + name)
                .orElse(DatabaseSettings.setting(embeddedOr(settings, DatabaseSettings.URL)) + " = "
                        + settings.redactedUrl());
    }

    private static String embeddedOr(DatabaseSettings settings, String key) {
        return settings.embedded() ? DatabaseSettings.DATA_DIR : key;
    }

    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return (message == null ? root.getClass().getSimpleName() : message).lines().findFirst().orElse("");
    }
}
