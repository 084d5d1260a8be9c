package dev.flagstaff.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server as an operator runs it: data in the embedded H2 file survives a restart of the process, and a
 * bad database setting stops Flagstaff's start with one log line that names the setting.
 */
@Tag("embedded-only")
class ServerProcessIT {

    @Test
    void embeddedDatabaseSurvivesARestart() {
        Path dataDir = TestDatabase.workDir().resolve("restart-data");
        TestDatabase.deleteTree(dataDir);
        Map<String, String> props = Map.of("flagstaff.data-dir", dataDir.toString());
        JsonObject created;
        try (PayaraProcess first = PayaraProcess.start("restart-1", props, Map.of()).awaitReady()) {
            Api api = new Api(first.url());
            created = api.post("/api/v1/flags", "{\"key\":\"survivor\",\"name\":\"Survivor\",\"enabled\":true}").ok();
            api.post("/api/v1/flags/survivor/variants", "{\"key\":\"on\",\"attachment\":\"[1, 2]\"}").ok();
        }
        try (PayaraProcess second = PayaraProcess.start("restart-2", props, Map.of()).awaitReady()) {
            JsonObject again = new Api(second.url()).get("/api/v1/flags/survivor").ok();
            assertEquals(created.getString("createdAt"), again.getString("createdAt"));
            assertEquals("[1,2]", again.getJsonArray("variants").getJsonObject(0).getString("attachment"));
        }
    }

    @Test
    void writesThroughOneInstanceReachTheOthers() {
        Map<String, String> settings = new java.util.HashMap<>(TestDatabase.postgresqlSchema(TestDatabase.named("flagstaff_multi")));
        settings.put("flagstaff.snapshots.refresh-seconds", "1");
        try (PayaraProcess a = PayaraProcess.start("multi-a", settings, Map.of());
             PayaraProcess b = PayaraProcess.start("multi-b", settings, Map.of())) {
            Api writer = new Api(a.awaitReady().url());
            Api reader = new Api(b.awaitReady().url());
            writer.post("/api/v1/flags", "{\"key\":\"shared\",\"name\":\"Shared\",\"type\":\"BOOLEAN_FLAG_TYPE\"}").ok();
            String evaluate = "{\"flagKey\":\"shared\",\"entityId\":\"u\"}";
            assertFalse(reader.post("/evaluate/v1/boolean", evaluate).ok().getBoolean("enabled"));
            writer.put("/api/v1/flags/shared", "{\"name\":\"Shared\",\"enabled\":true}").ok();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            boolean seen = false;
            while (!seen && System.nanoTime() < deadline) {
                seen = reader.post("/evaluate/v1/boolean", evaluate).ok().getBoolean("enabled");
                if (!seen) {
                    PayaraProcess.sleep(200);
                }
            }
            assertTrue(seen, "instance b sees the write made through instance a");
        }
    }


    @Test
    void containerDataSourceByJndiName() {
        // Payara's own default DataSource (its bundled H2), named the way an operator names theirs
        try (PayaraProcess server = PayaraProcess.start("jndi", Map.of("flagstaff.db.jndi", "jdbc/__default"),
                Map.of()).awaitReady()) {
            assertTrue(server.log().contains("Flagstaff database ready: H2 at JNDI jdbc/__default"), server.log());
            Api api = new Api(server.url());
            api.post("/api/v1/namespaces", "{\"key\":\"jndi\",\"name\":\"JNDI\"}").ok();
            assertEquals("jndi", api.get("/api/v1/namespaces/jndi").ok().getString("key"));
        }
    }

    @Test
    void badDatabaseSettingStopsTheStartWithOneLineNamingIt() {
        try (PayaraProcess server = PayaraProcess.start("bad-url", Map.of(),
                Map.of("FLAGSTAFF_DB_URL", "jdbc:sqlserver://db:1433", "FLAGSTAFF_DB_PASSWORD", "s3cret-pw"))
                .awaitReady()) {
            String log = server.log();
            long lines = log.lines().filter(l -> l.contains("Flagstaff cannot start")).count();
            assertEquals(1, lines, log);
            assertTrue(log.contains("Flagstaff cannot start: flagstaff.db.url (env FLAGSTAFF_DB_URL) = "
                    + "jdbc:sqlserver://db:1433 is not supported"), log);
            assertFalse(log.contains("s3cret-pw"), "the password never reaches the log");
            assertNotEquals(200, server.status("/api/v1/namespaces"), "the API is not served");
        }
    }
}
