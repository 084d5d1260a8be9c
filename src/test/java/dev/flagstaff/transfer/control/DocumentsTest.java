package dev.flagstaff.transfer.control;

import dev.flagstaff.http.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The document reader and writer without a server: Flipt's shapes in, yaml.v2's style out, lines in errors. */
class DocumentsTest {

    /** A document of the shape of Flipt's internal/ext/testdata/export.yml (written here, not copied). */
    static final String FULL = """
            version: "1.4"
            namespace:
              key: staging
              name: Staging
              description: the staging namespace
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
              match_type: ALL_MATCH_TYPE
            """;

    @Test
    void readsEveryPartOfADocument() {
        List<FliptDocument> documents = DocumentReader.read(FULL);
        assertEquals(1, documents.size());
        FliptDocument doc = documents.get(0);
        assertEquals("1.4", doc.version());
        assertEquals(new FliptDocument.Namespace(3, "staging", "Staging", "the staging namespace"), doc.namespace());
        FliptDocument.Flag checkout = doc.flags().get(0);
        assertEquals(7, checkout.line());
        assertEquals("{\"owner\":\"payments\",\"tier\":2}", checkout.metadata().toString());
        assertEquals("{\"color\":\"blue\",\"limits\":{\"items\":10},\"nothing\":null,\"ratio\":0.25,\"tags\":[\"a\",\"b\"]}",
                checkout.variants().get(0).attachment().toString());
        assertTrue(checkout.variants().get(1).isDefault());
        assertEquals("beta", checkout.rules().get(0).segmentKey());
        assertEquals(33.3f, checkout.rules().get(0).distributions().get(0).rollout());
        assertEquals(List.of("beta", "staff"), checkout.rules().get(1).segmentKeys());
        assertEquals("AND_SEGMENT_OPERATOR", checkout.rules().get(1).operator());
        FliptDocument.Flag banner = doc.flags().get(1);
        assertEquals("staff", banner.rollouts().get(0).segment().key());
        assertTrue(banner.rollouts().get(0).segment().value());
        assertEquals(50f, banner.rollouts().get(2).threshold().percentage());
        assertEquals("yes", doc.segments().get(0).constraints().get(0).value());
        assertEquals("ANY_MATCH_TYPE", doc.segments().get(0).matchType());
    }

    @Test
    void writesTheStyleOfFliptsYamlEncoderAndReadsItBack() {
        JsonObject document = json("""
                {"version":"1.4","namespace":{"key":"default","name":"Default"},
                 "flags":[{"key":"f","name":"F","type":"VARIANT_FLAG_TYPE","enabled":true,
                   "metadata":{"n":1.5,"on":"yes"},
                   "variants":[{"default":true,"key":"true","attachment":{"list":[1,"2"],"empty":{},"none":null,"text":"a: b"}}],
                   "rules":[{"segment":"s","distributions":[{"variant":"true","rollout":100}]},
                            {"segment":{"keys":["s","t"],"operator":"OR_SEGMENT_OPERATOR"}}]}],
                 "segments":[{"key":"s","name":"S","description":"line one\\nline two","constraints":[{"type":"STRING_COMPARISON_TYPE","property":"p","operator":"eq","value":"1.0"}],"match_type":"ALL_MATCH_TYPE"}]}
                """);
        String yaml = DocumentWriter.yaml(List.of(document));
        assertEquals("""
                version: "1.4"
                namespace:
                  key: default
                  name: Default
                flags:
                - key: f
                  name: F
                  type: VARIANT_FLAG_TYPE
                  enabled: true
                  metadata:
                    "n": 1.5
                    "on": "yes"
                  variants:
                  - default: true
                    key: "true"
                    attachment:
                      list:
                      - 1
                      - "2"
                      empty: {}
                      none: null
                      text: 'a: b'
                  rules:
                  - segment: s
                    distributions:
                    - variant: "true"
                      rollout: 100
                  - segment:
                      keys:
                      - s
                      - t
                      operator: OR_SEGMENT_OPERATOR
                segments:
                - key: s
                  name: S
                  description: |-
                    line one
                    line two
                  constraints:
                  - type: STRING_COMPARISON_TYPE
                    property: p
                    operator: eq
                    value: "1.0"
                  match_type: ALL_MATCH_TYPE
                """, yaml);
        FliptDocument back = DocumentReader.read(yaml).get(0);
        assertEquals("true", back.flags().get(0).variants().get(0).key());
        assertEquals("{\"empty\":{},\"list\":[1,\"2\"],\"none\":null,\"text\":\"a: b\"}",
                back.flags().get(0).variants().get(0).attachment().toString());
        assertEquals("line one\nline two", back.segments().get(0).description());
        assertEquals("1.0", back.segments().get(0).constraints().get(0).value());

        assertEquals(document.toString() + "\n", DocumentWriter.json(document));
        FliptDocument fromJson = DocumentReader.read(DocumentWriter.json(document)).get(0);
        assertEquals(back.flags().get(0).variants().get(0).attachment(), fromJson.flags().get(0).variants().get(0).attachment());
        assertEquals(back.flags().get(0).metadata(), fromJson.flags().get(0).metadata());
    }

