package dev.flagstaff.persistence;

import java.util.Locale;
import java.util.Map;

/**
 * The databases Flagstaff runs on, with what differs between them: the JDBC driver, EclipseLink's platform,
 * and the column types the migrations take as Flyway placeholders.
 */
public enum Vendor {
    H2("org.h2.Driver", "org.eclipse.persistence.platform.database.H2Platform", "CHARACTER VARYING(1048576)", ""),
    POSTGRESQL("org.postgresql.Driver", "org.eclipse.persistence.platform.database.PostgreSQLPlatform", "TEXT", ""),
    MARIADB("org.mariadb.jdbc.Driver", "org.eclipse.persistence.platform.database.MySQLPlatform", "LONGTEXT", "DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");

    private final String driverClass;
    private final String eclipseLinkTarget;
    private final String textType;
    private final String tableOptions;

    Vendor(String driverClass, String eclipseLinkTarget, String textType, String tableOptions) {
        this.driverClass = driverClass;
        this.eclipseLinkTarget = eclipseLinkTarget;
        this.textType = textType;
        this.tableOptions = tableOptions;
    }

    public String driverClass() {
        return driverClass;
    }

    public String eclipseLinkTarget() {
        return eclipseLinkTarget;
    }

    /** Placeholders the SQL migrations use where the dialects differ, and the time they run. */
    public Map<String, String> flywayPlaceholders(long nowMicros) {
        return Map.of("text_type", textType, "table_options", tableOptions, "now_micros", Long.toString(nowMicros));
    }

    /** The URL as this vendor's driver takes it: MariaDB's driver accepts {@code jdbc:mysql:} only when told to. */
    public String connectUrl(String url) {
        if (this == MARIADB && url.toLowerCase(Locale.ROOT).startsWith("jdbc:mysql:")) {
            return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
        }
        return url;
    }

    /** The vendor a JDBC URL names, or null when Flagstaff does not support it. */
    public static Vendor fromUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        return null;
    }

    /** The vendor a connection reports (for container DataSources, whose URL we do not know). */
    public static Vendor fromProductName(String productName) {
        String lower = productName.toLowerCase(Locale.ROOT);
        if (lower.contains("h2")) {
            return H2;
        }
        if (lower.contains("postgres")) {
            return POSTGRESQL;
        }
        if (lower.contains("mariadb") || lower.contains("mysql")) {
            return MARIADB;
        }
        return null;
    }
}
