package dev.flagstaff.persistence;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The persistence unit, described in code rather than in a persistence.xml so that the application server
 * does not build one of its own: Flagstaff chooses the DataSource at start-up from its settings and hands
 * it to EclipseLink. Entities are not woven, so to-one relations load eagerly (they are declared so).
 * Resource-local transactions ({@link Transactions}), no shared cache (the database is
 * the truth; several Flagstaff instances may share it), no schema generation (Flyway owns the schema).
 */
final class FlagstaffPersistenceUnit implements PersistenceUnitInfo {

    static final String NAME = "flagstaff";

    private final DataSource dataSource;
    private final List<String> entityClasses;
    private final ClassLoader classLoader;
    private final URL rootUrl;

    FlagstaffPersistenceUnit(DataSource dataSource, List<Class<?>> entities) {
        this.dataSource = dataSource;
        this.rootUrl = emptyRoot();
        this.entityClasses = entities.stream().map(Class::getName).toList();
        this.classLoader = FlagstaffPersistenceUnit.class.getClassLoader();
    }

    private static URL emptyRoot() {
        try {
            Path root = Files.createTempDirectory("flagstaff-pu");
            root.toFile().deleteOnExit();
            return root.toUri().toURL();
        } catch (IOException e) {
            throw new StartupFailure("cannot create a temporary folder for the persistence unit: " + e);
        }
    }

    @Override
    public String getPersistenceUnitName() {
        return NAME;
    }

    @Override
    public String getPersistenceProviderClassName() {
        return "org.eclipse.persistence.jpa.PersistenceProvider";
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    /**
     * EclipseLink opens the unit's root as an archive to look for {@code META-INF/orm.xml}. Flagstaff maps
     * with annotations only, and a WAR's class location is not an archive every server lets EclipseLink
     * read, so the root is an empty folder of our own: nothing to find, the same on every server.
     */
    @Override
    public URL getPersistenceUnitRootUrl() {
        return rootUrl;
    }

    @Override
    public List<String> getManagedClassNames() {
        return entityClasses;
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return new Properties();
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.0";
    }

    @Override
    public ClassLoader getClassLoader() {
        return classLoader;
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // no weaving: entities are used as compiled
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return classLoader;
    }
}
