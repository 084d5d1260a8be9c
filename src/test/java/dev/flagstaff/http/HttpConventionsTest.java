package dev.flagstaff.http;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpConventionsTest {

    @Test
    void goQuoteEscapesLikePercentQ() {
        assertEquals("\"default/foo\"", GoQuote.quote("default/foo"));
        assertEquals("\"Hello World\"", GoQuote.quote("Hello World"));
        assertEquals("\"a\\\"b\\\\c\\n\\t\\x01\"", GoQuote.quote("a\"b\\c\n\t\u0001"));
        assertEquals("\"h\u00e9\"", GoQuote.quote("h\u00e9"));
    }

    @Test
    void timestampsUseShortestExactFraction() {
        assertEquals("2024-05-02T09:15:27Z", Timestamps.format(Instant.parse("2024-05-02T09:15:27Z")));
        assertEquals("2024-05-02T09:15:27.400Z", Timestamps.format(Instant.parse("2024-05-02T09:15:27.4Z")));
        assertEquals("2024-05-02T09:15:27.402811Z", Timestamps.format(Instant.parse("2024-05-02T09:15:27.402811Z")));
        assertEquals("2024-05-02T09:15:27.402811337Z",
                Timestamps.format(Instant.parse("2024-05-02T09:15:27.402811337Z")));
        long micros = Timestamps.toMicros(Instant.parse("2024-05-02T09:15:27.402811337Z"));
        assertEquals("2024-05-02T09:15:27.402811Z", Timestamps.formatMicros(micros));
    }

    @Test
    void timestampsKeepLeadingZerosOfTheFractionAndFollowTheSecond() {
        // the seconds part is cached per second: the same second with other fractions, then the next second
        assertEquals("2024-05-02T09:15:27.000000001Z", Timestamps.format(Instant.parse("2024-05-02T09:15:27.000000001Z")));
        assertEquals("2024-05-02T09:15:27.012Z", Timestamps.format(Instant.parse("2024-05-02T09:15:27.012Z")));
        assertEquals("2024-05-02T09:15:27.000500Z", Timestamps.format(Instant.parse("2024-05-02T09:15:27.0005Z")));
        assertEquals("2024-05-02T09:15:28.999999999Z", Timestamps.format(Instant.parse("2024-05-02T09:15:28.999999999Z")));
        assertEquals("2024-05-02T09:15:27Z", Timestamps.format(Instant.parse("2024-05-02T09:15:27Z")));
        assertEquals("1969-12-31T23:59:59.900Z", Timestamps.format(Instant.parse("1969-12-31T23:59:59.9Z")));
    }

    @Test
    void routingTrimsLeadingAndTrailingSlashes() {
        assertEquals("api/v1/export", RoutingFilter.trimSlashes("//api/v1/export//"));
        assertEquals("openapi", RoutingFilter.trimSlashes("openapi"));
        assertEquals("", RoutingFilter.trimSlashes("///"));
        assertEquals("", RoutingFilter.trimSlashes(""));
    }

    @Test
    void float32IsShortestRoundTripWithoutTrailingZero() {
        assertEquals("{\"a\":33.33,\"b\":50,\"c\":0.7,\"d\":0,\"e\":0.0001,\"f\":100}",
                Messages.text(new Floats(33.33f, 50f, 0.7f, 0f, 0.0001f, 100f)));
    }

    @Test
    void defaultsArePresentAndUnsetMessagesOmitted() {
        assertEquals("{\"s\":\"\",\"b\":false,\"n\":0,\"l\":[]}",
                Messages.text(new Defaults(null, false, 0, List.of(), null, null)));
    }

    @Test
    void errorBodyHasCodeMessageAndEmptyDetails() {
        assertEquals("{\"code\":5,\"message\":\"flag \\\"default/foo\\\" not found\",\"details\":[]}",
                Messages.text(new ErrorMapper.ErrorBody(5, "flag \"default/foo\" not found")));
    }

    @Test
    void pageTokensMatchFliptsEncoding() {
        assertEquals("eyJrZXkiOiJmbGFnXzI2Iiwib2Zmc2V0IjoyNX0=", Page.encode("flag_26", 25));
        assertEquals("eyJvZmZzZXQiOjI1fQ==", Page.encode("", 25));
        assertEquals("eyJrZXkiOiJkYXJrX21vZGUiLCJvZmZzZXQiOjF9", Page.encode("dark_mode", 1));
        assertEquals(25, Page.decodeOffset("eyJrZXkiOiJmbGFnXzI2Iiwib2Zmc2V0IjoyNX0="));
        ApiException bad = assertThrows(ApiException.class, () -> Page.decodeOffset("Hello World"));
        assertEquals("pageToken is not valid: \"Hello World\"", bad.getMessage());
        assertEquals(Code.INVALID_ARGUMENT, bad.code());
        String notJson = java.util.Base64.getEncoder().encodeToString("nope".getBytes(StandardCharsets.UTF_8));
        assertThrows(ApiException.class, () -> Page.decodeOffset(notJson));
    }

    @Test
    void pageSlicesAndProducesNextToken() {
        Page page = Page.from(query("limit", "2"), true);
        assertEquals(3, page.fetchSize());
        Page.Slice<String> slice = page.slice(List.of("a", "b", "c"), s -> s, 7);
        assertEquals(List.of("a", "b"), slice.items());
        assertEquals(Page.encode("c", 2), slice.nextPageToken());
        assertEquals(7, slice.totalCount());
        Page.Slice<String> last = page.slice(List.of("a"), s -> s, 1);
        assertEquals("", last.nextPageToken());
    }

    @Test
    void pageRequiresLimitWithTokenOrOffsetWhereFliptDoes() {
        ApiException e = assertThrows(ApiException.class, () -> Page.from(query("offset", "3"), true));
        assertEquals("limit must be set when offset or pageToken is set", e.getMessage());
        assertEquals(3, Page.from(query("offset", "3"), false).offset());
        String token = Page.encode("x", 4);
        assertEquals(4, Page.from(query("pageToken", token, "offset", "9"), false).offset());
        ApiException syntax = assertThrows(ApiException.class, () -> Page.from(query("limit", "abc"), true));
        assertEquals("parsing field \"limit\": strconv.ParseInt: parsing \"abc\": invalid syntax", syntax.getMessage());
    }

    @Test
    void queryRefusesRepeatedScalarsAndReadsSnakeCase() {
        MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
        params.add("limit", "1");
        params.add("limit", "2");
        ApiException e = assertThrows(ApiException.class, () -> new Query(params).int32("limit"));
        assertEquals("too many values for field \"limit\": 1, 2", e.getMessage());
        assertEquals("abc", query("page_token", "abc").string("pageToken"));
        assertTrue(query("force", "T").bool("force"));
        ApiException bool = assertThrows(ApiException.class, () -> query("force", "yes").bool("force"));
        assertEquals("parsing field \"force\": strconv.ParseBool: parsing \"yes\": invalid syntax", bool.getMessage());
    }

    @Test
    void bodyReadsCamelOrSnakeCaseAndDefaults() {
        Scalars body = read(Scalars.class,
                "{\"flag_key\":\"snake\",\"flagKey\":\"camel\",\"enabled\":null,\"rank\":\"5\",\"rollout\":\"NaN\"}");
        assertEquals("camel", body.flagKey());
        assertEquals("", body.missing());
        assertEquals(false, body.enabled());
        assertEquals(5, body.rank());
        assertTrue(Float.isNaN(body.rollout()));
        assertEquals("snake", read(Namespaced.class, "{\"namespace_key\":\"snake\"}").namespaceKey());
        assertSame(JsonValue.EMPTY_JSON_OBJECT, MessageBodies.parse(new byte[0]));
    }

    @Test
    void bodyTypeMismatchesAndBadEnumsAreFliptsMessages() {
        String body = "{\"key\":1,\"enabled\":\"true\",\"type\":\"FOO\",\"metadata\":[1],\"context\":{\"a\":1}}";
        for (Class<? extends Record> type : List.of(Key.class, Enabled.class, Metadata.class, Context.class)) {
            ApiException e = assertThrows(ApiException.class, () -> read(type, body));
            assertEquals("invalid values for key(s) in json body", e.getMessage());
        }
        ApiException e = assertThrows(ApiException.class, () -> read(Typed.class, body));
        assertEquals("unknown value \"\\\"FOO\\\"\" for enum flipt.FlagType", e.getMessage());
        assertEquals(Sample.B, read(Typed.class, "{\"type\":1}").type());
    }

    @Test
    void malformedAndNonObjectBodiesAre400() {
        ApiException syntax = assertThrows(ApiException.class,
                () -> MessageBodies.parse("{\"key\":".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Code.INVALID_ARGUMENT, syntax.code());
        ApiException array = assertThrows(ApiException.class,
                () -> MessageBodies.parse("[1]".getBytes(StandardCharsets.UTF_8)));
        assertEquals("invalid values for key(s) in json body", array.getMessage());
    }

    @Test
    void attachmentsAreValidatedAndCompactedVerbatim() {
        assertEquals("{\"hex\":\"#f 00\",\"n\":1.0,\"u\":\"\\u00e9\"}",
                JsonText.attachment("{ \"hex\" : \"#f 00\",\n \"n\": 1.0, \"u\": \"\\u00e9\" }"));
        assertEquals("\"text\"", JsonText.attachment("\"text\""));
        assertEquals("", JsonText.attachment(""));
        ApiException e = assertThrows(ApiException.class, () -> JsonText.attachment("{nope"));
        assertEquals("invalid field attachment: must be a json string", e.getMessage());
        String big = "\"" + "x".repeat(JsonText.MAX_ATTACHMENT_BYTES) + "\"";
        ApiException tooBig = assertThrows(ApiException.class, () -> JsonText.attachment(big));
        assertEquals("invalid field attachment: must be less than 1000 KB", tooBig.getMessage());
    }

    @Test
    void keysFollowFliptsPattern() {
        Validate.newKey("a-b_c,1");
        assertEquals("invalid field key: contains invalid characters",
                assertThrows(ApiException.class, () -> Validate.newKey("a.b")).getMessage());
        assertEquals("invalid field key: must not be empty",
                assertThrows(ApiException.class, () -> Validate.newKey("")).getMessage());
    }

    @Test
    void namespaceComesFromPathThenRequestThenDefault() {
        assertEquals("prod", NamespaceKey.resolve("prod", query("namespaceKey", "other")));
        assertEquals("other", NamespaceKey.resolve(null, query("namespaceKey", "other")));
        assertEquals("default", NamespaceKey.resolve(null, query()));
    }

    enum Sample {
        A, B;

        public static final String PROTO_NAME = "flipt.FlagType";
    }

    record Floats(float a, float b, float c, float d, float e, float f) { }

    record Nested(String x) { }

    record Defaults(@Schema(required = true) String s, boolean b, int n, List<Nested> l, Nested o, JsonObject m) { }

    record Scalars(String flagKey, String missing, boolean enabled, int rank, float rollout) { }

    record Namespaced(String namespaceKey) { }

    record Key(String key) { }

    record Enabled(boolean enabled) { }

    record Metadata(JsonObject metadata) { }

    record Context(Map<String, String> context) { }

    record Typed(Sample type) { }

    private static <R extends Record> R read(Class<R> type, String json) {
        return Messages.read(type, MessageBodies.parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static Query query(String... pairs) {
        MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.add(pairs[i], pairs[i + 1]);
        }
        return new Query(params);
    }
}
