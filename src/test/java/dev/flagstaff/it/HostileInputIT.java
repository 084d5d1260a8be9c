package dev.flagstaff.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of generated malformed requests against every operation of the live {@code /openapi} document (so a
 * new route is covered without touching this test): the paths, query parameters, bodies, headers, methods and
 * content types of each operation are mutated at random, from a seed that is printed (rerun one with
 * {@code -Dflagstaff.it.hostile.seed=…}; {@code -Dflagstaff.it.hostile.requests=…} sets how many, default 3000).
 * <p>
 * Asserted for every answer: no 5xx (except Flipt's own {@code 501 {"code":12,"message":"Method Not Allowed"}} for a
 * method a path does not have); an error (4xx) has the contract's body {@code {"code","message","details":[]}}
 * ({@code /ofrep} may answer in OFREP's own error shape). Asserted at the end: the data of every namespace (a full
 * read of flags, segments, rules and rollouts) is exactly what it was before. To make that last check meaningful
 * every generated write is one the server must refuse: a POST or PUT always carries a defective body (malformed
 * JSON, not an object, nested too deeply, too large, a field of the wrong JSON type, a string over the length
 * limit) and a DELETE only ever names things that do not exist.
 * <p>
 * Not generated: what Payara Micro refuses before any application code runs (percent escapes that are not
 * hex or not UTF-8, {@code %00}, {@code %2F}, URLs or headers over its 8 KB limit, a body on a GET, HEAD or
 * DELETE); the README lists those.
 */
@FlagstaffIT
class HostileInputIT {

    private static final String NS = "hostile";
    private static final int WORKERS = 3;
    /** Request line and headers kept below Payara's 8 KB limit (what passes it is refused before Flagstaff). */
    private static final int HEAD_LIMIT = 7 * 1024;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** One operation of the document: method, path template, its path and query parameters, its body schema. */
    record Operation(String method, String path, List<String> pathParams, List<String> queryParams, JsonObject body) {
    }

    @Test
    void malformedRequestsNeverAnswer5xxAndChangeNothing() throws Exception {
        throwAt(base, new Api(base), "without authentication", random -> Map.of());
    }

    /**
     * The same with authentication required (a Payara Micro process of its own, {@code flagstaff.auth.required}
     * and a bootstrap token): most requests carry the token, the others a credential that is missing, malformed,
     * oversized, of another scheme, or a cookie of that kind; such a request must be answered
     * {@code 401 {"code":16,…}} (or OFREP's own error), never a 5xx, and change nothing.
     */
    @Test
    void malformedRequestsWithAuthenticationRequired() throws Exception {
        String token = "bootstrap-" + java.util.UUID.randomUUID();
        Map<String, String> environment = Map.of("FLAGSTAFF_AUTH_REQUIRED", "true",
                "FLAGSTAFF_AUTH_BOOTSTRAP_TOKEN", token);
        try (PayaraProcess server = PayaraProcess.start("hostile-auth", TestDatabase.ownDatabase("hostileauth"),
                environment).awaitReady()) {
            Api api = new Api(server.url()).withHeaders("Authorization", "Bearer " + token);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (api.get("/api/v1/namespaces").status() != 200) {
                assertTrue(System.nanoTime() < deadline, "the server answers with the token");
                PayaraProcess.sleep(500);
            }
            assertEquals(401, new Api(server.url()).get("/api/v1/namespaces").status(), "authentication is required");
            throwAt(server.url(), api, "with authentication required", random -> credential(random, token));
            assertFalse(server.log().contains(token), "the token never reaches the log");
        }
    }

