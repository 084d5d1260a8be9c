package dev.flagstaff.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URL;
import java.util.List;
import java.util.UUID;

import static dev.flagstaff.it.Api.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Flipt's import/export documents and copies between namespaces over HTTP (issue 12, points 3 and 4): the round
 * trip export → import → export, all-or-nothing imports with errors that name the line, {@code skipExisting},
 * the version gates of Flipt's importer, Flipt's documented example evaluating the same as the same flags made by
 * API calls, and copies of flags (with their segments) and segments. Each test works in namespaces of its own.
 */
@FlagstaffIT
class TransferIT {

    /**
     * A document with every part Flipt's format has (the shapes of Flipt's internal/ext/testdata: a multi-segment
     * rule, attachments, metadata, a default variant, a boolean flag with segment and threshold rollouts), written
     * exactly as Flagstaff's export writes it, after the namespace block.
     */
    static final String BODY = """
            flags:
            - key: checkout
              name: Checkout
              type: VARIANT_FLAG_TYPE
              description: which checkout
              enabled: true
              metadata:
                owner: payments
                tier: 2
              variants:
              - key: classic
                name: Classic
                attachment:
                  color: blue
                  limits:
                    items: 10
                  nothing: null
                  ratio: 0.25
                  tags:
                  - a
                  - b
              - default: true
                key: express
                description: one click
              rules:
              - segment: beta
                distributions:
                - variant: classic
                  rollout: 33.3
                - variant: express
                  rollout: 66.7
              - segment:
                  keys:
                  - beta
                  - staff
                  operator: AND_SEGMENT_OPERATOR
                distributions:
                - variant: express
                  rollout: 100
            - key: banner
              name: Banner
              type: BOOLEAN_FLAG_TYPE
              enabled: false
              rollouts:
              - description: staff see it
                segment:
                  key: staff
                  value: true
              - segment:
                  keys:
                  - beta
                  - staff
                  operator: AND_SEGMENT_OPERATOR
              - threshold:
                  percentage: 50
                  value: true
            segments:
            - key: beta
              name: Beta
              constraints:
              - type: STRING_COMPARISON_TYPE
                property: plan
                operator: eq
                value: "yes"
                description: beta plan
              - type: NUMBER_COMPARISON_TYPE
                property: age
                operator: gte
                value: "18"
              match_type: ANY_MATCH_TYPE
            - key: staff
              name: Staff
              description: employees
              constraints:
              - type: ENTITY_ID_COMPARISON_TYPE
                property: entityId
                operator: isoneof
                value: '["ana","bo"]'
              match_type: ALL_MATCH_TYPE
            """;

    /** Flipt's import/export documentation's example (no version: the latest; an explicit rank), retold. */
    static final String DOCS_EXAMPLE = """
            flags:
              - key: new-contact-page
                name: New Contact Page
                description: Show users our Beta contact page
                enabled: true
                variants:
                  - key: blue
                    name: Blue Version
                    description: Blue contact page
                  - key: green
                    name: Green Version
                    description: Green contact page
                rules:
                  - segment: beta-users
                    rank: 1
                    distributions:
                      - variant: blue
                        rollout: 50
                      - variant: green
                        rollout: 50
            segments:
              - key: beta-users
                name: Beta Users
                description: Users who have opted in to our Beta program
                constraints:
                  - type: STRING_COMPARISON_TYPE
                    property: beta_user
                    operator: eq
                    value: "true"
                match_type: ALL_MATCH_TYPE
            """;

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

