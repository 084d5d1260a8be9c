package dev.flagstaff.persistence;

import org.eclipse.microprofile.config.Config;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The database settings, read from MicroProfile Config (so each can also be given as an environment
 * variable, e.g. {@code FLAGSTAFF_DB_URL}).
 *
 * @param url      {@code flagstaff.db.url}: a JDBC URL; by default an H2 file database in the data folder
 * @param user     {@code flagstaff.db.user}
 * @param password {@code flagstaff.db.password}; never logged
 * @param jndi     {@code flagstaff.db.jndi}: a container-managed DataSource to use instead of the URL
 * @param poolSize {@code flagstaff.db.pool-size}: the most connections the server pools for Flagstaff's own
 *                 data source; fixed by its definition ({@link Database#POOL_SIZE})
 * @param dataDir  {@code flagstaff.data-dir}: the folder of the embedded database
 */
public record DatabaseSettings(String url, String user, String password, String jndi, int poolSize,
                               Path dataDir) {

    public static final String URL = "flagstaff.db.url";
    public static final String USER = "flagstaff.db.user";
    public static final String PASSWORD = "flagstaff.db.password";
    public static final String JNDI = "flagstaff.db.jndi";
    public static final String POOL_SIZE = "flagstaff.db.pool-size";
    public static final String DATA_DIR = "flagstaff.data-dir";

    public static DatabaseSettings from(Config config) {
        Path dataDir = Path.of(config.getOptionalValue(DATA_DIR, String.class).orElse("data")).toAbsolutePath();
        String url = config.getOptionalValue(URL, String.class).orElse(null);
        int poolSize;
        try {
            poolSize = config.getOptionalValue(POOL_SIZE, Integer.class).orElse(10);
        } catch (IllegalArgumentException e) {
            throw new StartupFailure(setting(POOL_SIZE) + " must be a whole number");
        }
        if (poolSize < 1) {
            throw new StartupFailure(setting(POOL_SIZE) + " must be at least 1, not " + poolSize);
        }
        return new DatabaseSettings(
                url,
                config.getOptionalValue(USER, String.class).orElse(""),
                config.getOptionalValue(PASSWORD, String.class).orElse(""),
                config.getOptionalValue(JNDI, String.class).filter(s -> !s.isBlank()).orElse(null),
                poolSize,
                dataDir);
    }

    /** The embedded database, used when no URL is set. */
    public boolean embedded() {
        return url == null || url.isBlank();
    }

    /** The URL to connect to: the configured one, or the H2 file in the data folder. */
    public String effectiveUrl() {
        return embedded() ? "jdbc:h2:file:" + dataDir.resolve("flagstaff") + ";DB_CLOSE_ON_EXIT=FALSE" : url;
    }

    /** The start-up failure for a URL of a database Flagstaff does not support. */
    public String unsupportedUrl() {
        return setting(URL) + " = " + redactedUrl()
                + " is not supported; use jdbc:h2:, jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:";
    }

    /** The URL with any password parameter blanked, fit for a log line. */
    public String redactedUrl() {
        return redact(effectiveUrl());
    }

    /** {@code password=…} and the like inside a value (JDBC URL parameters). */
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)((?:password|passwd|pwd|secret|token|credential)[a-z_-]*=)[^&;\\s]*");
    /** {@code scheme://user:secret@host} */
    private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/:@\\s]+):[^@/\\s]*@");

    /** A URL or setting value with its secrets masked ({@code password=***}, {@code //user:***@host}). */
    public static String redact(String value) {
        String masked = SECRET_PARAMETER.matcher(value).replaceAll("$1***");
        return URL_USER_INFO.matcher(masked).replaceAll("$1:***@");
    }

    public Optional<String> jndiName() {
        return Optional.ofNullable(jndi);
    }

    /** {@code key (env KEY)}: how a log line names a setting so the operator can find it either way. */
    public static String setting(String key) {
        return key + " (env " + environmentName(key) + ")";
    }

    /** The environment variable MicroProfile Config reads for {@code key}: {@code flagstaff.db.url} → {@code FLAGSTAFF_DB_URL}. */
    public static String environmentName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
