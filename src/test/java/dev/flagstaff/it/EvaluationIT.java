package dev.flagstaff.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every evaluation surface over HTTP (contract sections 6, 7 and 9.5), with the worked bucket examples of
 * section 6.9 as the expected answers, and read-your-writes after each kind of write.
 */
@FlagstaffIT
class EvaluationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    Api api;
    String ns;
    String p;

    @BeforeEach
    void namespace() {
        api = new Api(base);
        ns = "e-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/v1/namespaces", "{\"key\":\"" + ns + "\",\"name\":\"E\"}").ok();
        p = "/api/v1/namespaces/" + ns;
    }

    private String id(Api.Reply reply) {
        return reply.ok().getString("id");
    }

    /** Flag {@code color} with red/green/blue at 33.33/33.33/33.34 behind segment {@code pro} (plan eq pro). */
    private String colorFlag() {
        api.post(p + "/flags", "{\"key\":\"color\",\"name\":\"Color\",\"enabled\":true}").ok();
        String red = id(api.post(p + "/flags/color/variants", "{\"key\":\"red\",\"attachment\":\"{\\\"hex\\\":\\\"#f00\\\"}\"}"));
        String green = id(api.post(p + "/flags/color/variants", "{\"key\":\"green\"}"));
        String blue = id(api.post(p + "/flags/color/variants", "{\"key\":\"blue\"}"));
        api.post(p + "/segments", "{\"key\":\"pro\",\"name\":\"Pro\"}").ok();
        api.post(p + "/segments/pro/constraints", "{\"type\":\"STRING_COMPARISON_TYPE\",\"property\":\"plan\","
                + "\"operator\":\"eq\",\"value\":\"pro\"}").ok();
        String rule = id(api.post(p + "/flags/color/rules", "{\"segmentKey\":\"pro\",\"rank\":1}"));
        String d = p + "/flags/color/rules/" + rule + "/distributions";
        api.post(d, "{\"variantId\":\"" + red + "\",\"rollout\":33.33}").ok();
        api.post(d, "{\"variantId\":\"" + green + "\",\"rollout\":33.33}").ok();
        api.post(d, "{\"variantId\":\"" + blue + "\",\"rollout\":33.34}").ok();
        return rule;
    }

    private JsonObject variant(String flag, String entity, String context) {
        return api.post("/evaluate/v1/variant", "{\"namespaceKey\":\"" + ns + "\",\"flagKey\":\"" + flag
                + "\",\"entityId\":\"" + entity + "\",\"context\":" + context + "}").ok();
    }

    private JsonObject bool(String flag, String entity, String context) {
        return api.post("/evaluate/v1/boolean", "{\"namespaceKey\":\"" + ns + "\",\"flagKey\":\"" + flag
                + "\",\"entityId\":\"" + entity + "\",\"context\":" + context + "}").ok();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    void variantEvaluationBucketsExactlyAsFlipt() {
        colorFlag();
        JsonObject alice = variant("color", "alice", "{\"plan\":\"pro\"}");
        assertTrue(alice.getBoolean("match"));
        assertEquals("red", alice.getString("variantKey"), "bucket 232");
        assertEquals("{\"hex\":\"#f00\"}", alice.getString("variantAttachment"));
        assertEquals("MATCH_EVALUATION_REASON", alice.getString("reason"));
        assertEquals(List.of("pro"), strings(alice.getJsonArray("segmentKeys")));
        assertEquals("color", alice.getString("flagKey"));
        assertEquals(36, alice.getString("requestId").length());
        assertTrue(alice.getString("timestamp").endsWith("Z"));
        assertTrue(alice.getJsonNumber("requestDurationMillis").doubleValue() >= 0);
        assertEquals("green", variant("color", "carol", "{\"plan\":\"pro\"}").getString("variantKey"), "bucket 428");
        assertEquals("blue", variant("color", "bob", "{\"plan\":\"pro\"}").getString("variantKey"), "bucket 797");

        JsonObject beyond = variant("color", "user-1392", "{\"plan\":\"pro\"}");
        assertFalse(beyond.getBoolean("match"), "bucket 999 is past 333+333+333");
        assertEquals("UNKNOWN_EVALUATION_REASON", beyond.getString("reason"));
        assertEquals("", beyond.getString("variantKey"));
        assertEquals(List.of("pro"), strings(beyond.getJsonArray("segmentKeys")), "the rule matched");

        JsonObject noMatch = variant("color", "alice", "{\"plan\":\"free\"}");
        assertFalse(noMatch.getBoolean("match"));
        assertEquals("UNKNOWN_EVALUATION_REASON", noMatch.getString("reason"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, noMatch.getJsonArray("segmentKeys"));

        JsonObject withId = api.post("/evaluate/v1/variant", "{\"requestId\":\"r-1\",\"namespaceKey\":\"" + ns
                + "\",\"flagKey\":\"color\",\"entityId\":\"alice\",\"context\":{\"plan\":\"pro\"}}").ok();
        assertEquals("r-1", withId.getString("requestId"));
    }

    @Test
    void float32BoundariesAndDefaultVariant() {
        // scenario D: [a 0.7, b 99.3] -> widths 7 and 993; user-856 has bucket 6 -> a
        api.post(p + "/flags", "{\"key\":\"promo\",\"name\":\"Promo\",\"enabled\":true}").ok();
        String a = id(api.post(p + "/flags/promo/variants", "{\"key\":\"a\"}"));
        String b = id(api.post(p + "/flags/promo/variants", "{\"key\":\"b\"}"));
        api.post(p + "/segments", "{\"key\":\"all\",\"name\":\"All\"}").ok();
        String rule = id(api.post(p + "/flags/promo/rules", "{\"segmentKey\":\"all\",\"rank\":1}"));
        api.post(p + "/flags/promo/rules/" + rule + "/distributions", "{\"variantId\":\"" + a + "\",\"rollout\":0.7}").ok();
        api.post(p + "/flags/promo/rules/" + rule + "/distributions", "{\"variantId\":\"" + b + "\",\"rollout\":99.3}").ok();
        assertEquals("a", variant("promo", "user-856", "{}").getString("variantKey"));

        // default variant: reported when no rule matches; a disabled flag keeps it with FLAG_DISABLED
        api.put(p + "/flags/promo", "{\"name\":\"Promo\",\"enabled\":true,\"defaultVariantId\":\"" + b + "\"}").ok();
        api.delete(p + "/flags/promo/rules/" + rule).ok();
        JsonObject byDefault = variant("promo", "user-856", "{}");
        assertFalse(byDefault.getBoolean("match"));
        assertEquals("DEFAULT_EVALUATION_REASON", byDefault.getString("reason"));
        assertEquals("b", byDefault.getString("variantKey"));
        api.put(p + "/flags/promo", "{\"name\":\"Promo\",\"enabled\":false,\"defaultVariantId\":\"" + b + "\"}").ok();
        JsonObject disabled = variant("promo", "user-856", "{}");
        assertEquals("FLAG_DISABLED_EVALUATION_REASON", disabled.getString("reason"));
        assertEquals("b", disabled.getString("variantKey"));
        assertFalse(disabled.getBoolean("match"));
    }

    @Test
    void booleanEvaluationWalksRolloutsAndFallsBackToEnabled() {
        // scenario I: boolean_disabled (enabled=false), rollouts [segment everyone -> true, threshold 50% -> true]
        api.post(p + "/flags", "{\"key\":\"boolean_disabled\",\"name\":\"B\",\"type\":\"BOOLEAN_FLAG_TYPE\"}").ok();
        api.post(p + "/segments", "{\"key\":\"everyone\",\"name\":\"E\"}").ok();
        api.post(p + "/segments/everyone/constraints", "{\"type\":\"STRING_COMPARISON_TYPE\",\"property\":\"in\","
                + "\"operator\":\"eq\",\"value\":\"segment\"}").ok();
        api.post(p + "/flags/boolean_disabled/rollouts", "{\"rank\":1,\"segment\":{\"segmentKey\":\"everyone\",\"value\":true}}").ok();
        api.post(p + "/flags/boolean_disabled/rollouts", "{\"rank\":2,\"threshold\":{\"percentage\":50,\"value\":true}}").ok();

        JsonObject fixed = bool("boolean_disabled", "fixed", "{}");
        assertTrue(fixed.getBoolean("enabled"), "h = 38 < 50");
        assertEquals("MATCH_EVALUATION_REASON", fixed.getString("reason"));
        assertEquals("boolean_disabled", fixed.getString("flagKey"));
        JsonObject over = bool("boolean_disabled", "beover50", "{}");
        assertFalse(over.getBoolean("enabled"), "h = 99: no rollout, the flag's enabled");
        assertEquals("DEFAULT_EVALUATION_REASON", over.getString("reason"));
        JsonObject bySegment = bool("boolean_disabled", "beover50", "{\"in\":\"segment\"}");
        assertTrue(bySegment.getBoolean("enabled"));
        assertEquals("MATCH_EVALUATION_REASON", bySegment.getString("reason"));
    }

    @Test
    void errorsOfTheEvaluationApi() {
        colorFlag();
        api.post(p + "/flags", "{\"key\":\"dark\",\"name\":\"D\",\"type\":\"BOOLEAN_FLAG_TYPE\"}").ok();
        api.post("/evaluate/v1/variant", "{\"namespaceKey\":\"" + ns + "\",\"flagKey\":\"unknown_flag\",\"entityId\":\"x\"}")
                .assertError(404, 5, "flag \"" + ns + "/unknown_flag\" not found");
        api.post("/evaluate/v1/variant", "{\"flagKey\":\"\"}").assertError(404, 5, "flag \"default\" not found");
        api.post("/evaluate/v1/variant", "{\"namespaceKey\":\"" + ns + "\",\"flagKey\":\"dark\",\"entityId\":\"x\"}")
                .assertError(400, 3, "flag type BOOLEAN_FLAG_TYPE invalid");
        api.post("/evaluate/v1/boolean", "{\"namespaceKey\":\"" + ns + "\",\"flagKey\":\"color\",\"entityId\":\"x\"}")
                .assertError(400, 3, "flag type VARIANT_FLAG_TYPE invalid");
        api.post("/evaluate/v1/boolean", "{\"namespaceKey\":\"" + ns + "\",\"flagKey\":\"color\",\"context\":{\"a\":1}}")
                .assertError(400, 3, "invalid values for key(s) in json body");
    }

    @Test
    void batchMixesTypesAndReportsMissingFlagsPerItem() {
        colorFlag();
        api.post(p + "/flags", "{\"key\":\"dark\",\"name\":\"D\",\"type\":\"BOOLEAN_FLAG_TYPE\",\"enabled\":true}").ok();
        JsonObject batch = api.post("/evaluate/v1/batch", "{\"requestId\":\"b-1\",\"requests\":["
                + "{\"namespaceKey\":\"" + ns + "\",\"flagKey\":\"dark\",\"entityId\":\"u\"},"
                + "{\"namespaceKey\":\"" + ns + "\",\"flagKey\":\"color\",\"entityId\":\"alice\",\"context\":{\"plan\":\"pro\"},\"requestId\":\"own\"},"
                + "{\"flagKey\":\"nope\",\"entityId\":\"u\"}]}").ok();
        assertEquals("b-1", batch.getString("requestId"));
        JsonArray responses = batch.getJsonArray("responses");
        assertEquals(3, responses.size());
        assertEquals("BOOLEAN_EVALUATION_RESPONSE_TYPE", responses.getJsonObject(0).getString("type"));
        assertTrue(responses.getJsonObject(0).getJsonObject("booleanResponse").getBoolean("enabled"));
        assertEquals("", responses.getJsonObject(0).getJsonObject("booleanResponse").getString("requestId"));
        JsonObject variantItem = responses.getJsonObject(1);
        assertEquals("VARIANT_EVALUATION_RESPONSE_TYPE", variantItem.getString("type"));
        assertEquals("red", variantItem.getJsonObject("variantResponse").getString("variantKey"));
        assertEquals("own", variantItem.getJsonObject("variantResponse").getString("requestId"));
        assertEquals("{\"type\":\"ERROR_EVALUATION_RESPONSE_TYPE\",\"errorResponse\":{\"flagKey\":\"nope\","
                + "\"namespaceKey\":\"\",\"reason\":\"NOT_FOUND_ERROR_EVALUATION_REASON\"}}", responses.getJsonObject(2).toString());
        JsonObject empty = api.post("/evaluate/v1/batch", "{}").ok();
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, empty.getJsonArray("responses"));
        assertEquals(36, empty.getString("requestId").length());
    }

    @Test
    void legacyEvaluateAndBatchEvaluate() {
        colorFlag();
        JsonObject single = api.post(p + "/evaluate", "{\"flagKey\":\"color\",\"entityId\":\"alice\","
                + "\"context\":{\"plan\":\"pro\"}}").ok();
        assertTrue(single.getBoolean("match"));
        assertEquals("red", single.getString("value"));
        assertEquals("pro", single.getString("segmentKey"));
        assertEquals("MATCH_EVALUATION_REASON", single.getString("reason"));
        assertEquals(ns, single.getString("namespaceKey"));
        assertEquals("alice", single.getString("entityId"));
        assertEquals("{\"plan\":\"pro\"}", single.getJsonObject("requestContext").toString());
        assertEquals("{\"hex\":\"#f00\"}", single.getString("attachment"));

        JsonObject viaBody = api.post("/api/v1/evaluate", "{\"flagKey\":\"color\",\"entityId\":\"bob\","
                + "\"namespaceKey\":\"" + ns + "\",\"context\":{\"plan\":\"pro\"}}").ok();
        assertEquals("blue", viaBody.getString("value"));
        assertEquals(ns, viaBody.getString("namespaceKey"));
        api.post("/api/v1/evaluate", "{\"flagKey\":\"color\",\"entityId\":\"bob\"}")
                .assertError(404, 5, "flag \"default/color\" not found");
        api.post("/api/v1/evaluate", "{\"entityId\":\"bob\"}").assertError(400, 3, "invalid field flagKey: must not be empty");
        api.post("/api/v1/evaluate", "{\"flagKey\":\"color\"}").assertError(400, 3, "invalid field entityId: must not be empty");

        JsonObject batch = api.post(p + "/batch-evaluate", "{\"requestId\":\"lb\",\"excludeNotFound\":true,\"requests\":["
                + "{\"flagKey\":\"color\",\"entityId\":\"carol\",\"context\":{\"plan\":\"pro\"}},"
                + "{\"flagKey\":\"nope\",\"entityId\":\"carol\"}]}").ok();
        assertEquals("lb", batch.getString("requestId"));
        assertEquals(1, batch.getJsonArray("responses").size(), "missing flags skipped with excludeNotFound");
        JsonObject item = batch.getJsonArray("responses").getJsonObject(0);
        assertEquals("green", item.getString("value"));
        assertEquals("", item.getString("requestId"));
        assertEquals(0, item.getJsonNumber("requestDurationMillis").doubleValue());
        assertEquals(ns, item.getString("namespaceKey"));
        api.post(p + "/batch-evaluate", "{\"requests\":[{\"flagKey\":\"nope\",\"entityId\":\"c\"}]}")
                .assertError(404, 5, "flag \"" + ns + "/nope\" not found");
        api.post("/api/v1/batch-evaluate", "{\"namespaceKey\":\"" + ns + "\",\"requests\":[{\"flagKey\":\"color\","
                + "\"entityId\":\"c\",\"namespaceKey\":\"other\"}]}")
                .assertError(400, 3, "invalid field namespace_key: must be the same for all requests if specified");
    }

    @Test
    void ofrepSingleBulkAndErrors() {
        colorFlag();
        api.post(p + "/flags", "{\"key\":\"dark\",\"name\":\"D\",\"type\":\"BOOLEAN_FLAG_TYPE\",\"enabled\":true}").ok();
        api.post(p + "/flags", "{\"key\":\"off\",\"name\":\"Off\"}").ok();
        assertEquals("{\"name\":\"flipt\",\"capabilities\":{\"cacheInvalidation\":{\"polling\":{\"enabled\":false,"
                + "\"minPollingIntervalMs\":0}},\"flagEvaluation\":{\"supportedTypes\":[\"string\",\"boolean\"]}}}",
                api.get("/ofrep/v1/configuration").ok().toString());

        JsonObject color = api.send("POST", "/ofrep/v1/evaluate/flags/color", "{\"context\":{\"targetingKey\":\"alice\","
                + "\"plan\":\"pro\"}}", "application/json", "x-flipt-namespace", ns).ok();
        assertEquals("{\"key\":\"color\",\"reason\":\"TARGETING_MATCH\",\"variant\":\"red\",\"metadata\":{\"segments\":\"pro\","
                + "\"attachment\":\"{\\\"hex\\\":\\\"#f00\\\"}\"},\"value\":\"red\"}", color.toString());
        JsonObject dark = api.send("POST", "/ofrep/v1/evaluate/flags/dark", "", null, "x-flipt-namespace", ns).ok();
        assertEquals("{\"key\":\"dark\",\"reason\":\"DEFAULT\",\"variant\":\"true\",\"metadata\":{},\"value\":true}",
                dark.toString());

        JsonObject all = api.send("POST", "/ofrep/v1/evaluate/flags", "{\"context\":{\"targetingKey\":\"bob\",\"plan\":\"pro\"}}",
                "application/json", "x-flipt-namespace", ns).ok();
        assertEquals(List.of("color", "dark"), Api.keys(all.getJsonArray("flags")), "enabled variant flags and boolean flags");
        JsonObject named = api.send("POST", "/ofrep/v1/evaluate/flags", "{\"context\":{\"flags\":\"dark, off\"}}",
                "application/json", "x-flipt-namespace", ns).ok();
        assertEquals(List.of("dark", "off"), Api.keys(named.getJsonArray("flags")));

        Api.Reply missing = api.send("POST", "/ofrep/v1/evaluate/flags/nope", "{}", "application/json", "x-flipt-namespace", ns);
        assertEquals(404, missing.status());
        assertEquals("{\"key\":\"nope\",\"errorCode\":\"FLAG_NOT_FOUND\",\"errorDetails\":\"flag was not found nope\"}",
                missing.json().toString());
        Api.Reply bad = api.send("POST", "/ofrep/v1/evaluate/flags/color", "{\"context\":{\"plan\":1}}", "application/json");
        assertEquals(400, bad.status());
        assertEquals("INVALID_CONTEXT", bad.json().getString("errorCode"));
        assertEquals("invalid values for key(s) in json body", bad.json().getString("errorDetails"));
        Api.Reply malformed = api.send("POST", "/ofrep/v1/evaluate/flags", "{", "application/json");
        assertEquals(400, malformed.status());
        assertFalse(malformed.json().containsKey("key"));
    }

    @Test
    void snapshotForClientSdksWithEtag() {
        String rule = colorFlag();
        api.post(p + "/segments", "{\"key\":\"eu\",\"name\":\"EU\"}").ok();
        api.post(p + "/segments/eu/constraints", "{\"type\":\"ENTITY_ID_COMPARISON_TYPE\",\"property\":\"entityId\","
                + "\"operator\":\"eq\",\"value\":\"alice\"}").ok();
        api.put(p + "/flags/color/rules/" + rule, "{\"segmentKeys\":[\"pro\",\"eu\"],\"segmentOperator\":\"AND_SEGMENT_OPERATOR\"}").ok();
        String blue = api.get(p + "/flags/color").ok().getJsonArray("variants").getJsonObject(2).getString("id");
        api.put(p + "/flags/color", "{\"name\":\"Color\",\"enabled\":true,\"defaultVariantId\":\"" + blue + "\"}").ok();

        String path = "/internal/v1/evaluation/snapshot/namespace/" + ns;
        Api.Reply current = api.send("GET", path, null, null, "x-flipt-accept-server-version", "1.47.0");
        JsonObject doc = current.ok();
        assertEquals(ns, doc.getJsonObject("namespace").getString("key"));
        JsonObject flag = doc.getJsonArray("flags").getJsonObject(0);
        assertEquals("VARIANT_FLAG_TYPE", flag.getString("type"));
        assertEquals(1, flag.getJsonArray("rules").size(), "a two-segment rule appears once");
        JsonObject snapRule = flag.getJsonArray("rules").getJsonObject(0);
        assertEquals("AND_SEGMENT_OPERATOR", snapRule.getString("segmentOperator"));
        assertEquals("ALL_SEGMENT_MATCH_TYPE", snapRule.getJsonArray("segments").getJsonObject(0).getString("matchType"));
        assertEquals("ENTITY_ID_CONSTRAINT_COMPARISON_TYPE", snapRule.getJsonArray("segments").getJsonObject(1)
                .getJsonArray("constraints").getJsonObject(0).getString("type"));
        assertEquals(3, snapRule.getJsonArray("distributions").size(), "distributions not repeated");
        assertEquals("red", snapRule.getJsonArray("distributions").getJsonObject(0).getString("variantKey"));
        assertEquals("33.33", snapRule.getJsonArray("distributions").getJsonObject(0).get("rollout").toString());
        assertEquals("blue", flag.getJsonObject("defaultVariant").getString("key"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, flag.getJsonArray("rollouts"));

        JsonObject old = api.get(path).ok();
        JsonObject oldFlag = old.getJsonArray("flags").getJsonObject(0);
        assertFalse(oldFlag.containsKey("defaultVariant"), "clients before 1.47.0 get no defaultVariant");
        assertEquals("UNKNOWN_CONSTRAINT_COMPARISON_TYPE", oldFlag.getJsonArray("rules").getJsonObject(0)
                .getJsonArray("segments").getJsonObject(1).getJsonArray("constraints").getJsonObject(0).getString("type"));

        String etag = api.header("GET", path, "ETag");
        assertTrue(etag.matches("[0-9a-f]{40}"), etag);
        assertEquals(304, api.send("GET", path, null, null, "If-None-Match", etag).status());
        api.put(p + "/flags/color", "{\"name\":\"Color v2\",\"enabled\":true}").ok();
        Api.Reply changed = api.send("GET", path, null, null, "If-None-Match", etag);
        assertEquals(200, changed.status(), "a write changes the ETag");
        assertNotEquals(etag, api.header("GET", path, "ETag"));
        assertEquals(null, api.header("GET", "/internal/v1/evaluation/snapshot/namespace/nowhere", "ETag"),
                "no ETag for a namespace that does not exist");

        assertEquals("{\"namespace\":{\"key\":\"nowhere\"},\"flags\":[]}",
                api.get("/internal/v1/evaluation/snapshot/namespace/nowhere").body());
    }

    @Test
    void everyKindOfWriteIsSeenByTheNextEvaluation() {
        String rule = colorFlag();
        String pro = "{\"plan\":\"pro\"}";
        assertEquals("red", variant("color", "alice", pro).getString("variantKey"));

        // constraint change
        String constraint = api.get(p + "/segments/pro").ok().getJsonArray("constraints").getJsonObject(0).getString("id");
        api.put(p + "/segments/pro/constraints/" + constraint, "{\"type\":\"STRING_COMPARISON_TYPE\",\"property\":\"plan\","
                + "\"operator\":\"eq\",\"value\":\"gold\"}").ok();
        assertFalse(variant("color", "alice", pro).getBoolean("match"));
        assertTrue(variant("color", "alice", "{\"plan\":\"gold\"}").getBoolean("match"));

        // distribution change: everything to the first distribution's variant
        JsonArray distributions = api.get(p + "/flags/color/rules/" + rule).ok().getJsonArray("distributions");
        String d0 = distributions.getJsonObject(0).getString("id");
        String red = distributions.getJsonObject(0).getString("variantId");
        api.put(p + "/flags/color/rules/" + rule + "/distributions/" + d0, "{\"variantId\":\"" + red + "\",\"rollout\":100}").ok();
        assertEquals("red", variant("color", "bob", "{\"plan\":\"gold\"}").getString("variantKey"), "bucket 797 < 1000");

        // flag disabled
        api.put(p + "/flags/color", "{\"name\":\"Color\",\"enabled\":false}").ok();
        assertEquals("FLAG_DISABLED_EVALUATION_REASON", variant("color", "bob", "{\"plan\":\"gold\"}").getString("reason"));
        api.put(p + "/flags/color", "{\"name\":\"Color\",\"enabled\":true}").ok();

        // rule deleted
        api.delete(p + "/flags/color/rules/" + rule).ok();
        assertFalse(variant("color", "bob", "{\"plan\":\"gold\"}").getBoolean("match"));

        // boolean flag: rollout added, changed, deleted; flag deleted
        api.post(p + "/flags", "{\"key\":\"dark_mode\",\"name\":\"D\",\"type\":\"BOOLEAN_FLAG_TYPE\"}").ok();
        assertFalse(bool("dark_mode", "user-1", "{}").getBoolean("enabled"));
        String rollout = id(api.post(p + "/flags/dark_mode/rollouts", "{\"rank\":1,\"threshold\":{\"percentage\":30,\"value\":true}}"));
        assertTrue(bool("dark_mode", "user-1", "{}").getBoolean("enabled"), "h = 29 < 30");
        api.put(p + "/flags/dark_mode/rollouts/" + rollout, "{\"threshold\":{\"percentage\":29,\"value\":true}}").ok();
        assertFalse(bool("dark_mode", "user-1", "{}").getBoolean("enabled"), "h = 29 is not < 29");
        api.delete(p + "/flags/dark_mode").ok();
        api.post("/evaluate/v1/boolean", "{\"namespaceKey\":\"" + ns + "\",\"flagKey\":\"dark_mode\",\"entityId\":\"user-1\"}")
                .assertError(404, 5, "flag \"" + ns + "/dark_mode\" not found");

        // namespace deleted
        api.delete(p + "?force=true").ok();
        api.post("/evaluate/v1/variant", "{\"namespaceKey\":\"" + ns + "\",\"flagKey\":\"color\",\"entityId\":\"bob\"}")
                .assertError(404, 5, "flag \"" + ns + "/color\" not found");
    }
}
