package dev.flagstaff.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
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
 *
 * <p>When Flagstaff's own data source cannot reach its database here, the platform is taken from the URL and
 * the unit logs in without it ({@link FirstLoginDataSource}), so that the application starts and answers 503
 * until {@link Database} reaches the database. A server DataSource ({@code flagstaff.db.jndi}) whose database
 * is away still stops the start: which database it is cannot be told without it.
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
        FirstLoginDataSource unreached = null;
        for (Login login : logins(session)) {
            if (connectorOf(login) instanceof JNDIConnector jndi && !(jndi.getDataSource() instanceof CountingDataSource)
                    && !(jndi.getDataSource() instanceof FirstLoginDataSource)) {
                DataSource chosen = server != null || jndi.getDataSource() == null ? server : jndi.getDataSource();
                if (chosen == null) {
                    continue; // a login by name only: the server resolves it
                }
                DataSource counted = new CountingDataSource(chosen);
                if (vendor == null && unreached == null) {
                    try {
                        vendor = Database.detectVendor(chosen, settings);
                    } catch (DatabaseUnreachable e) {
                        if (server != null) {
                            throw e; // a server DataSource: its database cannot be told without reaching it
                        }
                        // Flagstaff's own data source: the URL tells the database; log in without it
                        vendor = Vendor.fromUrl(settings.effectiveUrl());
                        unreached = new FirstLoginDataSource(counted);
                    }
                }
                jndi.setDataSource(unreached != null ? unreached : counted);
            }
        }
        if (vendor == null && server == null) {
            vendor = Vendor.fromUrl(settings.effectiveUrl()); // logins by name only: the URL tells the database
        }
        if (unreached != null) {
            FirstLoginDataSource loggingIn = unreached;
            session.getEventManager().addListener(new SessionEventAdapter() {
                @Override
                public void postLogin(SessionEvent event) {
                    loggingIn.loggedIn();
                }
            });
        }
        String platform = vendor == null ? null
                : unreached != null && vendor == Vendor.MARIADB ? MariaDbPlatform.class.getName() : vendor.eclipseLinkTarget();
        for (Login login : logins(session)) {
            if (platform != null && login instanceof DatasourceLogin datasourceLogin) {
                datasourceLogin.setPlatformClassName(platform);
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
