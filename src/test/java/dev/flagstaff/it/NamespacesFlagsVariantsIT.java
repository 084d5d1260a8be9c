package dev.flagstaff.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.flagstaff.it.Api.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Namespaces, flags and variants over HTTP, as a Flipt client sees them (contract sections 1-5). Each test
 * works in namespaces or keys of its own, so the tests do not depend on each other's data.
 */
@FlagstaffIT
class NamespacesFlagsVariantsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String namespace() {
        String key = unique("ns");
        api.post("/api/v1/namespaces", "{\"key\":\"" + key + "\",\"name\":\"NS " + key + "\"}").ok();
        return key;
    }

    // ---- namespaces -------------------------------------------------------------------------------------

    @Test
    void defaultNamespaceExistsProtectedAndFirst() {
        JsonObject list = api.get("/api/v1/namespaces").ok();
        JsonObject first = list.getJsonArray("namespaces").getJsonObject(0);
        assertEquals("default", first.getString("key"));
        assertEquals("Default", first.getString("name"));
        assertEquals("Default namespace", first.getString("description"));
        assertTrue(first.getBoolean("protected"));
        assertTrue(first.getString("createdAt").endsWith("Z"));
        assertEquals("", list.getString("nextPageToken"));
        assertEquals(list.getJsonArray("namespaces").size(), list.getInt("totalCount"));

        JsonObject one = api.get("/api/v1/namespaces/default").ok();
        assertEquals(first, one);
    }

    @Test
    void namespaceLifecycle() {
        String key = unique("ns");
        JsonObject created = api.post("/api/v1/namespaces",
                "{\"key\":\"" + key + "\",\"name\":\"Production\",\"description\":\"live\"}").ok();
        assertEquals(key, created.getString("key"));
        assertEquals("Production", created.getString("name"));
        assertEquals("live", created.getString("description"));
        assertFalse(created.getBoolean("protected"));
        assertEquals(created, api.get("/api/v1/namespaces/" + key).ok());

        api.post("/api/v1/namespaces", "{\"key\":\"" + key + "\",\"name\":\"again\"}")
                .assertError(400, 3, "namespace \"" + key + "\" is not unique");

        JsonObject updated = api.put("/api/v1/namespaces/" + key, "{\"name\":\"Prod\"}").ok();
        assertEquals("Prod", updated.getString("name"));
        assertEquals("", updated.getString("description"), "description is replaced, so omitting it clears it");
        assertEquals(created.getString("createdAt"), updated.getString("createdAt"));

        assertEquals("{}", api.delete("/api/v1/namespaces/" + key).body());
        api.get("/api/v1/namespaces/" + key).assertError(404, 5, "namespace \"" + key + "\" not found");
        api.delete("/api/v1/namespaces/" + key).assertError(404, 5, "namespace \"" + key + "\" not found");
    }

    @Test
    void namespaceValidationInFliptsOrder() {
        api.post("/api/v1/namespaces", "{\"name\":\"x\"}").assertError(400, 3, "invalid field key: must not be empty");
        api.post("/api/v1/namespaces", "{\"key\":\"a.b\",\"name\":\"x\"}")
                .assertError(400, 3, "invalid field key: contains invalid characters");
        api.post("/api/v1/namespaces", "{\"key\":\"ok\"}").assertError(400, 3, "invalid field name: must not be empty");
        api.post("/api/v1/namespaces", "{\"key\":\"default\",\"name\":\"x\"}")
                .assertError(400, 3, "namespace \"default\" is not unique");
        api.put("/api/v1/namespaces/default", "{}").assertError(400, 3, "invalid field name: must not be empty");
        String missing = unique("missing");
        api.put("/api/v1/namespaces/" + missing, "{\"name\":\"x\"}")
                .assertError(404, 5, "namespace \"" + missing + "\" not found");
    }

    @Test
    void defaultNamespaceCanBeRenamedButNotDeleted() {
        JsonObject renamed = api.put("/api/v1/namespaces/default",
                "{\"name\":\"Default\",\"description\":\"Default namespace\"}").ok();
        assertTrue(renamed.getBoolean("protected"));
        api.delete("/api/v1/namespaces/default").assertError(400, 3, "namespace \"default\" is protected");
    }

    @Test
    void namespaceWithFlagsNeedsForceAndForceCascades() {
        String ns = namespace();
        api.post("/api/v1/namespaces/" + ns + "/flags", "{\"key\":\"f1\",\"name\":\"F1\"}").ok();
        api.post("/api/v1/namespaces/" + ns + "/flags/f1/variants", "{\"key\":\"v1\"}").ok();
        api.delete("/api/v1/namespaces/" + ns)
                .assertError(400, 3, "namespace \"" + ns + "\" cannot be deleted; flags must be deleted first");
        assertEquals("{}", api.delete("/api/v1/namespaces/" + ns + "?force=true").body());
        api.get("/api/v1/namespaces/" + ns).assertError(404, 5, "namespace \"" + ns + "\" not found");
        JsonObject flags = api.get("/api/v1/namespaces/" + ns + "/flags").ok();
        assertEquals(0, flags.getInt("totalCount"), "listing in a missing namespace is an empty list");
        assertEquals(0, flags.getJsonArray("flags").size());
    }

    @Test
    void namespacePagesWalkTheWholeListInCreationOrder() {
        namespace();
        namespace();
        JsonObject all = api.get("/api/v1/namespaces").ok();
        List<String> expected = keys(all.getJsonArray("namespaces"));
        List<String> walked = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            JsonObject page = api.get("/api/v1/namespaces?limit=2" + (token.isEmpty() ? "" : "&pageToken=" + token)).ok();
            JsonArray items = page.getJsonArray("namespaces");
            assertTrue(items.size() <= 2);
            walked.addAll(keys(items));
            assertTrue(page.getInt("totalCount") >= expected.size());
            token = page.getString("nextPageToken");
            pages++;
        } while (!token.isEmpty() && pages < 100);
        assertEquals(expected, walked.subList(0, expected.size()));

        api.get("/api/v1/namespaces?pageToken=Hello%20World").assertError(400, 3, "pageToken is not valid: \"Hello World\"");
        // namespaces take a token without a limit: the rest of the list from the token's offset
        JsonObject rest = api.get("/api/v1/namespaces?pageToken=eyJvZmZzZXQiOjF9").ok();
        assertEquals(expected.subList(1, expected.size()), keys(rest.getJsonArray("namespaces")).subList(0, expected.size() - 1));
    }

    // ---- flags ------------------------------------------------------------------------------------------

    @Test
    void flagCreatedThroughEitherRouteStyleReadsBackIdentically() {
        String legacyKey = unique("legacy");
        JsonObject viaLegacy = api.post("/api/v1/flags",
                "{\"key\":\"" + legacyKey + "\",\"name\":\"Legacy\",\"description\":\"d\",\"enabled\":true}").ok();
        assertEquals("default", viaLegacy.getString("namespaceKey"));
        assertEquals(viaLegacy, api.get("/api/v1/namespaces/default/flags/" + legacyKey).ok());
        assertEquals(viaLegacy, api.get("/api/v1/flags/" + legacyKey).ok());

        String key = unique("modern");
        JsonObject viaNamespaced = api.post("/api/v1/namespaces/default/flags",
                "{\"key\":\"" + key + "\",\"name\":\"Modern\"}").ok();
        assertEquals(viaNamespaced, api.get("/api/v1/flags/" + key).ok());

        assertEquals(Set.of("key", "name", "description", "enabled", "createdAt", "updatedAt", "variants",
                "namespaceKey", "type"), viaNamespaced.keySet(), "defaults present, unset messages omitted");
        assertEquals("VARIANT_FLAG_TYPE", viaNamespaced.getString("type"));
        assertFalse(viaNamespaced.getBoolean("enabled"));
        assertEquals(0, viaNamespaced.getJsonArray("variants").size());
        assertEquals(viaNamespaced.getString("createdAt"), viaNamespaced.getString("updatedAt"));
    }

    @Test
    void legacyRoutesHonourNamespaceKeyFromBodyAndQuery() {
        String ns = namespace();
        JsonObject created = api.post("/api/v1/flags",
                "{\"key\":\"lf\",\"name\":\"L\",\"namespaceKey\":\"" + ns + "\"}").ok();
        assertEquals(ns, created.getString("namespaceKey"));
        assertEquals(created, api.get("/api/v1/flags/lf?namespaceKey=" + ns).ok());
        assertEquals(created, api.get("/api/v1/namespaces/" + ns + "/flags/lf").ok());
        assertEquals(1, api.get("/api/v1/flags?namespace_key=" + ns).ok().getInt("totalCount"));
        // the path wins over the body
        JsonObject pathWins = api.post("/api/v1/namespaces/" + ns + "/flags",
                "{\"key\":\"pw\",\"name\":\"P\",\"namespaceKey\":\"default\"}").ok();
        assertEquals(ns, pathWins.getString("namespaceKey"));
        api.get("/api/v1/flags/pw").assertError(404, 5, "flag \"default/pw\" not found");
        assertEquals("{}", api.delete("/api/v1/flags/lf?namespaceKey=" + ns).body());
        api.get("/api/v1/namespaces/" + ns + "/flags/lf").assertError(404, 5, "flag \"" + ns + "/lf\" not found");
    }

    @Test
    void flagValidationAndErrors() {
        String ns = namespace();
        String flags = "/api/v1/namespaces/" + ns + "/flags";
        api.post(flags, "{\"name\":\"x\"}").assertError(400, 3, "invalid field key: must not be empty");
        api.post(flags, "{\"key\":\"has space\",\"name\":\"x\"}")
                .assertError(400, 3, "invalid field key: contains invalid characters");
        api.post(flags, "{\"key\":\"k\"}").assertError(400, 3, "invalid field name: must not be empty");
        api.post(flags, "{\"key\":\"k\",\"name\":\"x\",\"type\":\"FOO\"}")
                .assertError(400, 3, "unknown value \"\\\"FOO\\\"\" for enum flipt.FlagType");
        api.post(flags, "{\"key\":\"k\",\"name\":\"x\",\"enabled\":\"yes\"}")
                .assertError(400, 3, "invalid values for key(s) in json body");
        api.post(flags, "{\"key\":\"k\",\"name\":\"x\",\"metadata\":[1]}")
                .assertError(400, 3, "invalid values for key(s) in json body");
        api.post("/api/v1/namespaces/nope-" + ns + "/flags", "{\"key\":\"k\",\"name\":\"x\"}")
                .assertError(404, 5, "namespace \"nope-" + ns + "\" not found");
        api.post(flags, "{\"key\":\"k\",\"name\":\"x\"}").ok();
        api.post(flags, "{\"key\":\"k\",\"name\":\"y\"}").assertError(400, 3, "flag \"" + ns + "/k\" is not unique");
        api.get(flags + "/missing").assertError(404, 5, "flag \"" + ns + "/missing\" not found");
        api.put(flags + "/missing", "{\"name\":\"x\"}").assertError(404, 5, "flag \"" + ns + "/missing\" not found");
        api.put(flags + "/k", "{}").assertError(400, 3, "invalid field name: must not be empty");
        assertEquals("{}", api.delete(flags + "/missing").body(), "deleting a missing flag succeeds");
    }

    @Test
    void booleanFlagsAndTypeByNumber() {
        String ns = namespace();
        JsonObject bool = api.post("/api/v1/namespaces/" + ns + "/flags",
                "{\"key\":\"b\",\"name\":\"B\",\"type\":\"BOOLEAN_FLAG_TYPE\",\"enabled\":true}").ok();
        assertEquals("BOOLEAN_FLAG_TYPE", bool.getString("type"));
        JsonObject byNumber = api.post("/api/v1/namespaces/" + ns + "/flags",
                "{\"key\":\"b2\",\"name\":\"B\",\"type\":1}").ok();
        assertEquals("BOOLEAN_FLAG_TYPE", byNumber.getString("type"));
        JsonObject updated = api.put("/api/v1/namespaces/" + ns + "/flags/b",
                "{\"name\":\"B\",\"type\":\"VARIANT_FLAG_TYPE\"}").ok();
        assertEquals("BOOLEAN_FLAG_TYPE", updated.getString("type"), "type cannot change");
        assertFalse(updated.getBoolean("enabled"), "enabled is replaced: omitted means false");
    }

    @Test
    void metadataPresenceFollowsFlipt() {
        String ns = namespace();
        String flags = "/api/v1/namespaces/" + ns + "/flags";
        JsonObject withMeta = api.post(flags, "{\"key\":\"m\",\"name\":\"M\",\"metadata\":{\"team\":\"x\",\"n\":1}}").ok();
        assertEquals("{\"team\":\"x\",\"n\":1}", withMeta.getJsonObject("metadata").toString());
        JsonObject emptyMeta = api.post(flags, "{\"key\":\"e\",\"name\":\"E\",\"metadata\":{}}").ok();
        assertEquals(0, emptyMeta.getJsonObject("metadata").size(), "create echoes {} when sent {}");
        JsonObject noMeta = api.post(flags, "{\"key\":\"n\",\"name\":\"N\"}").ok();
        assertFalse(noMeta.containsKey("metadata"));

        assertEquals(withMeta.getJsonObject("metadata"), api.get(flags + "/m").ok().getJsonObject("metadata"));
        assertFalse(api.get(flags + "/e").ok().containsKey("metadata"), "empty metadata is not stored");
        for (JsonObject listed : api.get(flags).ok().getJsonArray("flags").getValuesAs(JsonObject.class)) {
            assertTrue(listed.containsKey("metadata"), "list always shows metadata");
        }

        JsonObject kept = api.put(flags + "/m", "{\"name\":\"M\"}").ok();
        assertEquals(withMeta.getJsonObject("metadata"), kept.getJsonObject("metadata"), "absent metadata is kept");
        JsonObject cleared = api.put(flags + "/m", "{\"name\":\"M\",\"metadata\":{}}").ok();
        assertFalse(cleared.containsKey("metadata"), "{} clears it");
    }

    @Test
    void flagPagesWalkInCreationOrderWithFliptTokens() {
        String ns = namespace();
        String flags = "/api/v1/namespaces/" + ns + "/flags";
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            created.add(api.post(flags, "{\"key\":\"flag_" + i + "\",\"name\":\"F" + i + "\"}").ok().getString("key"));
        }
        JsonObject first = api.get(flags + "?limit=2").ok();
        assertEquals(List.of("flag_1", "flag_2"), keys(first.getJsonArray("flags")));
        assertEquals(5, first.getInt("totalCount"));
        // {"key":"flag_3","offset":2}
        assertEquals("eyJrZXkiOiJmbGFnXzMiLCJvZmZzZXQiOjJ9", first.getString("nextPageToken"));
        JsonObject second = api.get(flags + "?limit=2&pageToken=" + first.getString("nextPageToken")).ok();
        assertEquals(List.of("flag_3", "flag_4"), keys(second.getJsonArray("flags")));
        JsonObject third = api.get(flags + "?limit=2&pageToken=" + second.getString("nextPageToken")).ok();
        assertEquals(List.of("flag_5"), keys(third.getJsonArray("flags")));
        assertEquals("", third.getString("nextPageToken"));
        assertEquals(created, keys(api.get(flags).ok().getJsonArray("flags")), "no limit returns everything");
        assertEquals(List.of("flag_4", "flag_5"), keys(api.get(flags + "?limit=5&offset=3").ok().getJsonArray("flags")));

        api.get(flags + "?limit=10&pageToken=Hello%20World").assertError(400, 3, "pageToken is not valid: \"Hello World\"");
        api.get(flags + "?offset=2").assertError(400, 3, "limit must be set when offset or pageToken is set");
        api.get(flags + "?limit=1&limit=2").assertError(400, 3, "too many values for field \"limit\": 1, 2");
        api.get(flags + "?limit=abc")
                .assertError(400, 3, "parsing field \"limit\": strconv.ParseInt: parsing \"abc\": invalid syntax");
    }

    // ---- variants ---------------------------------------------------------------------------------------

    @Test
    void variantLifecycleAndDefaultVariant() {
        String ns = namespace();
        String flag = "/api/v1/namespaces/" + ns + "/flags/color";
        api.post("/api/v1/namespaces/" + ns + "/flags", "{\"key\":\"color\",\"name\":\"Color\"}").ok();
        JsonObject red = api.post(flag + "/variants",
                "{\"key\":\"red\",\"name\":\"Red\",\"attachment\":\"{ \\\"hex\\\" : \\\"#f00\\\" }\"}").ok();
        assertEquals("{\"hex\":\"#f00\"}", red.getString("attachment"), "attachment stored compacted");
        assertEquals("color", red.getString("flagKey"));
        assertEquals(ns, red.getString("namespaceKey"));
        assertEquals(36, red.getString("id").length());
        JsonObject blue = api.post(flag + "/variants", "{\"key\":\"blue\"}").ok();
        assertEquals("", blue.getString("attachment"));

        JsonObject withDefault = api.put(flag,
                "{\"name\":\"Color\",\"enabled\":true,\"defaultVariantId\":\"" + blue.getString("id") + "\"}").ok();
        assertEquals(blue, withDefault.getJsonObject("defaultVariant"));
        assertEquals(List.of("red", "blue"), keys(withDefault.getJsonArray("variants")), "creation order");
        assertEquals(withDefault, api.get(flag).ok());

        // the PUT quirk: no defaultVariantId clears the default
        JsonObject cleared = api.put(flag, "{\"name\":\"Color\",\"enabled\":true}").ok();
        assertFalse(cleared.containsKey("defaultVariant"));

        api.put(flag, "{\"name\":\"Color\",\"defaultVariantId\":\"nope\"}")
                .assertError(400, 3, "variant \"nope\" not found for flag \"" + ns + "/color\"");

        JsonObject renamed = api.put(flag + "/variants/" + red.getString("id"),
                "{\"key\":\"crimson\",\"name\":\"Crimson\"}").ok();
        assertEquals(red.getString("id"), renamed.getString("id"), "renaming keeps the id");
        assertEquals("crimson", renamed.getString("key"));
        assertEquals("", renamed.getString("attachment"), "attachment replaced: omitted clears it");
        assertEquals(red.getString("createdAt"), renamed.getString("createdAt"));

        api.put(flag, "{\"name\":\"Color\",\"defaultVariantId\":\"" + blue.getString("id") + "\"}").ok();
        assertEquals("{}", api.delete(flag + "/variants/" + blue.getString("id")).body());
        JsonObject afterDelete = api.get(flag).ok();
        assertFalse(afterDelete.containsKey("defaultVariant"), "deleting the default variant clears the default");
        assertEquals(List.of("crimson"), keys(afterDelete.getJsonArray("variants")));
        assertEquals("{}", api.delete(flag + "/variants/" + blue.getString("id")).body(), "idempotent");
    }

    @Test
    void variantValidationAndErrors() {
        String ns = namespace();
        String flag = "/api/v1/namespaces/" + ns + "/flags/f";
        api.post("/api/v1/namespaces/" + ns + "/flags", "{\"key\":\"f\",\"name\":\"F\"}").ok();
        api.post(flag + "/variants", "{\"name\":\"x\"}").assertError(400, 3, "invalid field key: must not be empty");
        api.post(flag + "/variants", "{\"key\":\"v\",\"attachment\":\"{nope\"}")
                .assertError(400, 3, "invalid field attachment: must be a json string");
        api.post("/api/v1/namespaces/" + ns + "/flags/missing/variants", "{\"key\":\"v\"}")
                .assertError(404, 5, "flag \"" + ns + "/missing\" not found");
        JsonObject v = api.post(flag + "/variants", "{\"key\":\"v.with.dots any\"}").ok();
        assertEquals("v.with.dots any", v.getString("key"), "variant keys are not pattern-checked");
        api.post(flag + "/variants", "{\"key\":\"v.with.dots any\"}")
                .assertError(400, 3, "variant \"v.with.dots any\" is not unique for flag \"" + ns + "/f\"");
        JsonObject other = api.post(flag + "/variants", "{\"key\":\"other\"}").ok();
        api.put(flag + "/variants/" + other.getString("id"), "{\"key\":\"v.with.dots any\"}")
                .assertError(400, 3, "variant \"v.with.dots any\" is not unique for flag \"" + ns + "/f\"");
        api.put(flag + "/variants/no-such-id", "{\"key\":\"ghost\"}").assertError(404, 5, "variant \"ghost\" not found");
        // legacy variant routes resolve to default
        api.post("/api/v1/flags/f/variants", "{\"key\":\"x\"}").assertError(404, 5, "flag \"default/f\" not found");
    }

    @Test
    void deletingAFlagRemovesItsVariants() {
        String ns = namespace();
        String flags = "/api/v1/namespaces/" + ns + "/flags";
        api.post(flags, "{\"key\":\"gone\",\"name\":\"G\"}").ok();
        JsonObject variant = api.post(flags + "/gone/variants", "{\"key\":\"v\"}").ok();
        assertEquals("{}", api.delete(flags + "/gone").body());
        api.get(flags + "/gone").assertError(404, 5, "flag \"" + ns + "/gone\" not found");
        JsonObject again = api.post(flags, "{\"key\":\"gone\",\"name\":\"G\"}").ok();
        assertEquals(0, again.getJsonArray("variants").size());
        api.put(flags + "/gone/variants/" + variant.getString("id"), "{\"key\":\"v\"}")
                .assertError(404, 5, "variant \"v\" not found");
    }

    // ---- HTTP conventions -------------------------------------------------------------------------------

    @Test
    void bodiesAreJsonWhateverTheContentType() {
        String ns = namespace();
        String flags = "/api/v1/namespaces/" + ns + "/flags";
        assertEquals("plain", api.send("POST", flags, "{\"key\":\"plain\",\"name\":\"P\"}", "text/plain").ok()
                .getString("key"));
        assertEquals("none", api.send("POST", flags, "{\"key\":\"none\",\"name\":\"N\"}", null).ok().getString("key"));
        assertEquals("snake", api.post(flags, "{\"key\":\"snake\",\"name\":\"S\",\"unknown_field\":[1,2]}").ok()
                .getString("key"), "unknown fields are ignored");
        Api.Reply malformed = api.post(flags, "{\"key\":");
        assertEquals(400, malformed.status());
        assertEquals(3, malformed.json().getInt("code"));
        api.send("POST", flags, "", "application/json").assertError(400, 3, "invalid field key: must not be empty");
    }

    @Test
    void responsesAreJsonWithFliptRoutingRules() {
        Api.Reply listed = api.get("/api/v1/namespaces/");
        assertEquals(200, listed.status(), "one trailing slash is ignored");
        assertEquals("application/json", listed.contentType().replaceAll(";.*", ""));
        Api.Reply plain = api.send("GET", "/api/v1/namespaces/default", null, null, "Accept", "text/plain");
        assertEquals(200, plain.status(), "Accept does not change the answer");
        api.get("/api/v1/nothing-here").assertError(404, 5, "Not Found");
        api.send("PATCH", "/api/v1/namespaces/default", "{}", "application/json")
                .assertError(501, 12, "Method Not Allowed");
        api.delete("/api/v1/namespaces").assertError(501, 12, "Method Not Allowed");
    }

    @Test
    void timestampsAreRfc3339UtcWithMicrosecondsAtMost() {
        JsonObject ns = api.get("/api/v1/namespaces/" + namespace()).ok();
        String created = ns.getString("createdAt");
        assertTrue(created.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3}|\\.\\d{6})?Z"), created);
        assertNotEquals("", created);
    }
    // ---- authentication off (the default): credentials are not looked at, as in Flipt ------------------

    @Test
    void withAuthenticationOffCredentialsAreIgnoredAndSelfIs401() {
        String jwtShaped = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        for (String authorization : List.of("Bearer nonsense", "Bearer " + jwtShaped, "Basic YTpi")) {
            assertEquals(200, api.send("GET", "/api/v1/namespaces", null, null, "Authorization", authorization)
                    .status(), authorization);
        }
        assertEquals(200, api.get("/auth/v1/method").status());
        api.get("/auth/v1/self").assertError(401, 16, "request was not authenticated");
        JsonObject created = api.post("/auth/v1/method/token", "{\"name\":\"prepared\"}").ok();
        assertEquals(44, created.getString("clientToken").length());
        assertEquals("admin", created.getJsonObject("authentication").getJsonObject("metadata")
                .getString("io.flagstaff.auth.token.role"));
    }
}
