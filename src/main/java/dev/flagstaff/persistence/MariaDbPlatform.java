package dev.flagstaff.persistence;

import org.eclipse.persistence.platform.database.MySQLPlatform;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * EclipseLink's MySQL platform (the one Flagstaff uses for MariaDB and MySQL) for a persistence unit that logged
 * in while the database was away ({@link FirstLoginDataSource}): the platform reads the server's and the
 * driver's versions from the first connection it sees, and that one was never opened. It then waits for the
 * first real connection to read them, which EclipseLink hands it each time it opens one.
 */
public class MariaDbPlatform extends MySQLPlatform {

    @Override
    public void initializeConnectionData(Connection connection) throws SQLException {
        if (!FirstLoginDataSource.isUnreached(connection)) {
            super.initializeConnectionData(connection);
        }
    }
}
