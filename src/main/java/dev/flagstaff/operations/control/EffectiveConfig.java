package dev.flagstaff.operations.control;

import dev.flagstaff.persistence.DatabaseSettings;
import dev.flagstaff.http.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.eclipse.microprofile.config.Config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The document of {@code GET /meta/config}: Flipt's top-level sections (contract 9.2), filled from what
 * Flagstaff really runs with, plus a {@code flagstaff} section with every Flagstaff setting's effective value.
 * Secrets never appear: a setting whose name speaks of a password, secret, token, credential or private key
 * is left out altogether (name and value), and credentials inside URLs are masked.
 */
public final class EffectiveConfig {

    /** Setting names that hold secrets; such settings are not shown at all. */
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(password|passwd|pwd|secret|token|credential|private|apikey|api-key|api_key).*");

    /** Settings shown with their defaults even when nobody set them. */
    static final String SNAPSHOTS_REFRESH = "flagstaff.snapshots.refresh-seconds";
    static final String AUTH_REQUIRED = "flagstaff.auth.required";

    private EffectiveConfig() {
    }

    /**
     * @param config   the application's MicroProfile Config
     * @param protocol the scheme this request came in with ({@code http}/{@code https})
     * @param port     the local port this request came in on
     */
    public static JsonObject document(Config config, String protocol, int port) {
        Map<String, String> settings = settings(config);
        DatabaseSettings db = DatabaseSettings.from(config);
        JsonObjectBuilder database = JsonP.PROVIDER.createObjectBuilder();
        if (db.jndiName().isPresent()) {
            database.add("jndi", db.jndiName().get());
        } else {
            database.add("url", db.redactedUrl());
            if (!db.user().isEmpty()) {
                database.add("user", db.user());
            }
            database.add("maxOpenConn", db.poolSize());
        }
        return JsonP.PROVIDER.createObjectBuilder()
                .add("version", "1.0")
                .add("log", JsonP.PROVIDER.createObjectBuilder().add("level", logLevel()).add("encoding", "console"))
                .add("ui", JsonP.PROVIDER.createObjectBuilder().add("enabled", false))
                .add("authentication", JsonP.PROVIDER.createObjectBuilder().add("required", authRequired(config)))
                .add("authorization", JsonP.PROVIDER.createObjectBuilder().add("required", false))
                .add("audit", JsonP.PROVIDER.createObjectBuilder().add("sinks", JsonP.PROVIDER.createObjectBuilder()
                        .add("log", disabled()).add("webhook", disabled()).add("kafka", disabled())))
                .add("cache", disabled())
                .add("cors", disabled())
                .add("server", JsonP.PROVIDER.createObjectBuilder().add("protocol", protocol)
                        .add(protocol.equals("https") ? "httpsPort" : "httpPort", port))
                .add("storage", JsonP.PROVIDER.createObjectBuilder().add("type", "database").add("readOnly", false))
                .add("db", database)
                .add("tracing", disabled())
                .add("diagnostics", JsonP.PROVIDER.createObjectBuilder().add("profiling", disabled()))
                .add("experimental", JsonP.PROVIDER.createObjectBuilder())
                .add("meta", JsonP.PROVIDER.createObjectBuilder()
                        .add("checkForUpdates", false).add("telemetryEnabled", false))
                .add("analytics", disabled())
                .add("metrics", JsonP.PROVIDER.createObjectBuilder().add("enabled", true).add("exporter", "prometheus"))
                .add("flagstaff", JsonP.PROVIDER.createObjectBuilder(new TreeMap<String, Object>(settings)))
                .build();
    }

    /** {@code flagstaff.auth.required}, false unless set. */
    public static boolean authRequired(Config config) {
        return config.getOptionalValue(AUTH_REQUIRED, Boolean.class).orElse(false);
    }

    /**
     * Every Flagstaff setting with its effective value: the known ones (with their defaults), and any other
     * {@code flagstaff.*} or {@code FLAGSTAFF_*} name a config source holds. Secret ones are left out.
     */
    static Map<String, String> settings(Config config) {
        Map<String, String> settings = new TreeMap<>();
        DatabaseSettings db = DatabaseSettings.from(config);
        settings.put(DatabaseSettings.URL, db.embedded() ? "" : db.url());
        settings.put(DatabaseSettings.USER, db.user());
        settings.put(DatabaseSettings.JNDI, db.jndiName().orElse(""));
        settings.put(DatabaseSettings.POOL_SIZE, Integer.toString(db.poolSize()));
        settings.put(DatabaseSettings.DATA_DIR, db.dataDir().toString());
        settings.put(SNAPSHOTS_REFRESH, value(config, SNAPSHOTS_REFRESH).orElse("5"));
        settings.put(AUTH_REQUIRED, Boolean.toString(authRequired(config)));
        for (String name : config.getPropertyNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean ours = lower.startsWith("flagstaff.") || name.startsWith("FLAGSTAFF_");
            if (ours && !settings.containsKey(name) && !knownAsEnvironment(name, settings)) {
                value(config, name).ifPresent(v -> settings.put(name, v));
            }
        }
        return visible(settings);
    }

    /** The settings fit to show: secret ones left out, credentials inside the others masked. */
    static Map<String, String> visible(Map<String, String> settings) {
        Map<String, String> visible = new TreeMap<>();
        settings.forEach((name, value) -> {
            if (!SECRET_NAME.matcher(name).matches()) {
                visible.put(name, DatabaseSettings.redact(value));
            }
        });
        return visible;
    }

    /** {@code FLAGSTAFF_DB_URL} when {@code flagstaff.db.url} is already listed. */
    private static boolean knownAsEnvironment(String name, Map<String, String> settings) {
        return settings.keySet().stream()
                .anyMatch(key -> DatabaseSettings.environmentName(key).equals(name));
    }

    private static Optional<String> value(Config config, String name) {
        try {
            return config.getOptionalValue(name, String.class);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static JsonObjectBuilder disabled() {
        return JsonP.PROVIDER.createObjectBuilder().add("enabled", false);
    }

    private static String logLevel() {
        Logger logger = Logger.getLogger("dev.flagstaff");
        while (logger != null && logger.getLevel() == null) {
            logger = logger.getParent();
        }
        Level level = logger == null ? Level.INFO : logger.getLevel();
        return switch (level.getName()) {
            case "SEVERE" -> "ERROR";
            case "WARNING" -> "WARN";
            case "FINE", "FINER", "FINEST", "ALL" -> "DEBUG";
            default -> "INFO";
        };
    }
}
