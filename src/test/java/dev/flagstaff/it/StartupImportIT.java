package dev.flagstaff.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Flags as files: a server started with {@code flagstaff.import.path} imports the folder's Flipt documents into
 * empty namespaces, logs a bad file with its line, and leaves namespaces that have flags alone when it starts again.
 */
@Tag("embedded-only")
class StartupImportIT {

    @Test
    void importsAFolderIntoEmptyNamespacesAndNeverTwice() throws IOException {
        Path dataDir = TestDatabase.workDir().resolve("import-data");
        Path folder = TestDatabase.workDir().resolve("import-flags");
        TestDatabase.deleteTree(dataDir);
        TestDatabase.deleteTree(folder);
        Files.createDirectories(folder.resolve("teams"));
        Files.writeString(folder.resolve("default.yml"), TransferIT.DOCS_EXAMPLE);
        // Flipt's JSON stream form (flipt export --all-namespaces -o json): one document per line
        Files.writeString(folder.resolve("teams/payments.json"),
                "{\"version\":\"1.4\",\"namespace\":{\"key\":\"payments\",\"name\":\"Payments\"},\"flags\":[{\"key\":"
                        + "\"checkout\",\"name\":\"Checkout\",\"type\":\"BOOLEAN_FLAG_TYPE\",\"enabled\":true}]}\n"
                        + "{\"namespace\":\"search\",\"flags\":[{\"key\":\"fuzzy\",\"name\":\"Fuzzy\"}]}\n");
        Files.writeString(folder.resolve("zz-bad.yml"),
                "namespace: broken\nflags:\n- key: x\n  name: X\n  variants:\n  - key: v\n    default: maybe\n");
        Files.writeString(folder.resolve("notes.txt"), "not a document");
        Map<String, String> settings = Map.of("flagstaff.data-dir", dataDir.toString(),
                "flagstaff.import.path", folder.toString());

        try (PayaraProcess first = PayaraProcess.start("import-1", settings, Map.of())) {
            first.awaitReady();
            String log = first.log();
            assertTrue(log.contains("Flagstaff import: default.yml (line 1) into namespace default: 1 flags, 1 segments"), log);
            assertTrue(log.contains("Flagstaff import: payments.json (line 1) into namespace payments: 1 flags, 0 segments"), log);
            assertTrue(log.contains("Flagstaff import: payments.json (line 2) into namespace search: 1 flags, 0 segments"), log);
            assertEquals(1, log.lines().filter(l -> l.contains("zz-bad.yml")).count(), log);
            assertTrue(log.contains("zz-bad.yml is not a Flipt document: line 7: flags[0].variants[0].default must be "
                    + "true or false"), log);

            Api api = new Api(first.url());
            JsonObject answer = api.post("/evaluate/v1/variant", "{\"flagKey\":\"new-contact-page\",\"entityId\":\"u1\","
                    + "\"context\":{\"beta_user\":\"true\"}}").ok();
            assertTrue(answer.getBoolean("match"), answer.toString());
            assertEquals("Payments", api.get("/api/v1/namespaces/payments").ok().getString("name"));
            assertTrue(api.get("/api/v1/namespaces/payments/flags/checkout").ok().getBoolean("enabled"));
            assertEquals("fuzzy", api.get("/api/v1/namespaces/search/flags/fuzzy").ok().getString("key"));
            api.get("/api/v1/namespaces/broken").assertError(404, 5, "namespace \"broken\" not found");
            // a change made after the import must survive the next start
            api.put("/api/v1/namespaces/payments/flags/checkout", "{\"name\":\"Checkout\",\"enabled\":false}").ok();
        }

        try (PayaraProcess second = PayaraProcess.start("import-2", settings, Map.of())) {
            second.awaitReady();
            String log = second.log();
            assertTrue(log.contains("Flagstaff import: namespace payments already has flags or segments, payments.json "
                    + "(line 1) left it alone"), log);
            assertTrue(log.contains("Flagstaff import: namespace default already has flags or segments"), log);
            Api api = new Api(second.url());
            assertFalse(api.get("/api/v1/namespaces/payments/flags/checkout").ok().getBoolean("enabled"));
            assertEquals(1, api.get("/api/v1/flags").ok().getJsonArray("flags").size());
        }
    }
}