    @Test
    void readsStreamsOfDocumentsInEveryForm() {
        String yaml = "version: \"1.2\"\nnamespace: a\n---\nnamespace:\n  key: b\n  name: B\nflags:\n- key: x\n  name: X\n";
        List<FliptDocument> docs = DocumentReader.read(yaml);
        assertEquals(2, docs.size());
        assertEquals("a", docs.get(0).namespace().key());
        assertEquals("B", docs.get(1).namespace().name());
        assertEquals(8, docs.get(1).flags().get(0).line());

        String stream = "# exported\n{\"version\":\"1.4\",\"namespace\":{\"key\":\"a\"}}\n{\"namespace\":{\"key\":\"b\"},\n\t\"flags\":[{\"key\":\"x\",\"name\":\"{not a brace}\"}]}\n";
        docs = DocumentReader.read(stream);
        assertEquals(2, docs.size());
        assertEquals("{not a brace}", docs.get(1).flags().get(0).name());
        assertEquals(4, docs.get(1).flags().get(0).line());

        docs = DocumentReader.read("[{\"namespace\":\"a\"},{\"namespace\":\"b\"}]");
        assertEquals(List.of("a", "b"), docs.stream().map(d -> d.namespace().key()).toList());
        assertEquals(List.of(), DocumentReader.read("  \n# nothing\n"));
    }

    @Test
    void errorsNameTheLine() {
        assertEquals("unmarshalling document: line 3, column 9: mapping values are not allowed here",
                message("namespace: a\nflags:\n- key: x: y\n"));
        assertEquals("line 4: flags[0].enabled must be true or false",
                message("flags:\n- key: x\n  name: X\n  enabled: maybe\n"));
        assertEquals("line 3: flags[0].variants must be a list", message("flags:\n- key: x\n  variants: nope\n"));
        assertEquals("line 5: flags[0].rules[0].distributions[0].rollout must be a number",
                message("flags:\n- key: x\n  rules:\n  - segment: s\n    distributions: [{variant: a, rollout: lots}]\n"));
        assertEquals("line 2: flags[0].rules[0].rank must be a whole number from 1",
                message("flags:\n- {key: x, rules: [{segment: s, rank: -1}]}\n"));
        assertEquals("line 1: unsupported version: 2.0", assertThrows(ApiException.class,
                () -> Importer.version("2.0", 1)).getMessage());
    }

    @Test
    void versionsAsFliptParsesThem() {
        assertEquals(4, Importer.version("", 1));
        assertEquals(0, Importer.version("1.0", 1));
        assertEquals(0, Importer.version("1", 1));
        assertEquals(2, Importer.version("v1.2", 1));
        assertEquals(3, Importer.version("1.3.0", 1));
        assertThrows(ApiException.class, () -> Importer.version("1.5", 1));
        assertThrows(ApiException.class, () -> Importer.version("latest", 1));
    }

    private static String message(String text) {
        return assertThrows(ApiException.class, () -> DocumentReader.read(text)).getMessage();
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
