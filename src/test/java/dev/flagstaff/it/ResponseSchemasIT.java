package dev.flagstaff.it;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Real responses of every route of {@code /openapi} against the schema the document declares for them: each
 * operation of the served document is called at least once (with data that fills every optional part: metadata,
 * default variants, multi-segment rules, both rollout kinds, batch items of every type), and each JSON body is
 * checked against the response the operation declares for its status ({@code 200}, {@code 503}, or the
 * {@code default} error response): JSON types, formats ({@code date-time}, {@code int32}), enums, required fields,
 * and no field the schema does not declare. A route without a call here fails the test, so a new route needs one.
 * The document does not depend on the database, so this runs in the H2 suite only.
 */
@FlagstaffIT
@Tag("embedded-only")
class ResponseSchemasIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    private Api api;
    private OpenAPI document;
    private final Set<String> called = new TreeSet<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> ids = new HashMap<>();

    @Test
    void everyRouteAnswersAsItsSchemaSays() {
        api = new Api(base);
        Api.Reply served = api.get("/openapi?format=JSON");
        assertEquals(200, served.status());
        document = new OpenAPIV3Parser().readContents(served.body(), null, new ParseOptions()).getOpenAPI();
        assertNotNull(document, "/openapi parses");

        management();
        legacyManagement();
        evaluation();
        authAndOperations();
        transfer();
        deletes();

        Set<String> declared = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> declared.add(method + " " + path)));
        Set<String> notCalled = new TreeSet<>(declared);
        notCalled.removeAll(called);
        assertEquals(Set.of(), notCalled, "operations of /openapi that this test does not call");
        assertEquals(List.of(), problems, "responses that do not match the schema /openapi declares for them");
    }

    /** The checker itself: a body that breaks the declared schema in each way it looks at is refused for each. */
    @Test
    void theCheckerRefusesWhatTheSchemaDoesNot() {
        api = new Api(base);
        document = new OpenAPIV3Parser().readContents(api.get("/openapi?format=JSON").body(), null,
                new ParseOptions()).getOpenAPI();
        Schema<?> flag = new Schema<>().$ref("#/components/schemas/Flag");
        String wrong = "{\"key\":1,\"name\":\"n\",\"description\":\"\",\"enabled\":\"yes\","
                + "\"createdAt\":\"yesterday\",\"updatedAt\":\"2024-01-01T00:00:00Z\",\"variants\":{},"
                + "\"type\":\"ON_OFF\",\"extra\":true}";
        try (JsonReader reader = Json.createReader(new StringReader(wrong))) {
            check("a made-up flag", "", flag, reader.readValue());
        }
        assertEquals(List.of(
                "a made-up flag at the body: the required field namespaceKey is missing",
                "a made-up flag at /key: 1 is not a string",
                "a made-up flag at /enabled: \"yes\" is not a boolean",
                "a made-up flag at /createdAt: \"yesterday\" is not an RFC 3339 date-time",
                "a made-up flag at /variants: {} is not an array",
                "a made-up flag at /type: \"ON_OFF\" is none of [VARIANT_FLAG_TYPE, BOOLEAN_FLAG_TYPE]",
                "a made-up flag at /extra: a field the schema does not declare"), problems);
    }

    private void management() {
        call(200, "POST", "/api/v1/namespaces", "{\"key\":\"schemas\",\"name\":\"Schemas\"}");
        call(200, "GET", "/api/v1/namespaces", null);
        call(200, "GET", "/api/v1/namespaces/{key}", null, "key", "schemas");
        call(200, "PUT", "/api/v1/namespaces/{key}", "{\"name\":\"Schemas\",\"description\":\"d\"}", "key", "schemas");

        call(200, "POST", "/api/v1/namespaces/{namespaceKey}/flags",
                "{\"key\":\"color\",\"name\":\"Color\",\"enabled\":true,\"metadata\":{\"team\":\"web\",\"n\":[1]}}");
        id("red", call(200, "POST", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/variants",
                "{\"key\":\"red\",\"attachment\":\"{\\\"hex\\\": \\\"#f00\\\"}\"}", "flagKey", "color"));
        id("blue", call(200, "POST", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/variants",
                "{\"key\":\"blue\"}", "flagKey", "color"));
        call(200, "PUT", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/variants/{id}",
                "{\"key\":\"blue\",\"name\":\"Blue\"}", "flagKey", "color", "id", ids.get("blue"));
        call(200, "PUT", "/api/v1/namespaces/{namespaceKey}/flags/{key}", "{\"name\":\"Color\",\"enabled\":true,"
                + "\"defaultVariantId\":\"" + ids.get("red") + "\"}", "key", "color");
        call(200, "GET", "/api/v1/namespaces/{namespaceKey}/flags", null);
        call(200, "GET", "/api/v1/namespaces/{namespaceKey}/flags/{key}", null, "key", "color");

        call(200, "POST", "/api/v1/namespaces/{namespaceKey}/segments", "{\"key\":\"beta\",\"name\":\"Beta\"}");
        call(200, "POST", "/api/v1/namespaces/{namespaceKey}/segments",
                "{\"key\":\"staff\",\"name\":\"Staff\",\"matchType\":\"ANY_MATCH_TYPE\"}");
        id("plan", call(200, "POST", "/api/v1/namespaces/{namespaceKey}/segments/{segmentKey}/constraints",
                "{\"type\":\"STRING_COMPARISON_TYPE\",\"property\":\"plan\",\"operator\":\"eq\",\"value\":\"pro\"}",
                "segmentKey", "beta"));
        call(200, "PUT", "/api/v1/namespaces/{namespaceKey}/segments/{segmentKey}/constraints/{id}",
                "{\"type\":\"STRING_COMPARISON_TYPE\",\"property\":\"plan\",\"operator\":\"EQ\",\"value\":\"pro\"}",
                "segmentKey", "beta", "id", ids.get("plan"));
        call(200, "GET", "/api/v1/namespaces/{namespaceKey}/segments", null);
        call(200, "GET", "/api/v1/namespaces/{namespaceKey}/segments/{key}", null, "key", "beta");
        call(200, "PUT", "/api/v1/namespaces/{namespaceKey}/segments/{key}", "{\"name\":\"Beta users\"}",
                "key", "beta");

        id("both", call(200, "POST", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rules",
                "{\"segmentKeys\":[\"beta\",\"staff\"],\"segmentOperator\":\"AND_SEGMENT_OPERATOR\",\"rank\":1}",
                "flagKey", "color"));
        id("one", call(200, "POST", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rules",
                "{\"segmentKey\":\"beta\",\"rank\":2}", "flagKey", "color"));
        id("half", call(200, "POST",
                "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rules/{ruleId}/distributions",
                "{\"variantId\":\"" + ids.get("red") + "\",\"rollout\":50}", "flagKey", "color",
                "ruleId", ids.get("both")));
        call(200, "PUT", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rules/{ruleId}/distributions/{id}",
                "{\"variantId\":\"" + ids.get("red") + "\",\"rollout\":33.3}", "flagKey", "color",
                "ruleId", ids.get("both"), "id", ids.get("half"));
        call(200, "GET", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rules", null, "flagKey", "color");
        call(200, "GET", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rules/{id}", null, "flagKey", "color",
                "id", ids.get("both"));
        call(200, "PUT", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rules/{id}",
                "{\"segmentKeys\":[\"beta\",\"staff\"]}", "flagKey", "color", "id", ids.get("both"));
        call(200, "PUT", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rules/order",
                "{\"ruleIds\":[\"" + ids.get("one") + "\",\"" + ids.get("both") + "\"]}", "flagKey", "color");

        call(200, "POST", "/api/v1/namespaces/{namespaceKey}/flags",
                "{\"key\":\"dark\",\"name\":\"Dark\",\"type\":\"BOOLEAN_FLAG_TYPE\",\"enabled\":true}");
        id("threshold", call(200, "POST", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rollouts",
                "{\"rank\":1,\"threshold\":{\"percentage\":50,\"value\":true}}", "flagKey", "dark"));
        id("segment", call(200, "POST", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rollouts",
                "{\"rank\":2,\"segment\":{\"segmentKeys\":[\"beta\",\"staff\"],\"value\":true}}", "flagKey", "dark"));
        call(200, "GET", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rollouts", null, "flagKey", "dark");
        call(200, "GET", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rollouts/{id}", null,
                "flagKey", "dark", "id", ids.get("segment"));
        call(200, "PUT", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rollouts/{id}",
                "{\"threshold\":{\"percentage\":40.5,\"value\":false}}", "flagKey", "dark",
                "id", ids.get("threshold"));
        call(200, "PUT", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rollouts/order",
                "{\"rolloutIds\":[\"" + ids.get("segment") + "\",\"" + ids.get("threshold") + "\"]}",
                "flagKey", "dark");
        schedules();
        // an error answer is checked against the operation's default response
        call(404, "GET", "/api/v1/namespaces/{namespaceKey}/flags/{key}", null, "key", "nope");
    }

    /** Scheduled changes: pending ones of each kind with every field, and one that ran (executedAt). */
    private void schedules() {
        String path = "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/schedules";
        id("schedule", call(200, "POST", path, "{\"at\":\"2999-01-01T00:00:00Z\",\"change\":{\"type\":"
                + "\"SET_RULE_DISTRIBUTIONS\",\"ruleId\":\"" + ids.get("both") + "\",\"distributions\":[{\"variantId\":\""
                + ids.get("red") + "\",\"rollout\":60},{\"variantId\":\"" + ids.get("blue") + "\",\"rollout\":40}]}}",
                "flagKey", "color"));
        call(200, "POST", path, "{\"at\":\"2999-01-01T00:00:00Z\",\"change\":{\"type\":\"SET_ROLLOUT_THRESHOLD\","
                + "\"rolloutId\":\"" + ids.get("threshold") + "\",\"percentage\":75.5}}", "flagKey", "dark");
        call(200, "POST", path, "{\"at\":\"2999-01-01T00:00:00Z\",\"change\":{\"type\":\"DISABLE\"}}",
                "flagKey", "dark");
        // in the past: runs at once
        id("ran", call(200, "POST", path, "{\"at\":\"2000-01-01T00:00:00Z\",\"change\":{\"type\":"
                + "\"SET_DEFAULT_VARIANT\",\"variantId\":\"" + ids.get("red") + "\"}}", "flagKey", "color"));
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline && !"DONE".equals(api.get(path.replace("{namespaceKey}", "schemas")
                .replace("{flagKey}", "color") + "/" + ids.get("ran")).json().getString("state", ""))) {
            PayaraProcess.sleep(200);
        }
        call(200, "GET", path, null, "flagKey", "color");
        call(200, "GET", path + "/{id}", null, "flagKey", "color", "id", ids.get("ran"));
    }

    /** The routes without a namespace, in {@code default}. */
    private void legacyManagement() {
        call(200, "POST", "/api/v1/flags", "{\"key\":\"legacy\",\"name\":\"Legacy\",\"enabled\":true}");
        call(200, "GET", "/api/v1/flags", null);
        call(200, "PUT", "/api/v1/flags/{key}", "{\"name\":\"Legacy flag\",\"enabled\":true}", "key", "legacy");
        call(200, "GET", "/api/v1/flags/{key}", null, "key", "legacy");
        id("lv", call(200, "POST", "/api/v1/flags/{flagKey}/variants", "{\"key\":\"on\"}", "flagKey", "legacy"));
        call(200, "PUT", "/api/v1/flags/{flagKey}/variants/{id}", "{\"key\":\"on\",\"attachment\":\"[1, 2]\"}",
                "flagKey", "legacy", "id", ids.get("lv"));
        call(200, "POST", "/api/v1/segments", "{\"key\":\"everyone\",\"name\":\"Everyone\"}");
        call(200, "GET", "/api/v1/segments", null);
        call(200, "PUT", "/api/v1/segments/{key}", "{\"name\":\"All\"}", "key", "everyone");
        call(200, "GET", "/api/v1/segments/{key}", null, "key", "everyone");
        id("lc", call(200, "POST", "/api/v1/segments/{segmentKey}/constraints", "{\"type\":\"NUMBER_COMPARISON_TYPE\","
                + "\"property\":\"age\",\"operator\":\"gte\",\"value\":\"18\"}", "segmentKey", "everyone"));
        call(200, "PUT", "/api/v1/segments/{segmentKey}/constraints/{id}", "{\"type\":\"DATETIME_COMPARISON_TYPE\","
                + "\"property\":\"since\",\"operator\":\"lt\",\"value\":\"2024-01-01T00:00:00Z\"}",
                "segmentKey", "everyone", "id", ids.get("lc"));
        id("lr1", call(200, "POST", "/api/v1/flags/{flagKey}/rules", "{\"segmentKey\":\"everyone\",\"rank\":1}",
                "flagKey", "legacy"));
        id("lr2", call(200, "POST", "/api/v1/flags/{flagKey}/rules", "{\"segmentKey\":\"everyone\",\"rank\":2}",
                "flagKey", "legacy"));
        call(200, "GET", "/api/v1/flags/{flagKey}/rules", null, "flagKey", "legacy");
        call(200, "GET", "/api/v1/flags/{flagKey}/rules/{id}", null, "flagKey", "legacy", "id", ids.get("lr1"));
        call(200, "PUT", "/api/v1/flags/{flagKey}/rules/{id}", "{\"segmentKey\":\"everyone\"}",
                "flagKey", "legacy", "id", ids.get("lr1"));
        call(200, "PUT", "/api/v1/flags/{flagKey}/rules/order",
                "{\"ruleIds\":[\"" + ids.get("lr2") + "\",\"" + ids.get("lr1") + "\"]}", "flagKey", "legacy");
        id("ld", call(200, "POST", "/api/v1/flags/{flagKey}/rules/{ruleId}/distributions",
                "{\"variantId\":\"" + ids.get("lv") + "\",\"rollout\":100}", "flagKey", "legacy",
                "ruleId", ids.get("lr1")));
        call(200, "PUT", "/api/v1/flags/{flagKey}/rules/{ruleId}/distributions/{id}",
                "{\"variantId\":\"" + ids.get("lv") + "\",\"rollout\":\"99.5\"}", "flagKey", "legacy",
                "ruleId", ids.get("lr1"), "id", ids.get("ld"));
    }

    private void evaluation() {
        String request = "{\"namespaceKey\":\"schemas\",\"flagKey\":\"%s\",\"entityId\":\"u1\","
                + "\"context\":{\"plan\":\"pro\"}}";
        call(200, "POST", "/evaluate/v1/variant", String.format(request, "color"));
        call(200, "POST", "/evaluate/v1/boolean", String.format(request, "dark"));
        call(200, "POST", "/evaluate/v1/batch", "{\"requests\":[" + String.format(request, "color") + ","
                + String.format(request, "dark") + "," + String.format(request, "missing") + "]}");
        call(404, "POST", "/evaluate/v1/variant", String.format(request, "missing"));
        call(200, "POST", "/api/v1/namespaces/{namespaceKey}/evaluate",
                "{\"flagKey\":\"color\",\"entityId\":\"u1\",\"context\":{\"plan\":\"pro\"}}");
        call(200, "POST", "/api/v1/evaluate", "{\"flagKey\":\"legacy\",\"entityId\":\"u1\"}");
        call(200, "POST", "/api/v1/namespaces/{namespaceKey}/batch-evaluate",
                "{\"requests\":[{\"flagKey\":\"color\",\"entityId\":\"u1\",\"context\":{\"plan\":\"pro\"}}]}");
        call(200, "POST", "/api/v1/batch-evaluate",
                "{\"requests\":[{\"flagKey\":\"legacy\",\"entityId\":\"u1\"},{\"flagKey\":\"missing\",\"entityId\":\"u1\"}],"
                        + "\"excludeNotFound\":true}");

        call(200, "GET", "/ofrep/v1/configuration", null);
        String ofrep = "{\"context\":{\"targetingKey\":\"u1\",\"plan\":\"pro\"}}";
        call(200, "POST", "/ofrep/v1/evaluate/flags/{key}", ofrep, "key", "color");
        call(200, "POST", "/ofrep/v1/evaluate/flags/{key}", ofrep, "key", "dark");
        call(404, "POST", "/ofrep/v1/evaluate/flags/{key}", ofrep, "key", "missing");
        call(200, "POST", "/ofrep/v1/evaluate/flags", ofrep);

        call(200, "GET", "/internal/v1/evaluation/snapshot/namespace/{key}", null, "key", "schemas");
        // Flipt v2's client routes: the snapshot, and the first line of the stream (which stays open)
        call(200, "GET", "/client/v2/environments/{environmentKey}/namespaces/{key}/snapshot", null,
                "environmentKey", "default", "key", "schemas");
        called.add("GET /client/v2/environments/{environmentKey}/namespaces/{key}/stream");
        check("GET /client/v2/environments/default/namespaces/schemas/stream, the first line's result", "",
                new Schema<>().$ref("#/components/schemas/ClientEvaluationNamespaceSnapshot"),
                firstStreamLine("/client/v2/environments/default/namespaces/schemas/stream").get("result"));
        // the per-flag evaluation counts of the console's chart (Flipt's analytics route), over the last hour
        java.time.Instant now = java.time.Instant.now();
        call(200, "GET", "/internal/v1/analytics/namespaces/{namespaceKey}/flags/{flagKey}?from="
                + now.minusSeconds(3600) + "&to=" + now, null, "flagKey", "color");
    }

    private void authAndOperations() {
        call(200, "GET", "/auth/v1/method", null);
        JsonObject created = call(200, "POST", "/auth/v1/method/token",
                "{\"name\":\"ci\",\"description\":\"CI\",\"expiresAt\":\"2099-01-01T00:00:00Z\",\"role\":\"viewer\"}");
        String token = created == null ? "none" : created.getJsonObject("authentication").getString("id");
        call(200, "GET", "/auth/v1/tokens", null);
        call(200, "GET", "/auth/v1/tokens/{id}", null, "id", token);
        // the console's browser session (Flagstaff's addition): sign in with the token, no cookie is 401, sign out
        call(200, "POST", "/auth/v1/session", "{\"clientToken\":\""
                + (created == null ? "none" : created.getString("clientToken")) + "\"}");
        call(401, "GET", "/auth/v1/session", null);
        call(200, "DELETE", "/auth/v1/session", null);
        call(200, "DELETE", "/auth/v1/tokens/{id}", null, "id", token);
        // without authentication there is no caller: Flipt's 401, checked against the default response
        call(401, "GET", "/auth/v1/self", null);
        call(401, "PUT", "/auth/v1/self/expire", null);
        // the login methods without a provider or cluster configured here (OidcIT signs in with both): their errors
        call(404, "GET", "/auth/v1/method/oidc/{provider}/authorize?state=s", null, "provider", "nope");
        call(401, "GET", "/auth/v1/method/oidc/{provider}/callback?code=c&state=s", null, "provider", "nope");
        call(401, "POST", "/auth/v1/method/kubernetes/serviceaccount", "{\"serviceAccountToken\":\"t\"}");

        call(200, "GET", "/health", null);
        call(200, "GET", "/health/live", null);
        call(200, "GET", "/health/ready", null);
        call(200, "GET", "/meta/info", null);
        call(200, "GET", "/meta/config", null);
        call(200, "GET", "/metrics", null);
    }

    /** Flipt export documents (asked for as JSON: the YAML form is text), the import and the copies. */
    private void transfer() {
        call(200, "GET", "/api/v1/namespaces/{namespaceKey}/export", null);
        call(200, "GET", "/api/v1/export", null);
        call(200, "POST", "/api/v1/namespaces/{namespaceKey}/import?skipExisting=true",
                "{\"version\":\"1.4\",\"flags\":[{\"key\":\"color\",\"name\":\"Color\"},"
                        + "{\"key\":\"imported\",\"name\":\"Imported\",\"enabled\":true}]}");
        call(200, "POST", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/copy", "{\"key\":\"color-copy\"}",
                "flagKey", "color");
        call(200, "POST", "/api/v1/namespaces/{namespaceKey}/segments/{segmentKey}/copy",
                "{\"key\":\"beta-copy\"}", "segmentKey", "beta");
        // the copy's rules use "staff", which deletes() deletes
        call(200, "DELETE", "/api/v1/namespaces/{namespaceKey}/flags/{key}", null, "key", "color-copy");
    }

    private void deletes() {
        call(200, "DELETE", "/api/v1/flags/{flagKey}/rules/{ruleId}/distributions/{id}?variantId=" + ids.get("lv"),
                null, "flagKey", "legacy", "ruleId", ids.get("lr1"), "id", ids.get("ld"));
        call(200, "DELETE", "/api/v1/flags/{flagKey}/rules/{id}", null, "flagKey", "legacy", "id", ids.get("lr1"));
        call(200, "DELETE", "/api/v1/flags/{flagKey}/rules/{id}", null, "flagKey", "legacy", "id", ids.get("lr2"));
        call(200, "DELETE", "/api/v1/flags/{flagKey}/variants/{id}", null, "flagKey", "legacy", "id", ids.get("lv"));
        call(200, "DELETE", "/api/v1/segments/{segmentKey}/constraints/{id}", null, "segmentKey", "everyone",
                "id", ids.get("lc"));
        call(200, "DELETE", "/api/v1/segments/{key}", null, "key", "everyone");
        call(200, "DELETE", "/api/v1/flags/{key}", null, "key", "legacy");

        call(200, "DELETE", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rules/{ruleId}/distributions/{id}"
                + "?variantId=" + ids.get("red"), null, "flagKey", "color", "ruleId", ids.get("both"),
                "id", ids.get("half"));
        call(200, "DELETE", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/schedules/{id}", null,
                "flagKey", "color", "id", ids.get("schedule"));
        call(200, "DELETE", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rules/{id}", null,
                "flagKey", "color", "id", ids.get("both"));
        call(200, "DELETE", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rollouts/{id}", null,
                "flagKey", "dark", "id", ids.get("segment"));
        call(200, "DELETE", "/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/variants/{id}", null,
                "flagKey", "color", "id", ids.get("blue"));
        call(200, "DELETE", "/api/v1/namespaces/{namespaceKey}/segments/{segmentKey}/constraints/{id}", null,
                "segmentKey", "beta", "id", ids.get("plan"));
        call(200, "DELETE", "/api/v1/namespaces/{namespaceKey}/segments/{key}", null, "key", "staff");
        call(200, "DELETE", "/api/v1/namespaces/{namespaceKey}/flags/{key}", null, "key", "dark");
        call(200, "DELETE", "/api/v1/namespaces/{key}?force=true", null, "key", "schemas");
        // the audit history of everything above (every type and action, reorders, tokens), and the event
        // stream's error answer (its 200 is an endless text/event-stream, which AuditIT reads)
        call(200, "GET", "/api/v1/audit/events?namespaceKey=schemas&limit=1000", null);
        call(200, "GET", "/api/v1/audit/events?type=token&limit=2", null);
        call(404, "GET", "/api/v1/namespaces/{namespaceKey}/events", null);
    }

    // ---- calling and checking ---------------------------------------------------------------------------

    private void id(String name, JsonObject created) {
        ids.put(name, created == null ? "none" : created.getString("id"));
    }

    /**
     * Calls {@code template} ({@code {namespaceKey}} is {@code schemas}, other parameters come as name, value
     * pairs; a query string may follow), expects {@code status}, checks the body against the operation's
     * response for that status and returns it (null when it is not a JSON object).
     */
    /** The first line of a stream, as JSON; the connection is closed after it. */
    private JsonObject firstStreamLine(String path) {
        String text = base.toString();
        java.net.URI uri = java.net.URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
        try {
            java.net.http.HttpResponse<java.util.stream.Stream<String>> response = java.net.http.HttpClient.newHttpClient()
                    .send(java.net.http.HttpRequest.newBuilder(uri).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofLines());
            try (java.util.stream.Stream<String> lines = response.body()) {
                String line = lines.findFirst().orElseThrow();
                try (JsonReader reader = Json.createReader(new StringReader(line))) {
                    return reader.readObject();
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonObject call(int status, String method, String template, String body, String... params) {
        String path = template.replace("{namespaceKey}", "schemas");
        for (int i = 0; i < params.length; i += 2) {
            path = path.replace("{" + params[i] + "}", params[i + 1]);
        }
        String operationPath = template.contains("?") ? template.substring(0, template.indexOf('?')) : template;
        String where = method + " " + path;
        called.add(method + " " + operationPath);
        Api.Reply reply = template.startsWith("/ofrep/")
                ? api.send(method, path, body, "application/json", "x-flipt-namespace", "schemas")
                : operationPath.endsWith("/export")
                ? api.send(method, path, body, null, "Accept", "application/json")
                : api.send(method, path, body, body == null ? null : "application/json");
        if (reply.status() != status) {
            problems.add(where + ": status " + reply.status() + " where " + status + " was expected: " + reply.body());
            return null;
        }
        Operation operation = document.getPaths().get(operationPath) == null ? null
                : document.getPaths().get(operationPath).readOperationsMap()
                .get(io.swagger.v3.oas.models.PathItem.HttpMethod.valueOf(method));
        if (operation == null) {
            problems.add(where + ": /openapi has no operation " + method + " " + operationPath);
            return null;
        }
        ApiResponse response = operation.getResponses().get(Integer.toString(status));
        if (response == null) {
            response = operation.getResponses().get("default");
        }
        response = resolve(response);
        MediaType json = response == null || response.getContent() == null ? null
                : response.getContent().get("application/json");
        if (json == null) {
            if (reply.contentType().startsWith("application/json")) {
                problems.add(where + ": a JSON body where /openapi declares none for " + status);
            }
            return null;
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(reply.body()))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            problems.add(where + ": not JSON: " + reply.body());
            return null;
        }
        check(where, "", json.getSchema(), value);
        return value instanceof JsonObject object ? object : null;
    }

    private ApiResponse resolve(ApiResponse response) {
        if (response != null && response.get$ref() != null) {
            String ref = response.get$ref();
            return document.getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return response;
    }

    @SuppressWarnings("rawtypes")
    private Schema resolve(Schema schema) {
        while (schema != null && schema.get$ref() != null) {
            String ref = schema.get$ref();
            schema = document.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    /** Adds a problem for every way {@code value} (at {@code at} in the body of {@code where}) breaks {@code schema}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private void check(String where, String at, Schema declared, JsonValue value) {
        Schema schema = resolve(declared);
        String here = where + " at " + (at.isEmpty() ? "the body" : at);
        if (schema == null) {
            problems.add(here + ": no schema");
            return;
        }
        if (schema.getOneOf() != null) {
            int matching = 0;
            for (Object option : schema.getOneOf()) {
                int before = problems.size();
                check(where, at, (Schema) option, value);
                if (problems.size() == before) {
                    matching++;
                }
                problems.subList(before, problems.size()).clear();
            }
            if (matching != 1) {
                problems.add(here + ": " + value + " matches " + matching + " of the oneOf schemas");
            }
            return;
        }
        if (schema.getAllOf() != null) {
            for (Object part : schema.getAllOf()) {
                check(where, at, (Schema) part, value);
            }
        }
        String type = schema.getType();
        if (type == null) {
            return; // any value
        }
        switch (type) {
            case "object" -> {
                if (!(value instanceof JsonObject object)) {
                    problems.add(here + ": " + value + " is not an object");
                    return;
                }
                Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
                List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
                for (String name : required) {
                    if (!object.containsKey(name)) {
                        problems.add(here + ": the required field " + name + " is missing");
                    }
                }
                Object additional = schema.getAdditionalProperties();
                for (Map.Entry<String, JsonValue> field : object.entrySet()) {
                    String path = at + "/" + field.getKey();
                    if (properties.containsKey(field.getKey())) {
                        check(where, path, properties.get(field.getKey()), field.getValue());
                    } else if (additional instanceof Schema additionalSchema) {
                        check(where, path, additionalSchema, field.getValue());
                    } else if (!properties.isEmpty() && !Boolean.TRUE.equals(additional)) {
                        problems.add(where + " at " + path + ": a field the schema does not declare");
                    }
                }
            }
            case "array" -> {
                if (!(value instanceof JsonArray array)) {
                    problems.add(here + ": " + value + " is not an array");
                    return;
                }
                for (int i = 0; i < array.size(); i++) {
                    check(where, at + "/" + i, schema.getItems(), array.get(i));
                }
            }
            case "string" -> {
                if (!(value instanceof JsonString s)) {
                    problems.add(here + ": " + value + " is not a string");
                    return;
                }
                if (schema.getEnum() != null && !schema.getEnum().isEmpty()
                        && !schema.getEnum().contains(s.getString())) {
                    problems.add(here + ": " + value + " is none of " + schema.getEnum());
                }
                if ("date-time".equals(schema.getFormat())) {
                    try {
                        OffsetDateTime.parse(s.getString());
                    } catch (DateTimeParseException e) {
                        problems.add(here + ": " + value + " is not an RFC 3339 date-time");
                    }
                }
            }
            case "integer" -> {
                if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
                    problems.add(here + ": " + value + " is not an integer");
                    return;
                }
                if ("int32".equals(schema.getFormat()) && (n.longValue() < Integer.MIN_VALUE
                        || n.longValue() > Integer.MAX_VALUE)) {
                    problems.add(here + ": " + value + " is not an int32");
                }
                if (schema.getEnum() != null && !schema.getEnum().isEmpty() && schema.getEnum().stream()
                        .noneMatch(e -> String.valueOf(e).equals(n.toString()))) {
                    problems.add(here + ": " + value + " is none of " + schema.getEnum());
                }
            }
            case "number" -> {
                if (!(value instanceof JsonNumber)) {
                    problems.add(here + ": " + value + " is not a number");
                }
            }
            case "boolean" -> {
                if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                    problems.add(here + ": " + value + " is not a boolean");
                }
            }
            default -> problems.add(here + ": unknown schema type " + type);
        }
    }
}
