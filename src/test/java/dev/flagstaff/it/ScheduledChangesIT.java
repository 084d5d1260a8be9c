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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scheduled changes over HTTP ({@code /api/v1/namespaces/{ns}/flags/{key}/schedules}): create, list, read and
 * delete; what creation refuses (nothing stored then); schedules that run on time and change the flag as the
 * manual write would; a schedule whose rule is gone recorded as FAILED with the reason. Runs on H2, PostgreSQL
 * and MariaDB. Several instances and restarts: {@link ScheduleInstancesIT}.
 */
@FlagstaffIT
class ScheduledChangesIT {

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
        ns = "sched-" + UUID.randomUUID().toString().substring(0, 8);
        p = "/api/v1/namespaces/" + ns;
        api.post("/api/v1/namespaces", "{\"key\":\"" + ns + "\",\"name\":\"Schedules\"}").ok();
    }

    private String flag(String key, String type, boolean enabled) {
        api.post(p + "/flags", "{\"key\":\"" + key + "\",\"name\":\"" + key + "\",\"type\":\"" + type
                + "\",\"enabled\":" + enabled + "}").ok();
        return key;
    }

    private String variant(String flag, String key) {
        return api.post(p + "/flags/" + flag + "/variants", "{\"key\":\"" + key + "\"}").ok().getString("id");
    }

    private Api.Reply schedule(String flag, Instant at, String change) {
        return api.post(p + "/flags/" + flag + "/schedules", "{\"at\":\"" + at + "\",\"change\":" + change + "}");
    }

    /** Polls the schedule until it is no longer PENDING (at most {@code seconds}) and returns it. */
    private JsonObject awaitRun(String flag, String id, int seconds) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        JsonObject schedule = api.get(p + "/flags/" + flag + "/schedules/" + id).ok();
        while ("PENDING".equals(schedule.getString("state")) && System.nanoTime() < deadline) {
            PayaraProcess.sleep(100);
            schedule = api.get(p + "/flags/" + flag + "/schedules/" + id).ok();
        }
        return schedule;
    }

    @Test
    void createListGetDelete() {
        flag("dark", "BOOLEAN_FLAG_TYPE", false);
        flag("other-far", "BOOLEAN_FLAG_TYPE", false);
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        JsonObject created = schedule("dark", later.plusSeconds(60), "{\"type\":\"DISABLE\"}").ok();
        assertEquals("2999-12-31T23:59:59.999999Z", schedule("other-far", Instant.parse("2999-12-31T23:59:59.999999Z"),
                "{\"type\":\"ENABLE\"}").ok().getString("at"), "far ahead, to the microsecond");
        JsonObject first = schedule("dark", later, "{\"type\":\"ENABLE\",\"variantId\":\"ignored\"}").ok();

        assertEquals(36, created.getString("id").length());
        assertEquals(ns, created.getString("namespaceKey"));
        assertEquals("dark", created.getString("flagKey"));
        assertEquals(later.plusSeconds(60).toString(), created.getString("at"));
        assertEquals("PENDING", created.getString("state"));
        assertEquals("{\"type\":\"DISABLE\"}", created.getJsonObject("change").toString());
        assertFalse(created.containsKey("reason"), created.toString());
        assertFalse(created.containsKey("executedAt"), created.toString());
        assertTrue(created.getString("createdAt").endsWith("Z"));
        assertEquals("{\"type\":\"ENABLE\"}", first.getJsonObject("change").toString(),
                "fields of other change types are dropped");

        assertEquals(created, api.get(p + "/flags/dark/schedules/" + created.getString("id")).ok());

        JsonObject list = api.get(p + "/flags/dark/schedules").ok();
        assertEquals(2, list.getInt("totalCount"));
        assertEquals("", list.getString("nextPageToken"));
        JsonArray items = list.getJsonArray("schedules");
        assertEquals(first.getString("id"), items.getJsonObject(0).getString("id"), "earliest first");
        assertEquals(created, items.getJsonObject(1));

        JsonObject page1 = api.get(p + "/flags/dark/schedules?limit=1").ok();
        assertEquals(1, page1.getJsonArray("schedules").size());
        assertNotEquals("", page1.getString("nextPageToken"));
        JsonObject page2 = api.get(p + "/flags/dark/schedules?limit=1&pageToken=" + page1.getString("nextPageToken")).ok();
        assertEquals(created.getString("id"), page2.getJsonArray("schedules").getJsonObject(0).getString("id"));
        assertEquals("", page2.getString("nextPageToken"));

        assertEquals(JsonValue.EMPTY_JSON_OBJECT, api.delete(p + "/flags/dark/schedules/" + created.getString("id")).ok());
        api.get(p + "/flags/dark/schedules/" + created.getString("id"))
                .assertError(404, 5, "schedule \"" + ns + "/" + created.getString("id") + "\" not found");
        api.delete(p + "/flags/dark/schedules/" + created.getString("id")).ok(); // idempotent, as Flipt's deletes
        assertEquals(1, api.get(p + "/flags/dark/schedules").ok().getInt("totalCount"));

        // another flag's path does not reach it
        flag("other", "BOOLEAN_FLAG_TYPE", false);
        api.get(p + "/flags/other/schedules/" + first.getString("id"))
                .assertError(404, 5, "schedule \"" + ns + "/" + first.getString("id") + "\" not found");
        api.get(p + "/flags/nope/schedules").assertError(404, 5, "flag \"" + ns + "/nope\" not found");

        // deleting the flag deletes its schedules
        api.delete(p + "/flags/dark").ok();
        flag("dark", "BOOLEAN_FLAG_TYPE", false);
        assertEquals(0, api.get(p + "/flags/dark/schedules").ok().getInt("totalCount"));
    }

    @Test
    void creationRefusesWhatCannotApplyAndStoresNothing() {
        flag("dark", "BOOLEAN_FLAG_TYPE", false);
        flag("color", "VARIANT_FLAG_TYPE", true);
        flag("other", "VARIANT_FLAG_TYPE", true);
        String red = variant("color", "red");
        String foreign = variant("other", "blue");
        api.post(p + "/segments", "{\"key\":\"all\",\"name\":\"All\"}").ok();
        String rule = api.post(p + "/flags/color/rules", "{\"segmentKey\":\"all\",\"rank\":1}").ok().getString("id");
        String segmentRollout = api.post(p + "/flags/dark/rollouts",
                "{\"rank\":1,\"segment\":{\"segmentKey\":\"all\",\"value\":true}}").ok().getString("id");
        Instant at = Instant.now().plus(1, ChronoUnit.HOURS);
        String path = p + "/flags/";

        api.post(path + "dark/schedules", "{\"change\":{\"type\":\"ENABLE\"}}")
                .assertError(400, 3, "invalid field at: must not be empty");
        api.post(path + "dark/schedules", "{\"at\":\"tomorrow\",\"change\":{\"type\":\"ENABLE\"}}")
                .assertError(400, 3, "invalid values for key(s) in json body");
        api.post(path + "dark/schedules", "{\"at\":\"+10000-01-01T00:00:00Z\",\"change\":{\"type\":\"ENABLE\"}}")
                .assertError(400, 3, "invalid field at: must be within the years 0001 to 9999");
        api.post(path + "dark/schedules", "{\"at\":\"" + at + "\"}")
                .assertError(400, 3, "invalid field change: must not be empty");
        schedule("dark", at, "{}").assertError(400, 3, "invalid field change.type: must be one of ENABLE, DISABLE, "
                + "SET_ROLLOUT_THRESHOLD, SET_RULE_DISTRIBUTIONS, SET_DEFAULT_VARIANT");
        Api.Reply unknownType = schedule("dark", at, "{\"type\":\"EXPLODE\"}");
        assertEquals(400, unknownType.status(), unknownType.body());
        assertEquals(3, unknownType.json().getInt("code"));
        schedule("nope", at, "{\"type\":\"ENABLE\"}").assertError(404, 5, "flag \"" + ns + "/nope\" not found");

        schedule("dark", at, "{\"type\":\"SET_ROLLOUT_THRESHOLD\",\"percentage\":5}")
                .assertError(400, 3, "invalid field change.rolloutId: must not be empty");
        schedule("dark", at, "{\"type\":\"SET_ROLLOUT_THRESHOLD\",\"rolloutId\":\"r\",\"percentage\":101}")
                .assertError(400, 3, "invalid field change.percentage: must be within range [0, 100]");
        schedule("dark", at, "{\"type\":\"SET_ROLLOUT_THRESHOLD\",\"rolloutId\":\"r\",\"percentage\":5}")
                .assertError(404, 5, "rollout \"" + ns + "/r\" not found");
        schedule("dark", at, "{\"type\":\"SET_ROLLOUT_THRESHOLD\",\"rolloutId\":\"" + segmentRollout + "\",\"percentage\":5}")
                .assertError(400, 3, "rollout \"" + segmentRollout + "\" is not a threshold rollout");

        schedule("color", at, "{\"type\":\"SET_RULE_DISTRIBUTIONS\",\"ruleId\":\"x\",\"distributions\":[]}")
                .assertError(404, 5, "rule \"" + ns + "/x\" not found");
        schedule("color", at, "{\"type\":\"SET_RULE_DISTRIBUTIONS\",\"ruleId\":\"" + rule + "\",\"distributions\":"
                + "[{\"variantId\":\"" + foreign + "\",\"rollout\":10}]}")
                .assertError(404, 5, "variant \"" + ns + "/color/" + foreign + "\" not found");
        schedule("color", at, "{\"type\":\"SET_RULE_DISTRIBUTIONS\",\"ruleId\":\"" + rule + "\",\"distributions\":"
                + "[{\"variantId\":\"" + red + "\",\"rollout\":60},{\"variantId\":\"" + red + "\",\"rollout\":10}]}")
                .assertError(400, 3, "invalid field change.distributions: variant " + red + " appears more than once");
        String blue = variant("color", "blue");
        schedule("color", at, "{\"type\":\"SET_RULE_DISTRIBUTIONS\",\"ruleId\":\"" + rule + "\",\"distributions\":"
                + "[{\"variantId\":\"" + red + "\",\"rollout\":60},{\"variantId\":\"" + blue + "\",\"rollout\":50}]}")
                .assertError(400, 3, "invalid field change.distributions: rollouts must add up to at most 100");
        schedule("color", at, "{\"type\":\"SET_RULE_DISTRIBUTIONS\",\"ruleId\":\"" + rule + "\",\"distributions\":"
                + "[{\"variantId\":\"" + red + "\",\"rollout\":-1}]}")
                .assertError(400, 3, "invalid field change.distributions.rollout: must be within range [0, 100]");

        schedule("color", at, "{\"type\":\"SET_DEFAULT_VARIANT\"}")
                .assertError(400, 3, "invalid field change.variantId: must not be empty");
        schedule("color", at, "{\"type\":\"SET_DEFAULT_VARIANT\",\"variantId\":\"" + foreign + "\"}")
                .assertError(404, 5, "variant \"" + ns + "/color/" + foreign + "\" not found");

        assertEquals(0, api.get(p + "/flags/dark/schedules").ok().getInt("totalCount"));
        assertEquals(0, api.get(p + "/flags/color/schedules").ok().getInt("totalCount"));
    }

    @Test
    void aScheduleTwoSecondsAheadFlipsTheFlagOnTime() {
        flag("dark", "BOOLEAN_FLAG_TYPE", false);
        String evaluate = "{\"namespaceKey\":\"" + ns + "\",\"flagKey\":\"dark\",\"entityId\":\"u\"}";
        assertFalse(api.post("/evaluate/v1/boolean", evaluate).ok().getBoolean("enabled"));
        Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        String id = schedule("dark", at, "{\"type\":\"ENABLE\"}").ok().getString("id");

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        boolean enabled = false;
        while (!enabled && System.nanoTime() < deadline) {
            enabled = api.post("/evaluate/v1/boolean", evaluate).ok().getBoolean("enabled");
            if (!enabled) {
                PayaraProcess.sleep(50);
            }
        }
        Instant seen = Instant.now();
        assertTrue(enabled, "the flag evaluates as enabled after the schedule ran");
        Duration late = Duration.between(at, seen);
        System.out.println("[flagstaff-it] scheduled ENABLE seen by evaluation " + late.toMillis() + " ms after its time");
        assertTrue(late.toMillis() < 5000, "within 5 s of its time: " + late.toMillis() + " ms");

        JsonObject done = api.get(p + "/flags/dark/schedules/" + id).ok();
        assertEquals("DONE", done.getString("state"));
        Instant executedAt = Instant.parse(done.getString("executedAt"));
        assertFalse(executedAt.isBefore(at), "not before its time: " + executedAt + " vs " + at);
        assertFalse(done.containsKey("reason"));
        assertTrue(api.get(p + "/flags/dark").ok().getBoolean("enabled"));
    }

    @Test
    void eachKindOfChangeAppliesAsTheManualWriteWould() {
        flag("dark", "BOOLEAN_FLAG_TYPE", true);
        String threshold = api.post(p + "/flags/dark/rollouts",
                "{\"rank\":1,\"description\":\"half\",\"threshold\":{\"percentage\":50,\"value\":true}}").ok().getString("id");
        flag("color", "VARIANT_FLAG_TYPE", true);
        String red = variant("color", "red");
        String blue = variant("color", "blue");
        String green = variant("color", "green");
        api.post(p + "/segments", "{\"key\":\"all\",\"name\":\"All\"}").ok();
        String rule = api.post(p + "/flags/color/rules", "{\"segmentKey\":\"all\",\"rank\":1}").ok().getString("id");
        String redShare = api.post(p + "/flags/color/rules/" + rule + "/distributions",
                "{\"variantId\":\"" + red + "\",\"rollout\":50}").ok().getString("id");
        api.post(p + "/flags/color/rules/" + rule + "/distributions", "{\"variantId\":\"" + blue + "\",\"rollout\":50}").ok();

        Instant past = Instant.parse("2020-01-01T00:00:00Z"); // runs at once
        String s1 = schedule("dark", past, "{\"type\":\"SET_ROLLOUT_THRESHOLD\",\"rolloutId\":\"" + threshold
                + "\",\"percentage\":12.5}").ok().getString("id");
        String s2 = schedule("color", past, "{\"type\":\"SET_RULE_DISTRIBUTIONS\",\"ruleId\":\"" + rule
                + "\",\"distributions\":[{\"variantId\":\"" + red + "\",\"rollout\":30},{\"variantId\":\"" + green
                + "\",\"rollout\":70}]}").ok().getString("id");
        String s3 = schedule("color", past, "{\"type\":\"SET_DEFAULT_VARIANT\",\"variantId\":\"" + green + "\"}")
                .ok().getString("id");
        String s4 = schedule("color", past, "{\"type\":\"DISABLE\"}").ok().getString("id");

        assertEquals("DONE", awaitRun("dark", s1, 15).getString("state"));
        for (String id : new String[] {s2, s3, s4}) {
            assertEquals("DONE", awaitRun("color", id, 15).getString("state"), id);
        }

        JsonObject rollout = api.get(p + "/flags/dark/rollouts/" + threshold).ok();
        assertEquals(12.5, rollout.getJsonObject("threshold").getJsonNumber("percentage").doubleValue());
        assertTrue(rollout.getJsonObject("threshold").getBoolean("value"), "value kept");
        assertEquals("half", rollout.getString("description"), "description kept");

        JsonArray shares = api.get(p + "/flags/color/rules/" + rule).ok().getJsonArray("distributions");
        Map<String, Double> byVariant = shares.stream().map(JsonValue::asJsonObject).collect(Collectors.toMap(
                d -> d.getString("variantId"), d -> d.getJsonNumber("rollout").doubleValue()));
        assertEquals(Map.of(red, 30.0, green, 70.0), byVariant);
        assertTrue(shares.stream().map(JsonValue::asJsonObject).anyMatch(d -> d.getString("id").equals(redShare)),
                "the red distribution was updated in place");

        JsonObject color = api.get(p + "/flags/color").ok();
        assertEquals("green", color.getJsonObject("defaultVariant").getString("key"));
        assertFalse(color.getBoolean("enabled"));
        assertEquals("color", color.getString("name"), "the rest of the flag stays");
        Predicate<JsonObject> done = s -> "DONE".equals(s.getString("state"));
        assertTrue(api.get(p + "/flags/color/schedules").ok().getJsonArray("schedules").stream()
                .map(JsonValue::asJsonObject).allMatch(done));
    }

    @Test
    void aScheduleWhoseRuleWasDeletedIsFailedWithTheReason() {
        flag("color", "VARIANT_FLAG_TYPE", true);
        String red = variant("color", "red");
        api.post(p + "/segments", "{\"key\":\"all\",\"name\":\"All\"}").ok();
        String rule = api.post(p + "/flags/color/rules", "{\"segmentKey\":\"all\",\"rank\":1}").ok().getString("id");
        Instant at = Instant.now().plusSeconds(2);
        String id = schedule("color", at, "{\"type\":\"SET_RULE_DISTRIBUTIONS\",\"ruleId\":\"" + rule
                + "\",\"distributions\":[{\"variantId\":\"" + red + "\",\"rollout\":100}]}").ok().getString("id");
        String updatedAt = api.get(p + "/flags/color").ok().getString("updatedAt");
        api.delete(p + "/flags/color/rules/" + rule).ok();

        JsonObject failed = awaitRun("color", id, 15);
        assertEquals("FAILED", failed.getString("state"), failed.toString());
        assertEquals("rule \"" + ns + "/" + rule + "\" not found", failed.getString("reason"));
        assertFalse(Instant.parse(failed.getString("executedAt")).isBefore(at.truncatedTo(ChronoUnit.MICROS)));
        assertEquals(updatedAt, api.get(p + "/flags/color").ok().getString("updatedAt"), "the flag is untouched");
        assertEquals(0, api.get(p + "/flags/color/rules").ok().getInt("totalCount"));
    }
}
