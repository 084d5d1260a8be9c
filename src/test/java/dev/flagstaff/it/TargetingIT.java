package dev.flagstaff.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.flagstaff.it.Api.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Segments, constraints, rules, distributions and rollouts over HTTP (contract sections 2.4-2.9, 3.5-3.10,
 * 5 and the conformance checklist of section 14), each test in a namespace of its own.
 */
@FlagstaffIT
class TargetingIT {

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
        ns = "t-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/v1/namespaces", "{\"key\":\"" + ns + "\",\"name\":\"T\"}").ok();
        p = "/api/v1/namespaces/" + ns;
    }

    private JsonObject flag(String key, String type) {
        return api.post(p + "/flags", "{\"key\":\"" + key + "\",\"name\":\"" + key + "\",\"type\":\"" + type
                + "\",\"enabled\":true}").ok();
    }

    private JsonObject variant(String flag, String key) {
        return api.post(p + "/flags/" + flag + "/variants", "{\"key\":\"" + key + "\"}").ok();
    }

    private JsonObject segment(String key, String matchType) {
        return api.post(p + "/segments", "{\"key\":\"" + key + "\",\"name\":\"" + key + "\",\"matchType\":\""
                + matchType + "\"}").ok();
    }

    private JsonObject constraint(String segment, String json) {
        return api.post(p + "/segments/" + segment + "/constraints", json).ok();
    }

    private JsonObject rule(String flag, String segmentJson, int rank) {
        return api.post(p + "/flags/" + flag + "/rules", "{" + segmentJson + ",\"rank\":" + rank + "}").ok();
    }

    private List<Integer> ranks(JsonArray items) {
        return items.getValuesAs(JsonObject.class).stream().map(o -> o.getInt("rank")).collect(Collectors.toList());
    }

    private List<String> ids(JsonArray items) {
        return items.getValuesAs(JsonObject.class).stream().map(o -> o.getString("id")).collect(Collectors.toList());
    }

    // ---- segments and constraints --------------------------------------------------------------------------

    @Test
    void segmentLifecycleAndMatchTypeReset() {
        JsonObject created = segment("everyone", "ANY_MATCH_TYPE");
        assertEquals("ANY_MATCH_TYPE", created.getString("matchType"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, created.getJsonArray("constraints"));
        assertEquals(ns, created.getString("namespaceKey"));
        assertEquals(created, api.get(p + "/segments/everyone").ok());
        JsonObject defaulted = api.post(p + "/segments", "{\"key\":\"plain\",\"name\":\"P\"}").ok();
        assertEquals("ALL_MATCH_TYPE", defaulted.getString("matchType"));

        JsonObject updated = api.put(p + "/segments/everyone", "{\"name\":\"Everyone\"}").ok();
        assertEquals("ALL_MATCH_TYPE", updated.getString("matchType"), "PUT without matchType resets it to ALL");
        assertEquals("", updated.getString("description"));

        api.post(p + "/segments", "{\"key\":\"everyone\",\"name\":\"x\"}")
                .assertError(400, 3, "segment \"" + ns + "/everyone\" is not unique");
        api.post(p + "/segments", "{\"key\":\"a b\",\"name\":\"x\"}")
                .assertError(400, 3, "invalid field key: contains invalid characters");
        api.post(p + "/segments", "{\"key\":\"k\"}").assertError(400, 3, "invalid field name: must not be empty");
        api.post("/api/v1/namespaces/none-" + ns + "/segments", "{\"key\":\"k\",\"name\":\"x\"}")
                .assertError(404, 5, "namespace \"none-" + ns + "\" not found");
        api.get(p + "/segments/missing").assertError(404, 5, "segment \"" + ns + "/missing\" not found");
        api.put(p + "/segments/missing", "{\"name\":\"x\"}").assertError(404, 5, "segment \"" + ns + "/missing\" not found");

        // legacy routes address the namespace through namespaceKey
        assertEquals(updated, api.get("/api/v1/segments/everyone?namespaceKey=" + ns).ok());
        assertEquals("{}", api.delete(p + "/segments/everyone").body());
        assertEquals("{}", api.delete(p + "/segments/everyone").body(), "idempotent");
        api.get(p + "/segments/everyone").assertError(404, 5, "segment \"" + ns + "/everyone\" not found");
    }

    @Test
    void constraintsAreValidatedAndNormalisedOnWrite() {
        segment("s", "ALL_MATCH_TYPE");
        String c = p + "/segments/s/constraints";
        JsonObject foo = constraint("s", "{\"type\":\"STRING_COMPARISON_TYPE\",\"property\":\"foo\",\"operator\":\"EQ\","
                + "\"value\":\"bar\",\"description\":\"d\"}");
        assertEquals("eq", foo.getString("operator"), "operators are stored lower-case");
        assertEquals("s", foo.getString("segmentKey"));
        assertEquals("d", foo.getString("description"));
        JsonObject empty = constraint("s", "{\"type\":\"STRING_COMPARISON_TYPE\",\"property\":\"p\",\"operator\":\"empty\","
                + "\"value\":\"ignored\"}");
        assertEquals("", empty.getString("value"), "no-value operators store no value");
        JsonObject date = constraint("s", "{\"type\":\"DATETIME_COMPARISON_TYPE\",\"property\":\"at\",\"operator\":\"gte\","
                + "\"value\":\"2024-01-01T10:00:00.5+02:00\"}");
        assertEquals("2024-01-01T08:00:00Z", date.getString("value"));
        assertEquals("2024-01-01", constraint("s", "{\"type\":\"DATETIME_COMPARISON_TYPE\",\"property\":\"at\","
                + "\"operator\":\"lt\",\"value\":\"2024-01-01\"}").getString("value"));
        constraint("s", "{\"type\":\"NUMBER_COMPARISON_TYPE\",\"property\":\"n\",\"operator\":\"isoneof\",\"value\":\"[1,2.5]\"}");
        constraint("s", "{\"type\":\"BOOLEAN_COMPARISON_TYPE\",\"property\":\"b\",\"operator\":\"true\"}");
        constraint("s", "{\"type\":\"ENTITY_ID_COMPARISON_TYPE\",\"property\":\"entityId\",\"operator\":\"isoneof\","
                + "\"value\":\"[\\\"u1\\\",\\\"u2\\\"]\"}");

        api.post(c, "{\"type\":\"STRING_COMPARISON_TYPE\",\"operator\":\"eq\",\"value\":\"x\"}")
                .assertError(400, 3, "invalid field property: must not be empty");
        api.post(c, "{\"type\":\"STRING_COMPARISON_TYPE\",\"property\":\"p\",\"value\":\"x\"}")
                .assertError(400, 3, "invalid field operator: must not be empty");
        api.post(c, "{\"property\":\"p\",\"operator\":\"eq\",\"value\":\"x\"}")
                .assertError(400, 3, "invalid constraint type: \"UNKNOWN_COMPARISON_TYPE\"");
        api.post(c, "{\"type\":\"NUMBER_COMPARISON_TYPE\",\"property\":\"p\",\"operator\":\"PREFIX\",\"value\":\"x\"}")
                .assertError(400, 3, "constraint operator \"PREFIX\" is not valid for type number");
        api.post(c, "{\"type\":\"BOOLEAN_COMPARISON_TYPE\",\"property\":\"p\",\"operator\":\"eq\",\"value\":\"x\"}")
                .assertError(400, 3, "constraint operator \"eq\" is not valid for type boolean");
        api.post(c, "{\"type\":\"ENTITY_ID_COMPARISON_TYPE\",\"property\":\"user\",\"operator\":\"eq\",\"value\":\"x\"}")
                .assertError(400, 3, "property is user instead of \"entityId\"");
        api.post(c, "{\"type\":\"ENTITY_ID_COMPARISON_TYPE\",\"property\":\"entityId\",\"operator\":\"lt\",\"value\":\"x\"}")
                .assertError(400, 3, "constraint operator \"lt\" is not valid for type entityId");
        api.post(c, "{\"type\":\"STRING_COMPARISON_TYPE\",\"property\":\"p\",\"operator\":\"eq\"}")
                .assertError(400, 3, "invalid field value: must not be empty");
        api.post(c, "{\"type\":\"DATETIME_COMPARISON_TYPE\",\"property\":\"p\",\"operator\":\"eq\",\"value\":\"tomorrow\"}")
                .assertError(400, 3, "parsing datetime from \"tomorrow\"");
        api.post(c, "{\"type\":\"DATETIME_COMPARISON_TYPE\",\"property\":\"p\",\"operator\":\"isoneof\",\"value\":\"[\\\"2024-01-01\\\"]\"}")
                .assertError(400, 3, "parsing datetime from \"[\\\"2024-01-01\\\"]\"");
        api.post(c, "{\"type\":\"STRING_COMPARISON_TYPE\",\"property\":\"p\",\"operator\":\"isoneof\",\"value\":\"[1]\"}")
                .assertError(400, 3, "invalid value provided for property \"p\" of type string");
        api.post(c, "{\"type\":\"NUMBER_COMPARISON_TYPE\",\"property\":\"p\",\"operator\":\"isnotoneof\",\"value\":\"nope\"}")
                .assertError(400, 3, "invalid value provided for property \"p\" of type number");
        String hundredOne = IntStream.rangeClosed(0, 100).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
        api.post(c, "{\"type\":\"NUMBER_COMPARISON_TYPE\",\"property\":\"p\",\"operator\":\"isoneof\",\"value\":\"" + hundredOne + "\"}")
                .assertError(400, 3, "too many values provided for property \"p\" of type number (maximum 100)");
        api.post(p + "/segments/missing/constraints", "{\"type\":\"STRING_COMPARISON_TYPE\",\"property\":\"p\","
                + "\"operator\":\"eq\",\"value\":\"x\"}").assertError(404, 5, "segment \"" + ns + "/missing\" not found");

        JsonObject seg = api.get(p + "/segments/s").ok();
        assertEquals(7, seg.getJsonArray("constraints").size());
        assertEquals(foo.getString("id"), seg.getJsonArray("constraints").getJsonObject(0).getString("id"),
                "constraints in creation order");

        JsonObject updated = api.put(c + "/" + foo.getString("id"), "{\"type\":\"STRING_COMPARISON_TYPE\","
                + "\"property\":\"foo\",\"operator\":\"neq\",\"value\":\"baz\",\"description\":\"new\"}").ok();
        assertEquals("neq", updated.getString("operator"));
        assertEquals("baz", updated.getString("value"));
        assertEquals("new", updated.getString("description"));
        assertEquals(foo.getString("id"), updated.getString("id"));
        api.put(c + "/nope", "{\"type\":\"STRING_COMPARISON_TYPE\",\"property\":\"foo\",\"operator\":\"eq\",\"value\":\"x\"}")
                .assertError(404, 5, "constraint \"nope\" not found");
        assertEquals("{}", api.delete(c + "/" + foo.getString("id")).body());
        assertEquals("{}", api.delete(c + "/" + foo.getString("id")).body(), "idempotent");
        assertEquals(6, api.get(p + "/segments/s").ok().getJsonArray("constraints").size());
    }

    @Test
    void segmentPagesWalkWithTokens() {
        for (int i = 1; i <= 5; i++) {
            segment("seg_" + i, "ALL_MATCH_TYPE");
        }
        JsonObject first = api.get(p + "/segments?limit=3").ok();
        assertEquals(List.of("seg_1", "seg_2", "seg_3"), keys(first.getJsonArray("segments")));
        assertEquals(5, first.getInt("totalCount"));
        JsonObject second = api.get(p + "/segments?limit=3&pageToken=" + first.getString("nextPageToken")).ok();
        assertEquals(List.of("seg_4", "seg_5"), keys(second.getJsonArray("segments")));
        assertEquals("", second.getString("nextPageToken"));
        api.get(p + "/segments?pageToken=" + first.getString("nextPageToken"))
                .assertError(400, 3, "limit must be set when offset or pageToken is set");
    }

    // ---- rules and distributions ------------------------------------------------------------------------

    @Test
    void rulesWithOneOrManySegments() {
        flag("color", "VARIANT_FLAG_TYPE");
        segment("pro", "ALL_MATCH_TYPE");
        segment("eu", "ALL_MATCH_TYPE");
        JsonObject single = rule("color", "\"segmentKey\":\"pro\"", 1);
        assertEquals("pro", single.getString("segmentKey"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, single.getJsonArray("segmentKeys"));
        assertEquals("OR_SEGMENT_OPERATOR", single.getString("segmentOperator"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, single.getJsonArray("distributions"));
        assertEquals("color", single.getString("flagKey"));

        JsonObject multi = rule("color", "\"segmentKeys\":[\"pro\",\"eu\",\"pro\"],\"segmentOperator\":\"AND_SEGMENT_OPERATOR\"", 2);
        assertEquals("", multi.getString("segmentKey"));
        assertEquals(List.of("pro", "eu"), multi.getJsonArray("segmentKeys").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList(), "de-duplicated, order kept");
        assertEquals("AND_SEGMENT_OPERATOR", multi.getString("segmentOperator"));

        JsonObject collapsed = rule("color", "\"segmentKeys\":[\"eu\",\"eu\"],\"segmentOperator\":\"AND_SEGMENT_OPERATOR\"", 3);
        assertEquals("eu", collapsed.getString("segmentKey"), "one key left: stored as a single-segment rule");
        assertEquals("OR_SEGMENT_OPERATOR", collapsed.getString("segmentOperator"));

        assertEquals(multi, api.get(p + "/flags/color/rules/" + multi.getString("id")).ok());
        assertEquals(multi, api.get(p + "/flags/other-flag/rules/" + multi.getString("id")).ok(),
                "GET looks a rule up by id and namespace only, as Flipt does");

        // update replaces segments and operator, keeps the rank (conformance 7)
        JsonObject updated = api.put(p + "/flags/color/rules/" + collapsed.getString("id"),
                "{\"segmentKeys\":[\"pro\",\"eu\"],\"segmentOperator\":\"AND_SEGMENT_OPERATOR\"}").ok();
        assertEquals(3, updated.getInt("rank"));
        assertEquals(2, updated.getJsonArray("segmentKeys").size());

        String rules = p + "/flags/color/rules";
        api.post(rules, "{\"rank\":1}").assertError(400, 3, "invalid field segmentKey or segmentKeys: must not be empty");
        api.post(rules, "{\"segmentKey\":\"pro\",\"segmentKeys\":[\"eu\"],\"rank\":1}")
                .assertError(400, 3, "invalid field segmentKey or segmentKeys: only one can be present");
        api.post(rules, "{\"segmentKey\":\"pro\"}").assertError(400, 3, "invalid field rank: must be greater than 0");
        api.post(rules, "{\"segmentKey\":\"nope\",\"rank\":1}")
                .assertError(404, 5, "flag \"" + ns + "/color\" or segment \"" + ns + "/nope\" not found");
        api.post(rules, "{\"segmentKeys\":[\"pro\",\"nope\"],\"rank\":1}")
                .assertError(404, 5, "flag \"" + ns + "/color\" or segment \"" + ns + "/\" not found");
        api.post(p + "/flags/nope/rules", "{\"segmentKey\":\"pro\",\"rank\":1}")
                .assertError(404, 5, "flag \"" + ns + "/nope\" or segment \"" + ns + "/pro\" not found");
        api.put(rules + "/nope", "{\"segmentKey\":\"pro\"}").assertError(404, 5, "rule \"" + ns + "/nope\" not found");
        api.put(rules + "/" + single.getString("id"), "{\"segmentKey\":\"nope\"}")
                .assertError(404, 5, "rule \"" + ns + "/" + single.getString("id") + "\" not found");
        api.get(rules + "/order").assertError(404, 5, "rule \"" + ns + "/order\" not found");
    }

    @Test
    void rulesCannotReachIntoAnotherNamespace() {
        // conformance 7: the flag exists only in this namespace, the rule is created in default
        flag("test", "VARIANT_FLAG_TYPE");
        segment("everyone", "ALL_MATCH_TYPE");
        api.post("/api/v1/namespaces/default/flags/test/rules", "{\"segmentKey\":\"everyone\",\"rank\":1}")
                .assertError(404, 5, "flag \"default/test\" or segment \"default/everyone\" not found");
    }

    @Test
    void rankOrderAndDeleteKeepRanksOneToN() {
        flag("f", "VARIANT_FLAG_TYPE");
        segment("s", "ALL_MATCH_TYPE");
        JsonObject r1 = rule("f", "\"segmentKey\":\"s\"", 1);
        JsonObject r2 = rule("f", "\"segmentKey\":\"s\"", 2);
        JsonObject r3 = rule("f", "\"segmentKey\":\"s\"", 3);
        String rules = p + "/flags/f/rules";

        // conformance 8: order [r2, r1, r3]
        assertEquals("{}", api.put(rules + "/order", "{\"ruleIds\":[\"" + r2.getString("id") + "\",\""
                + r1.getString("id") + "\",\"" + r3.getString("id") + "\"]}").body());
        JsonArray listed = api.get(rules).ok().getJsonArray("rules");
        assertEquals(List.of(r2.getString("id"), r1.getString("id"), r3.getString("id")), ids(listed));
        assertEquals(List.of(1, 2, 3), ranks(listed));

        api.put(rules + "/order", "{\"ruleIds\":[\"" + r1.getString("id") + "\"]}")
                .assertError(400, 3, "invalid field ruleIds: must contain atleast 2 elements");
        api.put(rules + "/order", "{\"ruleIds\":[\"" + r1.getString("id") + "\",\"" + r2.getString("id") + "\"]}")
                .assertError(400, 3, "invalid field ruleIds: must name each of the flag's 3 items exactly once");

        // a new rule at rank 1 goes first and the others move down; a rank past the end is appended
        JsonObject r0 = rule("f", "\"segmentKey\":\"s\"", 1);
        assertEquals(1, r0.getInt("rank"));
        JsonObject last = rule("f", "\"segmentKey\":\"s\"", 99);
        assertEquals(5, last.getInt("rank"));
        listed = api.get(rules).ok().getJsonArray("rules");
        assertEquals(List.of(r0.getString("id"), r2.getString("id"), r1.getString("id"), r3.getString("id"),
                last.getString("id")), ids(listed));
        assertEquals(List.of(1, 2, 3, 4, 5), ranks(listed));

        assertEquals("{}", api.delete(rules + "/" + r2.getString("id")).body());
        assertEquals("{}", api.delete(rules + "/" + r2.getString("id")).body(), "idempotent");
        listed = api.get(rules).ok().getJsonArray("rules");
        assertEquals(List.of(1, 2, 3, 4), ranks(listed), "ranks close up after a delete");

        // paging over more than one page, by rank
        JsonObject page1 = api.get(rules + "?limit=3").ok();
        assertEquals(4, page1.getInt("totalCount"));
        assertEquals(List.of(1, 2, 3), ranks(page1.getJsonArray("rules")));
        JsonObject page2 = api.get(rules + "?limit=3&pageToken=" + page1.getString("nextPageToken")).ok();
        assertEquals(List.of(4), ranks(page2.getJsonArray("rules")));
        api.get(rules + "?limit=10&pageToken=Hello%20World").assertError(400, 3, "pageToken is not valid: \"Hello World\"");
        assertEquals(0, api.get(p + "/flags/missing/rules").ok().getInt("totalCount"), "missing flag: empty list");

        // legacy rule routes work on default
        api.post("/api/v1/flags/f/rules", "{\"segmentKey\":\"s\",\"rank\":1}")
                .assertError(404, 5, "flag \"default/f\" or segment \"default/s\" not found");
        assertEquals(4, api.get("/api/v1/flags/f/rules?namespaceKey=" + ns).ok().getInt("totalCount"));
    }

    @Test
    void distributionsSplitARuleBetweenVariants() {
        flag("color", "VARIANT_FLAG_TYPE");
        JsonObject red = variant("color", "red");
        JsonObject blue = variant("color", "blue");
        segment("s", "ALL_MATCH_TYPE");
        JsonObject rule = rule("color", "\"segmentKey\":\"s\"", 1);
        String d = p + "/flags/color/rules/" + rule.getString("id") + "/distributions";

        JsonObject d1 = api.post(d, "{\"variantId\":\"" + red.getString("id") + "\",\"rollout\":33.33}").ok();
        assertEquals(33.33, d1.getJsonNumber("rollout").doubleValue(), 1e-9);
        assertEquals("33.33", d1.get("rollout").toString(), "float32 in its shortest form");
        assertEquals(rule.getString("id"), d1.getString("ruleId"));
        JsonObject d2 = api.post(d, "{\"variantId\":\"" + blue.getString("id") + "\",\"rollout\":\"66.67\"}").ok();
        JsonObject over = api.post(d, "{\"variantId\":\"" + blue.getString("id") + "\",\"rollout\":50}").ok();
        assertEquals("50", over.get("rollout").toString(), "sums above 100 are accepted");

        JsonObject withDist = api.get(p + "/flags/color/rules/" + rule.getString("id")).ok();
        assertEquals(List.of(d1.getString("id"), d2.getString("id"), over.getString("id")),
                ids(withDist.getJsonArray("distributions")), "distributions in creation order");

        JsonObject changed = api.put(d + "/" + d1.getString("id"), "{\"variantId\":\"" + blue.getString("id")
                + "\",\"rollout\":0.7}").ok();
        assertEquals(blue.getString("id"), changed.getString("variantId"));
        assertEquals("0.7", changed.get("rollout").toString());

        api.post(d, "{\"rollout\":10}").assertError(400, 3, "invalid field variantId: must not be empty");
        api.post(d, "{\"variantId\":\"" + red.getString("id") + "\",\"rollout\":-1}")
                .assertError(400, 3, "invalid field rollout: must be greater than or equal to '0'");
        api.post(d, "{\"variantId\":\"" + red.getString("id") + "\",\"rollout\":100.5}")
                .assertError(400, 3, "invalid field rollout: must be less than or equal to '100'");
        flag("other", "VARIANT_FLAG_TYPE");
        JsonObject foreign = variant("other", "green");
        api.post(d, "{\"variantId\":\"" + foreign.getString("id") + "\",\"rollout\":10}").assertError(404, 5,
                "variant \"" + foreign.getString("id") + "\", rule \"" + rule.getString("id") + "\", flag \"color\" in namespace \""
                        + ns + "\" not found");
        api.put(d + "/nope", "{\"variantId\":\"" + red.getString("id") + "\",\"rollout\":1}")
                .assertError(404, 5, "distribution \"nope\" not found");
        api.delete(d + "/" + over.getString("id")).assertError(400, 3, "invalid field variantId: must not be empty");
        assertEquals("{}", api.delete(d + "/" + over.getString("id") + "?variantId=" + blue.getString("id")).body());
        assertEquals(2, api.get(p + "/flags/color/rules/" + rule.getString("id")).ok().getJsonArray("distributions").size());

        // deleting a variant removes the distributions that point at it
        assertEquals("{}", api.delete(p + "/flags/color/variants/" + blue.getString("id")).body());
        assertEquals(0, api.get(p + "/flags/color/rules/" + rule.getString("id")).ok().getJsonArray("distributions").size());
    }

    // ---- rollouts -------------------------------------------------------------------------------------------

    @Test
    void rolloutsOfBooleanFlags() {
        flag("dark", "BOOLEAN_FLAG_TYPE");
        segment("pro", "ALL_MATCH_TYPE");
        segment("eu", "ALL_MATCH_TYPE");
        String r = p + "/flags/dark/rollouts";
        JsonObject threshold = api.post(r, "{\"rank\":1,\"description\":\"30% of users\","
                + "\"threshold\":{\"percentage\":30,\"value\":true}}").ok();
        assertEquals("THRESHOLD_ROLLOUT_TYPE", threshold.getString("type"));
        assertEquals("{\"percentage\":30,\"value\":true}", threshold.getJsonObject("threshold").toString());
        assertFalse(threshold.containsKey("segment"));
        assertEquals("dark", threshold.getString("flagKey"));
        JsonObject seg = api.post(r, "{\"rank\":2,\"segment\":{\"segmentKeys\":[\"pro\",\"eu\"],"
                + "\"segmentOperator\":\"AND_SEGMENT_OPERATOR\",\"value\":true}}").ok();
        assertEquals("SEGMENT_ROLLOUT_TYPE", seg.getString("type"));
        assertEquals("{\"segmentKey\":\"\",\"value\":true,\"segmentKeys\":[\"pro\",\"eu\"],\"segmentOperator\":\"AND_SEGMENT_OPERATOR\"}",
                seg.getJsonObject("segment").toString());
        JsonObject one = api.post(r, "{\"rank\":3,\"segment\":{\"segmentKey\":\"pro\"}}").ok();
        assertEquals("{\"segmentKey\":\"pro\",\"value\":false,\"segmentKeys\":[],\"segmentOperator\":\"OR_SEGMENT_OPERATOR\"}",
                one.getJsonObject("segment").toString());

        // conformance 10
        api.post(r, "{\"rank\":4,\"threshold\":{\"percentage\":101,\"value\":true}}")
                .assertError(400, 3, "invalid field threshold.percentage: must be within range [0, 100]");
        api.post(r, "{\"rank\":2,\"threshold\":{\"percentage\":1}}").assertError(400, 3, "rank number: 2 already exists");
        api.post(r, "{\"rank\":4,\"segment\":{\"segmentKey\":\"thisdoesnotexist\"}}")
                .assertError(404, 5, "flag \"" + ns + "/dark or segment thisdoesnotexist\" not found");
        api.post(r, "{\"rank\":4}").assertError(400, 3, "rollout rule is missing");
        api.post(p + "/flags/nope/rollouts", "{\"rank\":1,\"threshold\":{\"percentage\":1}}")
                .assertError(404, 5, "flag \"" + ns + "/nope\" not found");

        JsonObject updated = api.put(r + "/" + threshold.getString("id"), "{\"description\":\"half\","
                + "\"threshold\":{\"percentage\":50.5,\"value\":false}}").ok();
        assertEquals("{\"percentage\":50.5,\"value\":false}", updated.getJsonObject("threshold").toString());
        assertEquals(1, updated.getInt("rank"));
        api.put(r + "/" + threshold.getString("id"), "{\"segment\":{\"segmentKey\":\"pro\"}}").assertError(400, 3,
                "cannot change type of rollout: have \"THRESHOLD_ROLLOUT_TYPE\" attempted \"SEGMENT_ROLLOUT_TYPE\"");
        api.put(r + "/" + threshold.getString("id"), "{\"description\":\"x\"}")
                .assertError(400, 3, "invalid field rule: invalid rollout rule type");
        api.put(r + "/nope", "{\"threshold\":{\"percentage\":1}}").assertError(404, 5, "rollout \"" + ns + "/nope\" not found");
        api.get(r + "/nope").assertError(404, 5, "rollout \"" + ns + "/nope\" not found");

        // the list is wrapped in "rules" and equals what create and update returned
        JsonObject list = api.get(r).ok();
        assertEquals(List.of(updated, seg, one), list.getJsonArray("rules").getValuesAs(JsonObject.class));
        assertEquals(3, list.getInt("totalCount"));
        JsonObject page = api.get(r + "?limit=2").ok();
        assertEquals(2, page.getJsonArray("rules").size());
        assertEquals(List.of(one), api.get(r + "?limit=2&pageToken=" + page.getString("nextPageToken")).ok()
                .getJsonArray("rules").getValuesAs(JsonObject.class));

        api.put(r + "/order", "{\"rolloutIds\":[\"" + one.getString("id") + "\"]}")
                .assertError(400, 3, "invalid field rolloutIds: must contain atleast 2 elements");
        assertEquals("{}", api.put(r + "/order", "{\"rolloutIds\":[\"" + one.getString("id") + "\",\""
                + seg.getString("id") + "\",\"" + threshold.getString("id") + "\"]}").body());
        assertEquals(List.of(one.getString("id"), seg.getString("id"), threshold.getString("id")),
                ids(api.get(r).ok().getJsonArray("rules")));
        assertEquals("{}", api.delete(r + "/" + seg.getString("id")).body());
        assertEquals(List.of(1, 2), ranks(api.get(r).ok().getJsonArray("rules")), "ranks close up after a delete");
    }

    // ---- references between resources ----------------------------------------------------------------------

    @Test
    void segmentsInUseCannotBeDeletedAndFlagsTakeTheirTargetingWithThem() {
        flag("v", "VARIANT_FLAG_TYPE");
        flag("b", "BOOLEAN_FLAG_TYPE");
        segment("used", "ALL_MATCH_TYPE");
        segment("rolled", "ALL_MATCH_TYPE");
        JsonObject rule = rule("v", "\"segmentKey\":\"used\"", 1);
        JsonObject variant = variant("v", "on");
        api.post(p + "/flags/v/rules/" + rule.getString("id") + "/distributions",
                "{\"variantId\":\"" + variant.getString("id") + "\",\"rollout\":100}").ok();
        api.post(p + "/flags/b/rollouts", "{\"rank\":1,\"segment\":{\"segmentKey\":\"rolled\",\"value\":true}}").ok();

        api.delete(p + "/segments/used").assertError(400, 3, "segment \"" + ns + "/used\" is in use");
        api.delete(p + "/segments/rolled").assertError(400, 3, "segment \"" + ns + "/rolled\" is in use");
        assertEquals("used", api.get(p + "/segments/used").ok().getString("key"), "a refused delete changes nothing");

        assertEquals("{}", api.delete(p + "/flags/v").body());
        assertEquals("{}", api.delete(p + "/flags/b").body());
        assertEquals("{}", api.delete(p + "/segments/used").body(), "free once the flag is gone");
        assertEquals("{}", api.delete(p + "/segments/rolled").body());
        flag("v", "VARIANT_FLAG_TYPE");
        assertEquals(0, api.get(p + "/flags/v/rules").ok().getInt("totalCount"), "the old rules went with the flag");
        api.get(p + "/flags/v/rules/" + rule.getString("id")).assertError(404, 5, "rule \"" + ns + "/" + rule.getString("id") + "\" not found");
    }

    @Test
    void forceDeletingANamespaceTakesEverythingInIt() {
        flag("v", "VARIANT_FLAG_TYPE");
        segment("s", "ALL_MATCH_TYPE");
        constraint("s", "{\"type\":\"STRING_COMPARISON_TYPE\",\"property\":\"p\",\"operator\":\"eq\",\"value\":\"x\"}");
        rule("v", "\"segmentKey\":\"s\"", 1);
        api.delete(p).assertError(400, 3, "namespace \"" + ns + "\" cannot be deleted; flags must be deleted first");
        assertEquals("{}", api.delete(p + "?force=true").body());
        api.post("/api/v1/namespaces", "{\"key\":\"" + ns + "\",\"name\":\"again\"}").ok();
        assertEquals(0, api.get(p + "/segments").ok().getInt("totalCount"));
        assertEquals(0, api.get(p + "/flags").ok().getInt("totalCount"));
    }

    // ---- concurrency ----------------------------------------------------------------------------------------

    @Test
    void parallelCreatesAndReordersKeepRanksUniqueAndGapFree() throws Exception {
        flag("busy", "VARIANT_FLAG_TYPE");
        segment("s", "ALL_MATCH_TYPE");
        String rules = p + "/flags/busy/rules";
        for (int i = 1; i <= 3; i++) {
            rule("busy", "\"segmentKey\":\"s\"", i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            Random random = new Random(42);
            for (int i = 0; i < 40; i++) {
                int rank = 1 + random.nextInt(6);
                boolean reorder = i % 3 == 0;
                calls.add(pool.submit(() -> {
                    if (!reorder) {
                        return api.post(rules, "{\"segmentKey\":\"s\",\"rank\":" + rank + "}").status();
                    }
                    List<String> current = new ArrayList<>(ids(api.get(rules).json().getJsonArray("rules")));
                    Collections.shuffle(current, new Random(rank));
                    String body = current.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "{\"ruleIds\":[", "]}"));
                    return api.put(rules + "/order", body).status();
                }));
            }
            int created = 0;
            for (int i = 0; i < calls.size(); i++) {
                int status = calls.get(i).get();
                if (i % 3 == 0) {
                    assertTrue(status == 200 || status == 400, "an order answers 200, or 400 when its list was stale: " + status);
                } else {
                    assertEquals(200, status, "every create succeeds");
                    created++;
                }
            }
            JsonArray finalRules = api.get(rules).ok().getJsonArray("rules");
            assertEquals(3 + created, finalRules.size());
            assertEquals(IntStream.rangeClosed(1, 3 + created).boxed().toList(), ranks(finalRules),
                    "ranks are unique and gap-free");
        } finally {
            pool.shutdownNow();
        }
    }
}