    private String namespace(String name) {
        String key = "tr-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/v1/namespaces", "{\"key\":\"" + key + "\",\"name\":\"" + name + "\"}").ok();
        return key;
    }

    private Api.Reply importInto(String ns, String document, String query) {
        return api.send("POST", "/api/v1/namespaces/" + ns + "/import" + query, document, "application/yaml");
    }

    private String exportYaml(String ns) {
        Api.Reply reply = api.send("GET", "/api/v1/namespaces/" + ns + "/export", null, null);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("application/yaml", reply.contentType().replaceAll(";.*", ""));
        return reply.body();
    }

    private static String header(String ns, String name) {
        return "version: \"1.4\"\nnamespace:\n  key: " + ns + "\n  name: " + name + "\n";
    }

    @Test
    void exportImportExportGivesTheSameDocument() {
        String a = namespace("Transfer A");
        JsonObject result = importInto(a, "version: \"1.4\"\nnamespace: elsewhere\n" + BODY, "").ok();
        assertEquals(a, result.getString("namespaceKey"));
        assertEquals(List.of("checkout", "banner"), strings(result.getJsonArray("flags")));
        assertEquals(List.of("beta", "staff"), strings(result.getJsonArray("segments")));

        String exported = exportYaml(a);
        assertEquals(header(a, "Transfer A") + BODY, exported);

        String b = namespace("Transfer B");
        importInto(b, exported, "").ok();
        assertEquals(header(b, "Transfer B") + BODY, exportYaml(b));

        // JSON: one compact line, the same document; importing it gives the same namespace again
        Api.Reply json = api.send("GET", "/api/v1/namespaces/" + a + "/export", null, null, "Accept", "application/json");
        assertEquals(200, json.status());
        assertEquals("application/json", json.contentType().replaceAll(";.*", ""));
        assertTrue(json.body().endsWith("}\n") && json.body().indexOf('\n') == json.body().length() - 1, json.body());
        JsonObject doc = json.json();
        assertEquals(List.of("version", "namespace", "flags", "segments"), List.copyOf(doc.keySet()));
        assertEquals(List.of("key", "name", "type", "description", "enabled", "metadata", "variants", "rules"),
                List.copyOf(doc.getJsonArray("flags").getJsonObject(0).keySet()));
        assertEquals(10, doc.getJsonArray("flags").getJsonObject(0).getJsonArray("variants").getJsonObject(0)
                .getJsonObject("attachment").getJsonObject("limits").getInt("items"));
        String c = namespace("Transfer C");
        api.send("POST", "/api/v1/namespaces/" + c + "/import", json.body(), "application/json").ok();
        assertEquals(header(c, "Transfer C") + BODY, exportYaml(c));

        // what the API shows of the import
        JsonObject checkout = api.get("/api/v1/namespaces/" + c + "/flags/checkout").ok();
        assertEquals("express", checkout.getJsonObject("defaultVariant").getString("key"));
        assertEquals("{\"color\":\"blue\",\"limits\":{\"items\":10},\"nothing\":null,\"ratio\":0.25,\"tags\":[\"a\",\"b\"]}",
                checkout.getJsonArray("variants").getJsonObject(0).getString("attachment"));
        JsonArray rules = api.get("/api/v1/namespaces/" + c + "/flags/checkout/rules").ok().getJsonArray("rules");
        assertEquals(2, rules.size());
        assertEquals(List.of("beta", "staff"), strings(rules.getJsonObject(1).getJsonArray("segmentKeys")));
        assertEquals("AND_SEGMENT_OPERATOR", rules.getJsonObject(1).getString("segmentOperator"));
        JsonArray rollouts = api.get("/api/v1/namespaces/" + c + "/flags/banner/rollouts").ok().getJsonArray("rules");
        assertEquals(3, rollouts.size());
        assertEquals(50, rollouts.getJsonObject(2).getJsonObject("threshold").getInt("percentage"));
    }

    @Test
    void aBadDocumentWritesNothingAndNamesTheLine() {
        String ns = namespace("Broken");
        String document = "version: \"1.4\"\n" + BODY.replace("- variant: express\n      rollout: 66.7\n",
                "- variant: expresso\n      rollout: 66.7\n");
        assertNotEquals("version: \"1.4\"\n" + BODY, document);
        importInto(ns, document, "").assertError(400, 3,
                "line 31: flag \"checkout\" rule 1: finding variant: expresso; flag: checkout");
        assertEmpty(ns);

        importInto(ns, "flags:\n- key: ok\n  name: OK\n- key: bad key\n  name: Bad\n", "").assertError(400, 3,
                "line 4: flag \"bad key\": invalid field key: contains invalid characters");
        importInto(ns, "flags:\n  - key: x\n   name: misaligned\n", "").assertError(400, 3,
                "unmarshalling document: line 3, column 4: while parsing a block collection: expected <block end>, "
                        + "but found '<block mapping start>'");
        importInto(ns, "version: \"2.0\"\nflags: []\n", "").assertError(400, 3, "line 1: unsupported version: 2.0");
        importInto(ns, "segments:\n- key: s\n  name: S\n  constraints:\n  - type: TEXT_COMPARISON_TYPE\n", "")
                .assertError(400, 3, "line 5: segment \"s\" constraint: invalid field type: \"TEXT_COMPARISON_TYPE\" is "
                        + "not one of [UNKNOWN_COMPARISON_TYPE, STRING_COMPARISON_TYPE, NUMBER_COMPARISON_TYPE, "
                        + "BOOLEAN_COMPARISON_TYPE, DATETIME_COMPARISON_TYPE, ENTITY_ID_COMPARISON_TYPE]");
        importInto(ns, "namespace: a\n---\nnamespace: b\n", "").assertError(400, 3,
                "line 3: one document is imported into a namespace, this is the second");
        importInto(ns, "", "").assertError(400, 3, "the document is empty");
        assertEmpty(ns);
        importInto("tr-missing", "flags: []\n", "").assertError(404, 5, "namespace \"tr-missing\" not found");
    }

    @Test
    void versionGatesAsFliptsImporter() {
        String ns = namespace("Versions");
        importInto(ns, "version: \"1.0\"\nflags:\n- key: f\n  name: F\n  type: BOOLEAN_FLAG_TYPE\n", "")
                .assertError(400, 3, "line 3: flag.type is supported in version >=1.1, found 1.0");
        importInto(ns, "version: \"1.0\"\nflags:\n- key: f\n  name: F\n  variants:\n  - key: v\n  rules:\n"
                + "  - segment: s\nsegments:\n- key: s\n  name: S\n", "")
                .assertError(400, 3, "line 8: flag \"f\" rule 1: invalid field rank: must be greater than 0");
        importInto(ns, "version: \"1.2\"\nflags:\n- key: f\n  name: F\n  variants:\n  - key: v\n    default: true\n", "")
                .assertError(400, 3, "line 6: variant.default is supported in version >=1.3, found 1.2");
        importInto(ns, "version: \"1.1\"\nflags:\n- key: f\n  name: F\n  type: BOOLEAN_FLAG_TYPE\n  rollouts:\n"
                + "  - segment:\n      keys: [s, t]\nsegments:\n- {key: s, name: S}\n- {key: t, name: T}\n", "")
                .assertError(400, 3, "line 8: flag.rollouts[*].segment.keys is supported in version >=1.2, found 1.1");
        assertEmpty(ns);
        // 1.0 with explicit ranks, 1.1 with implicit ones
        importInto(ns, "version: \"1.0\"\nflags:\n- key: f\n  name: F\n  variants:\n  - key: v\n  rules:\n"
                + "  - segment: s\n    rank: 1\nsegments:\n- key: s\n  name: S\n", "").ok();
        assertEquals(1, api.get("/api/v1/namespaces/" + ns + "/flags/f/rules").ok().getJsonArray("rules").size());
    }

    @Test
    void skipExistingLeavesExistingKeysAlone() {
        String ns = namespace("Skip");
        api.post("/api/v1/namespaces/" + ns + "/flags", "{\"key\":\"checkout\",\"name\":\"Mine\"}").ok();
        importInto(ns, "version: \"1.4\"\n" + BODY, "").assertError(400, 3,
                "line 3: flag \"checkout\": flag \"" + ns + "/checkout\" is not unique");
        assertEquals(List.of("checkout"), keys(api.get("/api/v1/namespaces/" + ns + "/flags").ok().getJsonArray("flags")));

        JsonObject result = importInto(ns, "version: \"1.4\"\n" + BODY, "?skipExisting=true").ok();
        assertEquals(List.of("banner"), strings(result.getJsonArray("flags")));
        assertEquals(List.of("checkout"), strings(result.getJsonArray("skippedFlags")));
        assertEquals(List.of("beta", "staff"), strings(result.getJsonArray("segments")));
        JsonObject mine = api.get("/api/v1/namespaces/" + ns + "/flags/checkout").ok();
        assertEquals("Mine", mine.getString("name"));
        assertEquals(0, mine.getJsonArray("variants").size());
        assertEquals(0, api.get("/api/v1/namespaces/" + ns + "/flags/checkout/rules").ok().getJsonArray("rules").size());

        JsonObject again = importInto(ns, "version: \"1.4\"\n" + BODY, "?skipExisting=true").ok();
        assertEquals(List.of(), strings(again.getJsonArray("flags")));
        assertEquals(List.of("checkout", "banner"), strings(again.getJsonArray("skippedFlags")));
        assertEquals(List.of("beta", "staff"), strings(again.getJsonArray("skippedSegments")));
        importInto(ns, "flags: []\n", "?skipExisting=maybe").assertError(400, 3,
                "parsing field \"skipExisting\": strconv.ParseBool: parsing \"maybe\": invalid syntax");
    }

    @Test
    void fliptsDocumentedExampleEvaluatesAsTheSameFlagsMadeByHand() {
        String imported = namespace("Imported");
        importInto(imported, DOCS_EXAMPLE, "").ok();

        String byHand = namespace("By hand");
        String p = "/api/v1/namespaces/" + byHand;
        api.post(p + "/flags", "{\"key\":\"new-contact-page\",\"name\":\"New Contact Page\",\"enabled\":true}").ok();
        String blue = api.post(p + "/flags/new-contact-page/variants", "{\"key\":\"blue\"}").ok().getString("id");
        String green = api.post(p + "/flags/new-contact-page/variants", "{\"key\":\"green\"}").ok().getString("id");
        api.post(p + "/segments", "{\"key\":\"beta-users\",\"name\":\"Beta Users\",\"matchType\":\"ALL_MATCH_TYPE\"}").ok();
        api.post(p + "/segments/beta-users/constraints", "{\"type\":\"STRING_COMPARISON_TYPE\",\"property\":"
                + "\"beta_user\",\"operator\":\"eq\",\"value\":\"true\"}").ok();
        String rule = api.post(p + "/flags/new-contact-page/rules", "{\"segmentKey\":\"beta-users\",\"rank\":1}").ok()
                .getString("id");
        api.post(p + "/flags/new-contact-page/rules/" + rule + "/distributions",
                "{\"variantId\":\"" + blue + "\",\"rollout\":50}").ok();
        api.post(p + "/flags/new-contact-page/rules/" + rule + "/distributions",
                "{\"variantId\":\"" + green + "\",\"rollout\":50}").ok();

        int blues = 0;
        for (int i = 0; i < 40; i++) {
            String entity = "user-" + i;
            JsonObject a = evaluate(imported, entity, "{\"beta_user\":\"true\"}");
            JsonObject b = evaluate(byHand, entity, "{\"beta_user\":\"true\"}");
            assertTrue(a.getBoolean("match"), a.toString());
            assertEquals(b.getString("variantKey"), a.getString("variantKey"), entity);
            assertEquals(List.of("beta-users"), strings(a.getJsonArray("segmentKeys")));
            blues += a.getString("variantKey").equals("blue") ? 1 : 0;
        }
        assertTrue(blues > 5 && blues < 35, "both variants are served: " + blues + " of 40 blue");
        JsonObject outside = evaluate(imported, "user-1", "{\"beta_user\":\"false\"}");
        assertFalse(outside.getBoolean("match"));
        assertEquals(evaluate(byHand, "user-1", "{\"beta_user\":\"false\"}").getString("reason"), outside.getString("reason"));
    }

    private JsonObject evaluate(String ns, String entity, String context) {
        return api.post("/evaluate/v1/variant", "{\"namespaceKey\":\"" + ns + "\",\"flagKey\":\"new-contact-page\","
                + "\"entityId\":\"" + entity + "\",\"context\":" + context + "}").ok();
    }

    @Test
    void exportOfEveryNamespace() {
        String a = namespace("All A");
        importInto(a, DOCS_EXAMPLE, "").ok();
        Api.Reply yaml = api.send("GET", "/api/v1/export", null, null);
        assertEquals(200, yaml.status());
        String[] documents = yaml.body().split("(?m)^---\n");
        assertTrue(documents[0].startsWith("version: \"1.4\"\nnamespace:\n  key: default\n"), documents[0]);
        boolean found = false;
        for (int i = 1; i < documents.length; i++) {
            assertFalse(documents[i].contains("version:"), "only the first document has the version");
            found |= documents[i].startsWith("namespace:\n  key: " + a + "\n");
        }
        assertTrue(found, yaml.body());

        Api.Reply json = api.send("GET", "/api/v1/export", null, null, "Accept", "application/json");
        assertEquals("application/json", json.contentType().replaceAll(";.*", ""));
        try (JsonReader reader = Json.createReader(new StringReader(json.body()))) {
            JsonArray all = reader.readArray();
            assertEquals(documents.length, all.size());
            assertEquals("1.4", all.getJsonObject(0).getString("version"));
            assertFalse(all.getJsonObject(1).containsKey("version"));
        }
        api.get("/api/v1/namespaces/tr-none/export").assertError(404, 5, "namespace \"tr-none\" not found");
    }

    @Test
    void copyAFlagWithItsSegmentsAndASegment() {
        String from = namespace("Copy from");
        importInto(from, "version: \"1.4\"\n" + BODY, "").ok();
        String to = namespace("Copy to");
        // the target has its own "staff": the copy uses it and leaves it as it is
        api.post("/api/v1/namespaces/" + to + "/segments", "{\"key\":\"staff\",\"name\":\"Our staff\"}").ok();

        JsonObject copy = api.post("/api/v1/namespaces/" + from + "/flags/checkout/copy",
                "{\"namespaceKey\":\"" + to + "\"}").ok();
        assertEquals(to, copy.getString("namespaceKey"));
        assertEquals("checkout", copy.getString("key"));
        assertEquals("express", copy.getJsonObject("defaultVariant").getString("key"));
        api.post("/api/v1/namespaces/" + from + "/flags/banner/copy", "{\"namespaceKey\":\"" + to + "\"}").ok();

        String exported = exportYaml(to);
        String expected = BODY.substring(0, BODY.indexOf("segments:\n"))
                + "segments:\n- key: staff\n  name: Our staff\n  match_type: ALL_MATCH_TYPE\n"
                + BODY.substring(BODY.indexOf("- key: beta\n"), BODY.indexOf("- key: staff\n"));
        assertEquals(header(to, "Copy to") + expected, exported);

        api.post("/api/v1/namespaces/" + from + "/flags/checkout/copy", "{\"namespaceKey\":\"" + to + "\"}")
                .assertError(400, 3, "flag \"" + to + "/checkout\" is not unique");
        // under another key in the same namespace: the segments are the namespace's own
        JsonObject renamed = api.post("/api/v1/namespaces/" + from + "/flags/checkout/copy",
                "{\"key\":\"checkout-2\"}").ok();
        assertEquals(from, renamed.getString("namespaceKey"));
        assertEquals(2, api.get("/api/v1/namespaces/" + from + "/flags/checkout-2/rules").ok().getJsonArray("rules").size());

        JsonObject segment = api.post("/api/v1/namespaces/" + from + "/segments/beta/copy",
                "{\"namespaceKey\":\"" + to + "\",\"key\":\"beta-2\"}").ok();
        assertEquals("beta-2", segment.getString("key"));
        assertEquals(2, segment.getJsonArray("constraints").size());
        api.post("/api/v1/namespaces/" + from + "/segments/beta/copy", "{\"namespaceKey\":\"" + to + "\"}")
                .assertError(400, 3, "segment \"" + to + "/beta\" is not unique");
        api.post("/api/v1/namespaces/" + from + "/flags/nope/copy", "{\"namespaceKey\":\"" + to + "\"}")
                .assertError(404, 5, "flag \"" + from + "/nope\" not found");
        api.post("/api/v1/namespaces/" + from + "/flags/banner/copy", "{\"namespaceKey\":\"tr-nowhere\"}")
                .assertError(404, 5, "namespace \"tr-nowhere\" not found");
        api.post("/api/v1/namespaces/" + from + "/flags/banner/copy", "{\"key\":\"bad key\"}")
                .assertError(400, 3, "invalid field key: contains invalid characters");
        assertNotEquals(exported, exportYaml(from));
    }

    private void assertEmpty(String ns) {
        assertEquals(0, api.get("/api/v1/namespaces/" + ns + "/flags").ok().getJsonArray("flags").size());
        assertEquals(0, api.get("/api/v1/namespaces/" + ns + "/segments").ok().getJsonArray("segments").size());
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }
}
