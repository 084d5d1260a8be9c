package dev.flagstaff.persistence;

import com.zaxxer.hikari.HikariConfig;
import dev.flagstaff.http.Timestamps;
import com.zaxxer.hikari.HikariDataSource;
import dev.flagstaff.operations.control.Metrics;
import io.micrometer.core.instrument.FunctionCounter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;
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
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the database up when the application starts, in this order: settings, DataSource, Flyway
 * migrations, then JPA. Nothing touches the database before the migrations ran. A bad setting stops the
 * start with one log line that names it.
 */
@ApplicationScoped
public class Database {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    private CountingDataSource dataSource;
    private HikariDataSource ownPool;
    private EntityManagerFactory entityManagerFactory;
    private Vendor vendor;
    private volatile boolean migrated;

    @Inject
    Metrics metrics;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            open(DatabaseSettings.from(ConfigProvider.getConfig()));
        } catch (StartupFailure e) {
            LOG.severe("Flagstaff cannot start: " + e.getMessage());
            close();
            throw e;
        }
    }

    void open(DatabaseSettings settings) {
        dataSource = new CountingDataSource(
                settings.jndiName().isPresent() ? lookup(settings.jndiName().get()) : ownPool(settings));
        vendor = detectVendor(settings);
        migrate(settings);
        migrated = true;
        entityManagerFactory = createEntityManagerFactory();
        if (metrics != null) {
            countUses(metrics);
        }
        LOG.info("Flagstaff database ready: " + vendor + " at "
                + settings.jndiName().map(n -> "JNDI " + n).orElse(settings.redactedUrl()));
    }

    public EntityManagerFactory entityManagerFactory() {
        if (entityManagerFactory == null) {
            throw new IllegalStateException("the database is not started");
        }
        return entityManagerFactory;
    }

    /** The DataSource everything uses, with its counts of connections and statements. */
    public CountingDataSource dataSource() {
        return dataSource;
    }

    public Vendor vendor() {
        return vendor;
    }

    /** True once the Flyway migrations ran to the end (readiness needs it). */
    public boolean migrated() {
        return migrated;
    }

    /** Connections and statements through Flagstaff's DataSource, pooled by Flagstaff or by the server. */
    private void countUses(Metrics metrics) {
        CountingDataSource counted = dataSource;
        FunctionCounter.builder("flagstaff.db.connections.taken", counted, CountingDataSource::connections)
                .description("Connections taken from the DataSource since start").register(metrics.registry());
        FunctionCounter.builder("flagstaff.db.statements", counted, CountingDataSource::statements)
                .description("Statements created or prepared since start").register(metrics.registry());
    }

    @PreDestroy
    void close() {
        migrated = false;
        if (entityManagerFactory != null && entityManagerFactory.isOpen()) {
            entityManagerFactory.close();
        }
        entityManagerFactory = null;
        if (ownPool != null) {
            ownPool.close();
            ownPool = null;
        }
    }

    private DataSource lookup(String name) {
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

    private DataSource ownPool(DatabaseSettings settings) {
        String url = settings.effectiveUrl();
        Vendor urlVendor = Vendor.fromUrl(url);
        if (urlVendor == null) {
            throw new StartupFailure(DatabaseSettings.setting(DatabaseSettings.URL) + " = " + settings.redactedUrl()
                    + " is not supported; use jdbc:h2:, jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:");
        }
        if (settings.embedded()) {
            try {
                Files.createDirectories(settings.dataDir());
            } catch (IOException e) {
                throw new StartupFailure(DatabaseSettings.setting(DatabaseSettings.DATA_DIR) + " = "
                        + settings.dataDir() + " cannot be created: " + e);
            }
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("flagstaff");
        config.setDriverClassName(urlVendor.driverClass());
        config.setJdbcUrl(urlVendor == Vendor.MARIADB && url.toLowerCase().startsWith("jdbc:mysql:")
                ? withParameter(url, "permitMysqlScheme") : url);
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(1);
        config.setAutoCommit(true);
        if (metrics != null) {
            config.setMetricRegistry(metrics.registry()); // hikaricp_connections_* at /metrics
        }
        try {
            ownPool = new HikariDataSource(config);
            return ownPool;
        } catch (RuntimeException e) {
            throw new StartupFailure("cannot connect to the database " + settings.redactedUrl() + " given by "
                    + DatabaseSettings.setting(embeddedOr(settings, DatabaseSettings.URL)) + ": " + rootMessage(e));
        }
    }

    private Vendor detectVendor(DatabaseSettings settings) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            Vendor detected = Vendor.fromProductName(product);
            if (detected == null) {
                throw new StartupFailure("the database given by " + describeSource(settings)
                        + " is " + product + "; Flagstaff supports H2, PostgreSQL, MariaDB and MySQL");
            }
            return detected;
        } catch (SQLException e) {
            throw new StartupFailure("cannot connect to the database given by " + describeSource(settings)
                    + ": " + rootMessage(e));
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
            throw new StartupFailure("migrating the database given by " + describeSource(settings)
                    + " failed: " + rootMessage(e));
        }
    }

    private EntityManagerFactory createEntityManagerFactory() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("eclipselink.target-database", vendor.eclipseLinkTarget());
        properties.put("eclipselink.cache.shared.default", "false");
        properties.put("eclipselink.weaving", "false");
        properties.put("eclipselink.target-server", "None");
        properties.put("eclipselink.ddl-generation", "none");
        properties.put("eclipselink.logging.logger", "JavaLogger");
        properties.put("eclipselink.logging.level", "WARNING");
        PersistenceProvider provider = eclipseLink();
        EntityManagerFactory factory = provider.createContainerEntityManagerFactory(
                new FlagstaffPersistenceUnit(dataSource, Entities.ALL), properties);
        factory.createEntityManager().close(); // log in now, so a mapping error stops the start
        return factory;
    }

    private static PersistenceProvider eclipseLink() {
        for (PersistenceProvider provider : PersistenceProviderResolverHolder.getPersistenceProviderResolver()
                .getPersistenceProviders()) {
            if (provider.getClass().getName().startsWith("org.eclipse.persistence")) {
                return provider;
            }
        }
        try {
            return (PersistenceProvider) Class.forName("org.eclipse.persistence.jpa.PersistenceProvider")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new StartupFailure("the application server offers no EclipseLink persistence provider: " + e);
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

    private static String withParameter(String url, String parameter) {
        return url + (url.contains("?") ? "&" : "?") + parameter;
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return (message == null ? root.getClass().getSimpleName() : message).lines().findFirst().orElse("");
    }

    static {
        // Hikari and Flyway log through SLF4J; keep their chatter out of the server log unless asked for.
        Logger.getLogger("com.zaxxer.hikari").setLevel(Level.WARNING);
    }
}