    /** The credential of one request: the token most of the time, else something hostile. */
    private static Map<String, String> credential(Random random, String token) {
        String[] authorizations = {"", "Bearer", "Bearer ", "Bearer  " + token, "bearer " + token, "Bearer " + token + "x",
                "Basic ZmxhZ3N0YWZmOnNlY3JldA==", "Bearer " + "A".repeat(6000), "JWT eyJhbGciOiJub25lIn0.e30.",
                "Bearer eyJhbGciOiJub25lIn0.e30.", "Bearer eyJ%%%.###.@@@", "Bearer " + token + ", Bearer " + token,
                "Token " + token, "Bearer %00"};
        String[] cookies = {"flipt_client_token=", "flipt_client_token=" + "z".repeat(6000), "=;;=;flipt_client_token",
                "flipt_client_token=\"" + token, "flipt_client_token=garbage; flipt_client_token=" + token,
                "flipt_client_token=" + token};
        int kind = random.nextInt(10);
        if (kind < 6) {
            return Map.of("Authorization", "Bearer " + token);
        }
        if (kind < 8) {
            String value = authorizations[random.nextInt(authorizations.length)];
            return value.isEmpty() ? Map.of() : Map.of("Authorization", value);
        }
        return Map.of("Cookie", cookies[random.nextInt(cookies.length)]);
    }

