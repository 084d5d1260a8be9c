package dev.flagstaff.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Named in {@code persistence.xml}; EclipseLink calls it once, before the persistence unit first logs in
 * (on Payara while the application deploys, on Open Liberty at first use). Logging in reads no table.
 * It points every login of the unit at the DataSource the settings choose ({@link Database#dataSource}: the
 * application's own definition, or the server's DataSource named by {@code flagstaff.db.jndi}), wrapped so
 * that connections and statements are counted, and sets EclipseLink's platform for the vendor found there.
 * The server still enlists each connection in the JTA transaction: the wrapper only forwards to it.
 */
public class FlagstaffSessionCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        try {
            point(session);
        } catch (StartupFailure e) {
            throw e.reported();
        }
    }

    /**
     * The server may set the unit up while it deploys the application, before {@link Database} starts; the
     * settings are checked here as there, so that a bad one stops the start with the same line.
     */
    private static void point(Session session) {
        DatabaseSettings settings = DatabaseSettings.from(org.eclipse.microprofile.config.ConfigProvider.getConfig(
                FlagstaffSessionCustomizer.class.getClassLoader()));
        DataSource server = settings.jndiName().map(Database::lookup).orElse(null);
        if (server == null) {
            Database.checkOwn(settings);
        }
        Vendor vendor = null;
        for (Login login : logins(session)) {
            if (connectorOf(login) instanceof JNDIConnector jndi && !(jndi.getDataSource() instanceof CountingDataSource)) {
                DataSource chosen = server != null || jndi.getDataSource() == null ? server : jndi.getDataSource();
                if (chosen == null) {
                    continue; // a login by name only: the server resolves it
                }
                jndi.setDataSource(new CountingDataSource(chosen));
                if (vendor == null) {
                    vendor = Database.detectVendor(chosen, settings);
                }
            }
        }
        for (Login login : logins(session)) {
            if (vendor != null && login instanceof DatasourceLogin datasourceLogin) {
                datasourceLogin.setPlatformClassName(vendor.eclipseLinkTarget());
            }
        }
    }

    private static Connector connectorOf(Login login) {
        return login instanceof DatasourceLogin d ? d.getConnector() : null;
    }

    private static List<Login> logins(Session session) {
        List<Login> logins = new ArrayList<>();
        logins.add(session.getDatasourceLogin());
        if (session instanceof ServerSession server) {
            if (server.getReadConnectionPool() != null) {
                logins.add(server.getReadConnectionPool().getLogin());
            }
            for (ConnectionPool pool : server.getConnectionPools().values()) {
                logins.add(pool.getLogin());
            }
        }
        return logins.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }
}
