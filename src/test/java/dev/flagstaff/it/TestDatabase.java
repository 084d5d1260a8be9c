package dev.flagstaff.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Chooses the database the deployed WAR runs on for this test run ({@code -Dflagstaff.it.db=h2|postgresql|
 * mariadb}, set per failsafe execution), empties it, and hands its settings to Payara Micro as JVM options
 * before Arquillian starts the server. The WAR itself is the unchanged build output.
 * <p>
 * An unreachable PostgreSQL or MariaDB skips the suite with a visible message, except under {@code CI=true},
 * where it fails the run.
 */
public class TestDatabase implements BeforeAllCallback {

    private static volatile String prepared;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (System.getProperty("payara.microJar") == null) {
            return; // inside the server (an in-container test): the client side prepared the database
        }
        String db = System.getProperty("flagstaff.it.db", "h2");
        synchronized (TestDatabase.class) {
            if (db.equals(prepared)) {
                return;
            }
            String jvmOptions = switch (db) {
                case "h2" -> h2();
                case "postgresql" -> postgresql();
                case "mariadb" -> mariadb();
                default -> throw new IllegalArgumentException("flagstaff.it.db must be h2, postgresql or mariadb: " + db);
            };
            // no background revision polling on the shared test server: it reads the database every few
            // seconds, which EvaluationHotPathIT would count against evaluations on a slow machine
            // (ServerProcessIT tests the polling on servers of its own); likewise no polling for due scheduled
            // changes: schedules made through this server still run on its timers (ScheduleInstancesIT tests
            // the polling); no shutdown grace either: each stop would wait it out (ShutdownDrainIT tests it on a
            // server of its own)
            System.setProperty("payara.cmdOptions", "-Xmx512m -Dflagstaff.snapshots.refresh-seconds=0 "
                    + "-Dflagstaff.schedules.poll-seconds=0 -Dflagstaff.shutdown.grace-seconds=0 " + jvmOptions);
            prepared = db;
            System.out.println("[flagstaff-it] API tests run on " + db);
        }
    }

    /** Where a test run keeps files (the H2 database), below target/. */
    static Path workDir() {
        return Path.of(System.getProperty("flagstaff.it.workDir", "target/it")).toAbsolutePath();
    }

    private static String h2() {
        Path dir = workDir().resolve("h2");
        deleteTree(dir);
        return "-Dflagstaff.data-dir=" + dir;
    }

    private static String postgresql() {
        return postgresqlSchema(named("flagstaff_it")).entrySet().stream()
                .map(e -> "-D" + e.getKey() + "=" + e.getValue())
                .reduce((a, b) -> a + " " + b).orElseThrow();
    }

    /**
     * A fresh PostgreSQL schema of its own for a test, as the Flagstaff settings that point at it; skipped
     * (or, under CI=true, failed) like the PostgreSQL suite when PostgreSQL cannot be reached.
     */
    static java.util.Map<String, String> postgresqlSchema(String schema) {
        String admin = env("FLAGSTAFF_IT_POSTGRESQL_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("FLAGSTAFF_IT_POSTGRESQL_USER", "postgres");
        String password = env("FLAGSTAFF_IT_POSTGRESQL_PASSWORD", "");
        execute("PostgreSQL", admin, user, password,
                "DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("flagstaff.db.url", admin + (admin.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        settings.put("flagstaff.db.user", user);
        if (!password.isEmpty()) {
            settings.put("flagstaff.db.password", password);
        }
        return settings;
    }

    /** The admin JDBC URL of the PostgreSQL the tests use. */
    static String postgresqlUrl() {
        return env("FLAGSTAFF_IT_POSTGRESQL_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    /** Runs statements as the PostgreSQL admin user; skipped (under CI=true: failed) when unreachable. */
    static void postgresqlAdmin(String... statements) {
        execute("PostgreSQL", postgresqlUrl(), env("FLAGSTAFF_IT_POSTGRESQL_USER", "postgres"),
                env("FLAGSTAFF_IT_POSTGRESQL_PASSWORD", ""), statements);
    }

    /**
     * Settings for a server of a test's own (a {@link PayaraProcess}) on the database of this run, in a
     * fresh H2 folder, PostgreSQL schema or MariaDB database named after {@code name}.
     */
    static java.util.Map<String, String> ownDatabase(String name) {
        String db = System.getProperty("flagstaff.it.db", "h2");
        switch (db) {
            case "postgresql":
                return postgresqlSchema(named("flagstaff_" + name));
            case "mariadb": {
                String admin = env("FLAGSTAFF_IT_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
                String user = env("FLAGSTAFF_IT_MARIADB_USER", "root");
                String password = env("FLAGSTAFF_IT_MARIADB_PASSWORD", "");
                String database = named("flagstaff_" + name);
                execute("MariaDB", admin, user, password, "DROP DATABASE IF EXISTS " + database,
                        "CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
                java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
                settings.put("flagstaff.db.url", admin.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1"));
                settings.put("flagstaff.db.user", user);
                if (!password.isEmpty()) {
                    settings.put("flagstaff.db.password", password);
                }
                return settings;
            }
            default: {
                Path dir = workDir().resolve(name + "-data");
                deleteTree(dir);
                return new java.util.LinkedHashMap<>(java.util.Map.of("flagstaff.data-dir", dir.toString()));
            }
        }
    }

    private static String mariadb() {
        String admin = env("FLAGSTAFF_IT_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
        String user = env("FLAGSTAFF_IT_MARIADB_USER", "root");
        String password = env("FLAGSTAFF_IT_MARIADB_PASSWORD", "");
        String database = named("flagstaff_it");
        execute("MariaDB", admin, user, password,
                "DROP DATABASE IF EXISTS " + database, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
        String app = admin.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
        return "-Dflagstaff.db.url=" + app + " -Dflagstaff.db.user=" + user + passwordOption(password);
    }

    private static void execute(String name, String url, String user, String password, String... statements) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            String message = name + " is not reachable at " + url + " as " + user + ": " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true and " + message, e);
            }
            System.out.println("[flagstaff-it] SKIPPED: " + message);
            throw new TestAbortedException(message);
        }
    }

    /**
     * A test schema or database name, with the run's {@code FLAGSTAFF_IT_DB_SUFFIX} appended (letters, digits
     * and underscores only), so that test runs from several checkouts on one machine do not drop each
     * other's databases. Without it the names are the plain ones the README gives.
     */
    static String named(String base) {
        String suffix = env("FLAGSTAFF_IT_DB_SUFFIX", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "");
        return suffix.isEmpty() ? base : base + "_" + suffix;
    }

    static String passwordOption(String password) {
        return password.isEmpty() ? "" : " -Dflagstaff.db.password=" + password;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
