package dev.flagstaff.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operational endpoints as a platform sees them: {@code /meta/info} and {@code /meta/config} (contract
 * 9.1, 9.2), {@code /health} with MicroProfile Health's {@code /health/live} and {@code /health/ready} (9.3), and
 * Prometheus text at {@code /metrics} (9.4) whose counters move with the requests. Flagstaff answers these
 * paths, not Payara's own health and metrics services. One test breaks the database under a running server.
 */
@FlagstaffIT
class OperationsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void metaInfoDescribesTheServer() {
        Api.Reply reply = new Api(base).get("/meta/info");
        assertEquals("application/json", reply.contentType().replaceAll(";.*", ""));
        JsonObject info = reply.ok();
        assertTrue(info.getString("version").matches("v1\\.\\d+\\.\\d+"), info.toString());
        assertTrue(info.getString("goVersion").startsWith("java "), info.toString());
        assertFalse(info.getBoolean("updateAvailable"));
        assertEquals(JsonValue.ValueType.FALSE, info.get("isRelease").getValueType(), "a -SNAPSHOT build");
        assertFalse(info.getJsonObject("authentication").getBoolean("required"));
        assertEquals("database", info.getJsonObject("storage").getString("type"));
        assertTrue(info.getString("buildDate").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), info.toString());
        assertTrue(info.getJsonObject("flagstaff").getString("version").matches("\\d+\\.\\d+\\.\\d+.*"));
        assertFalse(info.getString("os").isEmpty());
        assertFalse(info.getString("arch").isEmpty());
    }

    @Test
    void metaConfigHasFliptsSectionsAndNoPassword() {
        JsonObject config = new Api(base).get("/meta/config").ok();
        for (String key : List.of("log", "ui", "authentication", "audit", "cache", "cors", "server", "storage",
                "db", "tracing", "metrics")) {
            assertTrue(config.containsKey(key), () -> key + " in " + config);
        }
        assertEquals("database", config.getJsonObject("storage").getString("type"));
        assertFalse(hasKeyNamedPassword(config), config.toString());
        JsonObject settings = config.getJsonObject("flagstaff");
        assertEquals("10", settings.getString("flagstaff.db.pool-size"));
        assertEquals("false", settings.getString("flagstaff.auth.required"));
        assertFalse(settings.containsKey("flagstaff.db.password"));
    }

    @Test
    void healthAnswersInFliptsAndMicroProfilesShapes() {
        Api api = new Api(base);
        Api.Reply health = api.get("/health");
        assertEquals(200, health.status());
        assertEquals("application/json", health.contentType().replaceAll(";.*", ""));
        assertEquals("{\"status\":\"SERVING\"}", health.body());
        assertEquals("{\"status\":\"SERVING\"}", api.get("/health?service=flipt").body());

        JsonObject live = api.get("/health/live").ok();
        assertEquals("UP", live.getString("status"));
        JsonObject ready = api.get("/health/ready").ok();
        assertEquals("UP", ready.getString("status"));
        assertEquals("UP", check(ready, "database").getString("status"));
    }

    @Test
    void evaluationsOnEveryApiCountInTheMetrics() {
        Api api = new Api(base);
        String ns = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        String p = "/api/v1/namespaces/" + ns;
        api.post("/api/v1/namespaces", "{\"key\":\"" + ns + "\",\"name\":\"Ops\"}").ok();
        api.post(p + "/flags", "{\"key\":\"dark\",\"name\":\"Dark\",\"type\":\"BOOLEAN_FLAG_TYPE\",\"enabled\":true}").ok();
        api.post(p + "/flags", "{\"key\":\"color\",\"name\":\"Color\",\"enabled\":true}").ok();
        String red = api.post(p + "/flags/color/variants", "{\"key\":\"red\"}").ok().getString("id");
        api.post(p + "/segments", "{\"key\":\"all\",\"name\":\"All\",\"matchType\":\"ANY_MATCH_TYPE\"}").ok();
        String rule = api.post(p + "/flags/color/rules", "{\"segmentKey\":\"all\",\"rank\":1}").ok().getString("id");
        api.post(p + "/flags/color/rules/" + rule + "/distributions",
                "{\"variantId\":\"" + red + "\",\"rollout\":100}").ok();
        Metrics before = Metrics.scrape(api);
        assertEquals(0, before.value("flipt_evaluations_requests_total", "flag", "dark", "namespace", ns));

        String dark = "{\"namespaceKey\":\"" + ns + "\",\"flagKey\":\"dark\",\"entityId\":\"u1\"}";
        String color = "{\"namespaceKey\":\"" + ns + "\",\"flagKey\":\"color\",\"entityId\":\"u1\"}";
        assertTrue(api.post("/evaluate/v1/boolean", dark).ok().getBoolean("enabled"));
        assertTrue(api.post("/evaluate/v1/boolean", dark).ok().getBoolean("enabled"));
        assertEquals("red", api.post("/evaluate/v1/variant", color).ok().getString("variantKey"));
        api.post("/evaluate/v1/batch", "{\"requests\":[" + dark + "," + color + "]}").ok();
        api.post(p + "/evaluate", "{\"flagKey\":\"color\",\"entityId\":\"u2\"}").ok();
        api.post(p + "/batch-evaluate", "{\"requests\":[{\"flagKey\":\"color\",\"entityId\":\"u3\"}]}").ok();
        assertEquals(200, api.send("POST", "/ofrep/v1/evaluate/flags/dark", "{\"context\":{\"targetingKey\":\"u\"}}",
                "application/json", "x-flipt-namespace", ns).status());
        api.post("/evaluate/v1/variant", "{\"namespaceKey\":\"" + ns + "\",\"flagKey\":\"made-up-flag-4711\","
                + "\"entityId\":\"u\"}").assertError(404, 5, "flag \"" + ns + "/made-up-flag-4711\" not found");
        api.post("/evaluate/v1/variant", dark).assertError(400, 3, "flag type BOOLEAN_FLAG_TYPE invalid");
        api.get(p + "/flags/dark").ok();
        api.get("/api/v1/flags/dark?namespaceKey=" + ns).ok();

        Metrics after = Metrics.scrape(api);
        // Prometheus text 0.0.4; servers may order or space the parameters differently
        String type = after.contentType().replace(" ", "");
        assertTrue(type.startsWith("text/plain;") && type.contains(";version=0.0.4"), after.contentType());
        // boolean: 2 evaluate/v1 + 1 batch + 1 OFREP + 1 type mismatch; variant: 1 + 1 batch + 2 legacy
        assertEquals(5, after.value("flipt_evaluations_requests_total", "flag", "dark", "namespace", ns));
        assertEquals(4, after.value("flipt_evaluations_requests_total", "flag", "color", "namespace", ns));
        assertEquals(4, after.value("flipt_evaluations_results_total", "flag", "dark", "match", "false",
                "namespace", ns, "reason", "DEFAULT_EVALUATION_REASON", "type", "boolean", "value", "true"));
        assertEquals(4, after.value("flipt_evaluations_results_total", "flag", "color", "match", "true",
                "namespace", ns, "reason", "MATCH_EVALUATION_REASON", "type", "variant", "value", "red"));
        assertEquals(1, after.value("flipt_evaluations_errors_total", "error", "invalid", "flag", "dark",
                "namespace", ns));
        // a key that does not exist never becomes a label value
        assertEquals(1, after.value("flipt_evaluations_errors_total", "error", "not_found", "flag", "",
                "namespace", ns));
        assertFalse(after.text().contains("made-up-flag-4711"));

        // requests by route template, not by raw path
        String route = "/api/v1/namespaces/{namespaceKey}/flags/{key}";
        assertEquals(before.value("flagstaff_http_server_requests_seconds_count", "method", "GET", "route", route,
                        "status", "200") + 1,
                after.value("flagstaff_http_server_requests_seconds_count", "method", "GET", "route", route,
                        "status", "200"));
        assertEquals(before.value("flagstaff_http_server_requests_seconds_count", "method", "POST",
                        "route", "/evaluate/v1/boolean", "status", "200") + 2,
                after.value("flagstaff_http_server_requests_seconds_count", "method", "POST",
                        "route", "/evaluate/v1/boolean", "status", "200"));
        String legacyRoute = "/api/v1/flags/{key}"; // the same Java method, inherited by the legacy resource
        assertEquals(before.value("flagstaff_http_server_requests_seconds_count", "method", "GET",
                        "route", legacyRoute, "status", "200") + 1,
                after.value("flagstaff_http_server_requests_seconds_count", "method", "GET",
                        "route", legacyRoute, "status", "200"));
        assertFalse(after.text().contains("route=\"" + p), "no raw paths as labels");

        // the database pool and the JVM
        assertTrue(after.value("flagstaff_db_pool_connections_max", "pool", "flagstaff") >= 1, after.text());
        assertTrue(after.text().contains("\njvm_memory_used_bytes{"), "JVM memory figures");
        assertTrue(after.text().contains("\njvm_threads_live_threads "), "JVM thread figures");
    }

    /**
     * A running server whose database stops letting it in: readiness goes down within its probe time while
     * {@code /health} and evaluations (served from memory) go on, and it comes back when the database does.
     * The password is a real one here, so this also checks that {@code /meta/config} does not show it.
     */
    @Test
    @Tag("embedded-only")
    void readinessFollowsTheDatabase() {
        // a role and schema of this run's own: other checkouts may run this test on the same PostgreSQL at once
        String role = "flagstaff_ready_" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Ready-pw-" + UUID.randomUUID().toString().substring(0, 8);
        TestDatabase.postgresqlAdmin("DROP SCHEMA IF EXISTS " + role + " CASCADE", "DROP ROLE IF EXISTS " + role,
                "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'",
                "CREATE SCHEMA " + role + " AUTHORIZATION " + role);
        String url = TestDatabase.postgresqlUrl();
        Map<String, String> settings = Map.of(
                "flagstaff.db.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + role,
                "flagstaff.db.user", role,
                "flagstaff.db.password", password);
        try (PayaraProcess server = PayaraProcess.start("readiness", settings, Map.of()).awaitReady()) {
            Api api = new Api(server.url());
            assertEquals(200, api.get("/health/ready").status(), () -> server.log());
            api.post("/api/v1/flags", "{\"key\":\"steady\",\"name\":\"Steady\",\"type\":\"BOOLEAN_FLAG_TYPE\","
                    + "\"enabled\":true}").ok();
            String evaluate = "{\"flagKey\":\"steady\",\"entityId\":\"u\"}";
            assertTrue(api.post("/evaluate/v1/boolean", evaluate).ok().getBoolean("enabled"));
            String config = api.get("/meta/config").body();
            assertFalse(config.contains(password), "the database password is not shown");
            assertFalse(config.contains("\"password\""), config);

            TestDatabase.postgresqlAdmin("ALTER ROLE " + role + " NOLOGIN",
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + role + "'");
            Api.Reply down = awaitReadiness(api, 503);
            JsonObject report = down.json();
            assertEquals("DOWN", report.getString("status"));
            assertEquals("DOWN", check(report, "database").getString("status"));
            assertEquals("UP", check(report, "flagstaff").getString("status"));
            assertEquals(200, api.get("/health/live").status());
            assertEquals("{\"status\":\"SERVING\"}", api.get("/health").body());
            assertTrue(api.post("/evaluate/v1/boolean", evaluate).ok().getBoolean("enabled"),
                    "evaluations go on from memory");

            TestDatabase.postgresqlAdmin("ALTER ROLE " + role + " LOGIN");
            assertEquals("UP", awaitReadiness(api, 200).json().getString("status"));
        } finally {
            TestDatabase.postgresqlAdmin("DROP SCHEMA IF EXISTS " + role + " CASCADE", "DROP ROLE IF EXISTS " + role);
        }
    }

    /** Polls readiness (each probe answers within a few seconds) until it has the status, for at most a minute. */
    private static Api.Reply awaitReadiness(Api api, int status) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        Api.Reply reply = api.get("/health/ready");
        while (reply.status() != status && System.nanoTime() < deadline) {
            PayaraProcess.sleep(250);
            reply = api.get("/health/ready");
        }
        Api.Reply last = reply;
        assertEquals(status, last.status(), () -> "readiness: " + last.body());
        return last;
    }

    private static JsonObject check(JsonObject report, String name) {
        return report.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + report));
    }

    private static boolean hasKeyNamedPassword(JsonValue value) {
        if (value instanceof JsonObject object) {
            return object.entrySet().stream().anyMatch(e -> e.getKey().equalsIgnoreCase("password")
                    || hasKeyNamedPassword(e.getValue()));
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            return value.asJsonArray().stream().anyMatch(OperationsIT::hasKeyNamedPassword);
        }
        return false;
    }


    /** One scrape of {@code /metrics}, read as Prometheus text: samples by name and label set. */
    record Metrics(String text, String contentType) {

        private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

        static Metrics scrape(Api api) {
            Api.Reply reply = api.get("/metrics");
            assertEquals(200, reply.status(), reply::body);
            return new Metrics(reply.body(), reply.contentType());
        }

        /** The sample with exactly these labels (name, value pairs), 0 when there is none. */
        double value(String name, String... labels) {
            Map<String, String> wanted = new LinkedHashMap<>();
            for (int i = 0; i < labels.length; i += 2) {
                wanted.put(labels[i], labels[i + 1]);
            }
            for (String line : text.split("\n")) {
                if (line.startsWith("#") || !line.startsWith(name)) {
                    continue;
                }
                String rest = line.substring(name.length());
                Map<String, String> found = new LinkedHashMap<>();
                if (rest.startsWith("{")) {
                    String labelText = rest.substring(1, rest.lastIndexOf('}'));
                    Matcher m = LABEL.matcher(labelText);
                    while (m.find()) {
                        found.put(m.group(1), m.group(2));
                    }
                    rest = rest.substring(rest.lastIndexOf('}') + 1);
                } else if (!rest.startsWith(" ")) {
                    continue; // a longer name with this one as prefix
                }
                if (found.equals(wanted)) {
                    return Double.parseDouble(rest.trim().split(" ")[0]);
                }
            }
            return 0;
        }
    }
}