    private void throwAt(URL base, Api api, String label,
                         java.util.function.Function<Random, Map<String, String>> credentials) throws Exception {
        Map<String, String> known = seed(api);
        JsonObject document = json(api.send("GET", "/openapi?format=JSON", null, null).body());
        List<Operation> operations = operations(document);
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        Map<String, String> before = snapshot(api);

        long seed = Long.getLong("flagstaff.it.hostile.seed", System.nanoTime());
        int total = Integer.getInteger("flagstaff.it.hostile.requests", 3000);
        System.out.println("[hostile] seed " + seed + " (-Dflagstaff.it.hostile.seed=" + seed + "), " + total
                + " requests over " + operations.size() + " operations of /openapi, on "
                + System.getProperty("flagstaff.it.db", "h2") + ", " + label);

        AtomicInteger sent = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger refusedUploads = new AtomicInteger();
        AtomicLong started = new AtomicLong(System.nanoTime());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            Random random = new Random(seed + w);
            int share = total / WORKERS + (w < total % WORKERS ? 1 : 0);
            workers.add(pool.submit(() -> {
                for (int i = 0; i < share; i++) {
                    Operation op = operations.get(random.nextInt(operations.size()));
                    Hostile request = hostile(random, op, schemas, known);
                    Map<String, String> credential = credentials.apply(random);
                    if (request.headBytes(credential) > HEAD_LIMIT) {
                        // with this credential the request line and headers would pass Payara's 8 KB limit, which
                        // its HTTP layer refuses before any application (README); this request goes without it
                        credential = Map.of();
                    }
                    request.headers.putAll(credential);
                    sent.incrementAndGet();
                    HttpResponse<String> response;
                    try {
                        response = http.send(request.build(base), HttpResponse.BodyHandlers.ofString());
                    } catch (IOException e) {
                        if (request.oversized) { // the server answered and closed while the upload went on
                            refusedUploads.incrementAndGet();
                            continue;
                        }
                        failures.add(request + " -> " + e);
                        continue;
                    }
                    statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    String problem = check(request, response);
                    if (response.statusCode() >= 500 && !methodNotAllowed(response)) {
                        serverErrors.incrementAndGet();
                    }
                    if (problem != null) {
                        failures.add(request + " -> " + response.statusCode() + " " + problem + ": "
                                + abbreviate(response.body()));
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started.get()) / 1e9;
        System.out.printf("[hostile] " + label + ": %d requests thrown in %.1f s, 5xx seen (other than Flipt's 501 Method Not "
                + "Allowed): %d, statuses %s, oversized uploads cut off by the server: %d, failures: %d%n",
                sent.get(), seconds, serverErrors.get(),
                new TreeMap<>(statuses), refusedUploads.get(), failures.size());
        failures.stream().limit(20).forEach(f -> System.out.println("[hostile] FAILED " + f));

        assertEquals(List.of(), failures.stream().limit(20).toList(), "seed " + seed);
        assertEquals(0, serverErrors.get(), "5xx answers; seed " + seed);
        assertTrue(statuses.getOrDefault(400, new AtomicInteger()).get() > total / 4, "most requests reach validation");
        assertEquals(before, snapshot(api), "the data after the run; seed " + seed);
        // and the server still works
        assertEquals(200, api.post("/evaluate/v1/variant",
                "{\"namespaceKey\":\"" + NS + "\",\"flagKey\":\"color\",\"entityId\":\"u1\"}").status());
    }

    // ---- the data ----------------------------------------------------------------------------------------

    /** A namespace with every kind of thing in it; returns the values path parameters may take. */
    private static Map<String, String> seed(Api api) {
        api.post("/api/v1/namespaces", "{\"key\":\"" + NS + "\",\"name\":\"Hostile\"}").ok();
        String ns = "/api/v1/namespaces/" + NS;
        api.post(ns + "/flags", "{\"key\":\"color\",\"name\":\"Color\",\"enabled\":true,"
                + "\"metadata\":{\"team\":\"web\"}}").ok();
        JsonObject variant = api.post(ns + "/flags/color/variants",
                "{\"key\":\"red\",\"attachment\":\"{\\\"hex\\\":\\\"#f00\\\"}\"}").ok();
        api.post(ns + "/flags", "{\"key\":\"dark\",\"name\":\"Dark\",\"type\":\"BOOLEAN_FLAG_TYPE\"}").ok();
        api.post(ns + "/segments", "{\"key\":\"beta\",\"name\":\"Beta\",\"matchType\":\"ANY_MATCH_TYPE\"}").ok();
        JsonObject constraint = api.post(ns + "/segments/beta/constraints", "{\"type\":\"STRING_COMPARISON_TYPE\","
                + "\"property\":\"plan\",\"operator\":\"isoneof\",\"value\":\"[\\\"pro\\\",\\\"team\\\"]\"}").ok();
        JsonObject rule = api.post(ns + "/flags/color/rules", "{\"segmentKey\":\"beta\",\"rank\":1}").ok();
        JsonObject distribution = api.post(ns + "/flags/color/rules/" + rule.getString("id") + "/distributions",
                "{\"variantId\":\"" + variant.getString("id") + "\",\"rollout\":100}").ok();
        JsonObject rollout = api.post(ns + "/flags/dark/rollouts",
                "{\"rank\":1,\"threshold\":{\"percentage\":50,\"value\":true}}").ok();
        Map<String, String> known = new LinkedHashMap<>();
        known.put("namespaceKey", NS);
        known.put("key", "color");
        known.put("flagKey", "color");
        known.put("segmentKey", "beta");
        known.put("ruleId", rule.getString("id"));
        known.put("id", constraint.getString("id"));
        known.put("variantId", variant.getString("id"));
        known.put("distributionId", distribution.getString("id"));
        known.put("rolloutId", rollout.getString("id"));
        return known;
    }

    /** Everything a client can read of every namespace, as text. */
    private static Map<String, String> snapshot(Api api) {
        Map<String, String> all = new TreeMap<>();
        JsonObject namespaces = api.get("/api/v1/namespaces").ok();
        all.put("namespaces", namespaces.toString());
        for (JsonValue n : namespaces.getJsonArray("namespaces")) {
            String ns = "/api/v1/namespaces/" + n.asJsonObject().getString("key");
            JsonObject flags = api.get(ns + "/flags").ok();
            all.put(ns + "/flags", flags.toString());
            all.put(ns + "/segments", api.get(ns + "/segments").ok().toString());
            for (JsonValue f : flags.getJsonArray("flags")) {
                String flag = ns + "/flags/" + f.asJsonObject().getString("key");
                all.put(flag + "/rules", api.get(flag + "/rules").ok().toString());
                all.put(flag + "/rollouts", api.get(flag + "/rollouts").ok().toString());
            }
        }
        return all;
    }

    // ---- the document ------------------------------------------------------------------------------------

    private static List<Operation> operations(JsonObject document) {
        List<Operation> out = new ArrayList<>();
        for (Map.Entry<String, JsonValue> path : document.getJsonObject("paths").entrySet()) {
            if (path.getKey().endsWith("/events") || path.getKey().endsWith("/stream")) {
                // a namespace's Server-Sent Events and Flipt v2's snapshot stream stay open by design: a valid
                // request never ends (their own tests, AuditIT and ClientStreamIT, check their errors)
                continue;
            }
            if (path.getKey().equals("/auth/v1/self/expire")) {
                // a valid write whatever its body: with the run's own token it would end that token, and every
                // later request would stop at authentication (AuthIT and OidcIT check this route)
                continue;
            }
            for (Map.Entry<String, JsonValue> method : path.getValue().asJsonObject().entrySet()) {
                JsonObject op = method.getValue().asJsonObject();
                List<String> pathParams = new ArrayList<>();
                List<String> queryParams = new ArrayList<>();
                for (JsonValue p : op.getJsonArray("parameters") == null ? JsonValue.EMPTY_JSON_ARRAY
                        : op.getJsonArray("parameters")) {
                    JsonObject param = p.asJsonObject();
                    ("path".equals(param.getString("in")) ? pathParams : queryParams).add(param.getString("name"));
                }
                JsonObject body = null;
                if (op.containsKey("requestBody")) {
                    JsonObject content = op.getJsonObject("requestBody").getJsonObject("content");
                    JsonObject media = content == null ? null : content.getJsonObject("application/json");
                    body = media == null ? JsonValue.EMPTY_JSON_OBJECT : media.getJsonObject("schema");
                }
                out.add(new Operation(method.getKey().toUpperCase(), path.getKey(), pathParams, queryParams, body));
            }
        }
        return out;
    }

    // ---- the generator -----------------------------------------------------------------------------------

    /** One generated request. */
    static final class Hostile {
        String method;
        String path;
        final List<String> query = new ArrayList<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;
        boolean oversized;
        String defect = "";

        /** About the bytes of the request line and headers once {@code extra} headers are added. */
        int headBytes(Map<String, String> extra) {
            int bytes = method.length() + path.length() + String.join("&", query).length() + 64;
            for (Map<String, String> h : List.of(headers, extra)) {
                for (Map.Entry<String, String> e : h.entrySet()) {
                    bytes += e.getKey().length() + e.getValue().getBytes(StandardCharsets.UTF_8).length + 4;
                }
            }
            return bytes;
        }

        HttpRequest build(URL base) {
            String uri = base.toString().replaceAll("/$", "") + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            return request.build();
        }

        @Override
        public String toString() {
            return method + " " + path + (query.isEmpty() ? "" : "?" + abbreviate(String.join("&", query)))
                    + " " + headers + " body(" + defect + ", " + (body == null ? 0 : body.length) + " bytes): "
                    + (body == null ? "" : abbreviate(new String(body, StandardCharsets.UTF_8)));
        }
    }

    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE2"};
    private static final String[] CONTENT_TYPES = {"application/json", "text/plain", "application/xml", ";;;",
            "application/json; charset=ebcdic", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
            "*/*", "application/json; charset=utf-16", "image/png"};
    private static final String[] ACCEPTS = {"application/xml", "text/html", "*/*", "application/json+pretty",
            "image/*;q=x", ";;", "application/grpc"};
    private static final String[] QUERY_VALUES = {"-1", "-5", "abc", "99999999999", "", "1e3", "0x10", "%20",
            "true", "NaN", "%E2%82%AC", "1&limit=2", "null"};
    private static final String[] QUERY_NAMES = {"limit", "offset", "pageToken", "page_token", "namespaceKey",
            "reference", "variantId", "expiresAt", "format", "service", "pretty"};

    private static Hostile hostile(Random random, Operation op, JsonObject schemas, Map<String, String> known) {
        Hostile h = new Hostile();
        h.method = random.nextInt(5) == 0 ? METHODS[random.nextInt(METHODS.length)] : op.method;
        boolean writes = h.method.equals("POST") || h.method.equals("PUT") || h.method.equals("PATCH");
        boolean deletes = h.method.equals("DELETE");
        // path: known values, or junk (always junk for a DELETE, so that nothing can be deleted)
        String path = op.path;
        for (String param : op.pathParams) {
            String value = !deletes && random.nextInt(3) > 0 && known.containsKey(param) ? known.get(param) : junk(random);
            path = path.replace("{" + param + "}", value);
        }
        if (deletes && op.pathParams.isEmpty()) {
            path = path + "/" + junk(random); // a DELETE on a fixed path: onto a path below it that cannot exist
        }
        if (random.nextInt(10) == 0) {
            path = path + (random.nextBoolean() ? "/" : "/" + junk(random));
        }
        h.path = path;
        // query: the operation's own parameters with bad values, duplicates, unknown ones
        int params = random.nextInt(4);
        for (int i = 0; i < params; i++) {
            String name = !op.queryParams.isEmpty() && random.nextBoolean()
                    ? op.queryParams.get(random.nextInt(op.queryParams.size()))
                    : QUERY_NAMES[random.nextInt(QUERY_NAMES.length)];
            h.query.add(name + "=" + (random.nextBoolean() ? QUERY_VALUES[random.nextInt(QUERY_VALUES.length)] : junk(random)));
        }
        // headers
        if (random.nextInt(3) == 0) {
            h.headers.put("Content-Type", CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)]);
        } else if (writes) {
            h.headers.put("Content-Type", "application/json");
        }
        if (random.nextInt(4) == 0) {
            h.headers.put("Accept", ACCEPTS[random.nextInt(ACCEPTS.length)]);
        }
        if (random.nextInt(6) == 0) {
            h.headers.put("x-flipt-namespace", junk(random));
        }
        if (random.nextInt(8) == 0) {
            h.headers.put("If-None-Match", junk(random));
        }
        // body: always defective for a write; sometimes sent with other methods too, except the ones Payara
        // refuses with a body before the application sees them (GET, HEAD, DELETE: an empty 400)
        boolean bodiless = h.method.equals("GET") || h.method.equals("HEAD") || h.method.equals("DELETE");
        if (writes || (!bodiless && random.nextInt(6) == 0)) {
            defectiveBody(random, h, op.body == null ? null : resolve(op.body, schemas), schemas);
        }
        return h;
    }

    /** A request body the server must refuse, whatever the route. */
    private static void defectiveBody(Random random, Hostile h, JsonObject schema, JsonObject schemas) {
        int kind = random.nextInt(100);
        JsonObject properties = schema == null ? null : schema.getJsonObject("properties");
        boolean typed = properties != null && properties.values().stream()
                .anyMatch(p -> p.asJsonObject().containsKey("type") || p.asJsonObject().containsKey("$ref"));
        if (kind < 2) {
            h.defect = "oversized";
            h.oversized = true;
            StringBuilder big = new StringBuilder(1_100_000).append("{\"key\":\"");
            big.append("x".repeat(1_050_000 + random.nextInt(100_000))).append("\"}");
            h.body = big.toString().getBytes(StandardCharsets.UTF_8);
        } else if (kind < 14) {
            h.defect = "too deep";
            int depth = 101 + random.nextInt(random.nextBoolean() ? 200 : 6000);
            String open = random.nextBoolean() ? "[" : "{\"a\":";
            String close = open.equals("[") ? "]" : "}";
            h.body = ("{\"key\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
        } else if (kind < 34) {
            // not `{"key":"x"}}`: like Flipt's gateway (Go's json.Decoder) the server reads one value and ignores
            // what follows it, so that body is a valid request (an H2 run created a variant with it)
            h.defect = "malformed";
            String[] broken = {"{", "{\"key\":", "{\"key\" \"x\"}", "{'key':'x'}", "{\"key\":\"x\",}", "{\"a\":tru}",
                    "\u0000", "{\"key\":\"\\u12\"}", "{\"key\":01}", "<xml/>", "key=x",
                    "{\"key\":\"\ud800\"", "\"unterminated"};
            h.body = broken[random.nextInt(broken.length)].getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(5) == 0) { // bytes that are not UTF-8 at all
                h.body = new byte[]{'{', '"', 'k', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"'};
            }
        } else if (kind < 46 || !typed) {
            h.defect = "not an object";
            String[] values = {"[]", "[{\"key\":\"x\"}]", "\"text\"", "42", "true", "null", "1e999", "-0"};
            h.body = values[random.nextInt(values.length)].getBytes(StandardCharsets.UTF_8);
        } else if (kind < 60 && hasString(properties)) {
            h.defect = "string too long";
            var body = Json.createObjectBuilder();
            for (Map.Entry<String, JsonValue> p : properties.entrySet()) {
                if ("string".equals(p.getValue().asJsonObject().getString("type", "")) && !p.getKey().equals("attachment")) {
                    body.add(p.getKey(), "y".repeat(65_537 + random.nextInt(1000)));
                }
            }
            h.body = body.build().toString().getBytes(StandardCharsets.UTF_8);
        } else {
            h.defect = "wrong types";
            var body = Json.createObjectBuilder();
            for (Map.Entry<String, JsonValue> p : properties.entrySet()) {
                JsonObject property = p.getValue().asJsonObject();
                if (property.containsKey("$ref")) {
                    body.add(p.getKey(), random.nextBoolean() ? Json.createValue(7) : Json.createValue("x"));
                    continue;
                }
                switch (property.getString("type", "")) {
                    case "string" -> body.add(p.getKey(), Json.createObjectBuilder().add("x", 1));
                    case "boolean" -> body.add(p.getKey(), random.nextBoolean() ? "yes" : "1");
                    case "integer", "number" -> body.add(p.getKey(), Json.createArrayBuilder().add(1));
                    case "array" -> body.add(p.getKey(), "x");
                    case "object" -> body.add(p.getKey(), 7);
                    default -> {
                        // a google.protobuf.Value takes anything: left out
                    }
                }
            }
            h.body = body.build().toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private static boolean hasString(JsonObject properties) {
        return properties.entrySet().stream().anyMatch(p -> !p.getKey().equals("attachment")
                && "string".equals(p.getValue().asJsonObject().getString("type", ""))
                && !p.getValue().asJsonObject().containsKey("enum") && !"date-time".equals(p.getValue().asJsonObject().getString("format", "")));
    }

    private static JsonObject resolve(JsonObject schema, JsonObject schemas) {
        if (schema.containsKey("$ref")) {
            String ref = schema.getString("$ref");
            return schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    /**
     * A path segment or value no test data has: letters of several scripts, spaces, punctuation and emoji,
     * percent-encoded as UTF-8 (never {@code /}, {@code \} or control characters, which Payara refuses itself).
     */
    private static String junk(Random random) {
        String[] pieces = {"a", "Z", "9", "-", "_", ",", ".", "..", " ", "é", "ß", "ж", "中", "🙂", "'", "\"", "<",
                ">", "%", "&", "=", "?", "#", "+", ";", "~", "!", "*", "(", ")", "[", "]", "{", "}", "@", "$", "^", "|", "`"};
        int length = random.nextInt(10) == 0 ? 200 + random.nextInt(300) : 1 + random.nextInt(12);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        if (text.toString().matches("\\.+")) { // a segment of dots only: Payara refuses it itself (empty 400)
            text.append('x');
        }
        return URLEncoder.encode(text.toString(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---- the checks --------------------------------------------------------------------------------------

    /** Null when the answer is acceptable, else what is wrong with it. */
    private static String check(Hostile request, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500 && !methodNotAllowed(response)) {
            return "a 5xx";
        }
        if (status < 400 || request.method.equals("HEAD")) {
            return null;
        }
        JsonObject body;
        try {
            body = json(response.body());
        } catch (RuntimeException e) {
            return "an error body that is not a JSON object";
        }
        if (request.path.startsWith("/ofrep/") && body.containsKey("errorCode")) {
            return body.containsKey("errorDetails") ? null : "an OFREP error without errorDetails";
        }
        boolean shape = body.size() == 3 && body.get("code") instanceof jakarta.json.JsonNumber code && code.isIntegral()
                && body.get("message") instanceof jakarta.json.JsonString
                && body.get("details") instanceof JsonArray details && details.isEmpty();
        if (!shape) {
            return "not the contract's error shape";
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        return type.startsWith("application/json") ? null : "error content type " + type;
    }

    /**
     * Flipt's answer to a method a path does not have: {@code 501 {"code":12,"message":"Method Not Allowed"}}
     * (contract 1.1, grpc-gateway's UNIMPLEMENTED). The one 5xx the contract asks for; not counted as a server error.
     */
    static boolean methodNotAllowed(HttpResponse<String> response) {
        return response.statusCode() == 501 && (response.request().method().equals("HEAD") // a HEAD has no body
                || response.body().equals("{\"code\":12,\"message\":\"Method Not Allowed\",\"details\":[]}"));
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…(" + text.length() + ")";
    }
}
