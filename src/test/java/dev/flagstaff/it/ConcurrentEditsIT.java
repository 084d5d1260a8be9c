package dev.flagstaff.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Optimistic concurrency (issue 12 point 2): every single-resource answer carries a strong {@code ETag}; PUT and
 * DELETE with an {@code If-Match} that does not hold get a 412 with code 9 and change nothing; without
 * {@code If-Match} everything is as in Flipt. And the race: 50 writers updating one flag with If-Match, each
 * retrying until it wins, lose no update and never both win on the same version.
 */
@FlagstaffIT
class ConcurrentEditsIT {

    private static final Pattern WRITER = Pattern.compile("w(\\d+);");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newCachedThreadPool()).build(); // HTTP/1.1: Payara misreads the JDK client's h2c upgrade under load (answers and their headers mixed up)

    private String root;

    @BeforeEach
    void client() {
        String text = base.toString();
        root = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** A response with its ETag header (null when none). */
    record Reply(int status, String body, String etag) {

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        JsonObject ok() {
            assertEquals(200, status, () -> "status; body: " + body);
            return json();
        }

        void assertError(int httpStatus, int code, String message) {
            assertEquals(httpStatus, status, () -> "status; body: " + body);
            JsonObject json = json();
            assertEquals(code, json.getInt("code"), () -> "code; body: " + body);
            assertEquals(message, json.getString("message"), () -> "message; body: " + body);
            assertEquals(JsonValue.EMPTY_JSON_ARRAY, json.getJsonArray("details"));
            assertEquals(3, json.size(), () -> "exactly code, message, details: " + body);
        }
    }

    private Reply send(String method, String path, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .timeout(java.time.Duration.ofSeconds(60));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Reply get(String path) {
        return send("GET", path, null, null);
    }

    private Reply post(String path, String body) {
        Reply reply = send("POST", path, body, null);
        reply.ok();
        assertStrong(reply.etag());
        return reply;
    }

    private static void assertStrong(String etag) {
        assertNotNull(etag, "ETag header");
        assertTrue(etag.matches("\"[A-Za-z0-9_-]{22}\""), () -> "a strong quoted ETag: " + etag);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String namespace() {
        String key = unique("cc");
        post("/api/v1/namespaces", "{\"key\":\"" + key + "\",\"name\":\"" + key + "\"}");
        return key;
    }

    // ---- the race ---------------------------------------------------------------------------------------

    @Test
    void fiftyWritersWithIfMatchLoseNoUpdate() throws Exception {
        String ns = namespace();
        String path = "/api/v1/namespaces/" + ns + "/flags/contended";
        post("/api/v1/namespaces/" + ns + "/flags", "{\"key\":\"contended\",\"name\":\"Contended\",\"type\":\"BOOLEAN_FLAG_TYPE\"}");

        int writers = 50;
        Set<String> winningVersions = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger duplicateWins = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long began = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int id = w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int attempt = 1; ; attempt++) {
                        Reply read = get(path);
                        JsonObject flag = read.ok();
                        String description = flag.getString("description");
                        Reply write = send("PUT", path, "{\"name\":\"Contended\",\"enabled\":true,\"description\":\""
                                + description + "w" + id + ";\"}", read.etag());
                        if (write.status() == 200) {
                            assertStrong(write.etag());
                            assertNotEquals(read.etag(), write.etag());
                            if (!winningVersions.add(read.etag())) {
                                duplicateWins.incrementAndGet();
                            }
                            return attempt;
                        }
                        write.assertError(412, 9, "flag \"" + ns + "/contended\" has changed");
                        refused.incrementAndGet();
                        if (attempt > 500) {
                            throw new AssertionError("writer " + id + " never got through");
                        }
                        Thread.sleep(ThreadLocalRandom.current().nextInt(5));
                    }
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

        assertEquals(0, duplicateWins.get(), "two writers won on the same version");
        assertEquals(writers, winningVersions.size(), "one win per version");
        Reply last = get(path);
        String description = last.ok().getString("description");
        Matcher m = WRITER.matcher(description);
        Set<Integer> ids = new HashSet<>();
        int count = 0;
        while (m.find()) {
            ids.add(Integer.parseInt(m.group(1)));
            count++;
        }
        assertEquals(writers, count, () -> "every write once: " + description);
        assertEquals(writers, ids.size(), () -> "every writer present: " + description);
        assertStrong(last.etag());
        System.out.printf("ConcurrentEditsIT: %d writers, %d wins, %d refused with 412, %d ms%n",
                writers, winningVersions.size(), refused.get(), millis);
    }

    // ---- each resource type ---------------------------------------------------------------------------

    /**
     * The conditional lifecycle every resource shares.
     *
     * @param created  the create answer (with its ETag)
     * @param path     the resource's PUT/DELETE path
     * @param deleteQuery what DELETE needs in its query string (distributions: the variant), or ""
     * @param read     its current representation with its ETag (GET, or the parent's GET for variants,
     *                 constraints and distributions, with a null ETag)
     * @param hasGet   whether {@code read} is the resource's own GET
     * @param updateA  one update body, {@code updateB} another
     * @param name     the resource as the 412 names it, e.g. {@code flag "ns/key"}
     */
    private void conditionalLifecycle(Reply created, String path, String deleteQuery, Supplier<Reply> read,
                                      boolean hasGet, String updateA, String updateB, String name) {
        String etag0 = created.etag();
        if (hasGet) {
            Reply got = read.get();
            assertEquals(etag0, got.etag(), "GET's ETag is the create answer's");
            assertEquals(etag0, read.get().etag(), "the same state, the same ETag");
        }

        // No If-Match: Flipt's behaviour, and a new ETag
        Reply a = send("PUT", path, updateA, null);
        a.ok();
        assertStrong(a.etag());
        assertNotEquals(etag0, a.etag(), "a write changes the ETag");
        String etag1 = a.etag();
        if (hasGet) {
            assertEquals(etag1, read.get().etag(), "the PUT answer's ETag is what GET gives next");
        }

        // a stale ETag: 412, nothing written
        JsonObject before = read.get().ok();
        send("PUT", path, updateB, etag0).assertError(412, 9, name + " has changed");
        assertEquals(before, read.get().ok(), "a refused PUT changes nothing");
        send("DELETE", path + deleteQuery, null, etag0).assertError(412, 9, name + " has changed");
        assertEquals(before, read.get().ok(), "a refused DELETE deletes nothing");
        // the weak form of the current tag does not match (strong comparison)
        send("PUT", path, updateB, "W/" + etag1).assertError(412, 9, name + " has changed");
        assertEquals(before, read.get().ok());
        // a malformed header is a 400
        send("PUT", path, updateB, "not-a-tag").assertError(400, 3, "invalid If-Match header");

        // the current tag, in a list: it goes through
        Reply b = send("PUT", path, updateB, "\"stale\", " + etag1);
        b.ok();
        assertStrong(b.etag());
        assertNotEquals(etag1, b.etag());
        if (hasGet) {
            assertEquals(b.etag(), read.get().etag());
        }
        // "*" matches whatever is there
        Reply star = send("PUT", path, updateA, "*");
        star.ok();
        assertNotEquals(b.etag(), star.etag());

        // DELETE with the current tag
        assertEquals("{}", send("DELETE", path + deleteQuery, null, star.etag()).body());
        // gone: any If-Match fails, Flipt's idempotent delete without it
        send("DELETE", path + deleteQuery, null, "*").assertError(412, 9, name + " does not exist");
        send("DELETE", path + deleteQuery, null, star.etag()).assertError(412, 9, name + " does not exist");
        Reply plain = send("DELETE", path + deleteQuery, null, null);
        assertEquals(200, plain.status(), plain::body);
        assertEquals("{}", plain.body());
    }

    @Test
    void namespaces() {
        String ns = unique("cc");
        Reply created = post("/api/v1/namespaces", "{\"key\":\"" + ns + "\",\"name\":\"N\"}");
        String path = "/api/v1/namespaces/" + ns;
        Supplier<Reply> read = () -> get(path);
        assertEquals(created.etag(), read.get().etag());

        Reply a = send("PUT", path, "{\"name\":\"A\"}", null);
        assertEquals("A", a.ok().getString("name"));
        JsonObject before = read.get().ok();
        send("PUT", path, "{\"name\":\"B\"}", created.etag()).assertError(412, 9, "namespace \"" + ns + "\" has changed");
        send("DELETE", path, null, created.etag()).assertError(412, 9, "namespace \"" + ns + "\" has changed");
        assertEquals(before, read.get().ok());
        Reply b = send("PUT", path, "{\"name\":\"B\"}", a.etag());
        assertEquals("B", b.ok().getString("name"));
        assertEquals(b.etag(), read.get().etag());
        send("PUT", path, "{\"name\":\"C\"}", "*").ok();
        assertEquals("{}", send("DELETE", path, null, read.get().etag()).body());
        // a missing namespace stays Flipt's 404, with or without If-Match
        send("DELETE", path, null, "*").assertError(404, 5, "namespace \"" + ns + "\" not found");
        send("PUT", path, "{\"name\":\"D\"}", "*").assertError(404, 5, "namespace \"" + ns + "\" not found");
    }

    @Test
    void flags() {
        String ns = namespace();
        String flags = "/api/v1/namespaces/" + ns + "/flags";
        Reply created = post(flags, "{\"key\":\"f\",\"name\":\"F\"}");
        String path = flags + "/f";
        assertEquals(created.etag(), get(path).etag(), "GET's ETag is the create answer's");
        // a variant's change is a change of the flag's representation, hence of its ETag
        String before = get(path).etag();
        post(path + "/variants", "{\"key\":\"v\"}");
        assertNotEquals(before, get(path).etag(), "a new variant changes the flag's ETag");
        created = new Reply(200, created.body(), get(path).etag());

        conditionalLifecycle(created, path, "", () -> get(path), true,
                "{\"name\":\"A\",\"description\":\"a\"}", "{\"name\":\"B\",\"enabled\":true}",
                "flag \"" + ns + "/f\"");
        // PUT of a missing flag keeps Flipt's 404
        send("PUT", path, "{\"name\":\"X\"}", "*").assertError(404, 5, "flag \"" + ns + "/f\" not found");
        // the legacy route (no namespace in the path) honours If-Match the same way
        post("/api/v1/flags", "{\"key\":\"" + ns + "-legacy\",\"name\":\"L\"}");
        String legacy = "/api/v1/flags/" + ns + "-legacy";
        send("PUT", legacy, "{\"name\":\"L2\"}", "\"stale\"").assertError(412, 9,
                "flag \"default/" + ns + "-legacy\" has changed");
        Reply ok = send("PUT", legacy, "{\"name\":\"L2\"}", get(legacy).etag());
        assertEquals("L2", ok.ok().getString("name"));
        assertEquals("{}", send("DELETE", legacy, null, ok.etag()).body());
    }

    @Test
    void variants() {
        String ns = namespace();
        String flag = "/api/v1/namespaces/" + ns + "/flags/f";
        post("/api/v1/namespaces/" + ns + "/flags", "{\"key\":\"f\",\"name\":\"F\"}");
        Reply created = post(flag + "/variants", "{\"key\":\"v\",\"name\":\"V\"}");
        String id = created.json().getString("id");
        Supplier<Reply> read = () -> {
            Reply parent = get(flag);
            JsonObject variant = parent.ok().getJsonArray("variants").stream().map(JsonValue::asJsonObject)
                    .filter(v -> v.getString("id").equals(id)).findFirst().orElse(JsonValue.EMPTY_JSON_OBJECT);
            return new Reply(200, variant.toString(), null);
        };
        conditionalLifecycle(created, flag + "/variants/" + id, "", read, false,
                "{\"key\":\"v\",\"name\":\"A\"}", "{\"key\":\"v\",\"name\":\"B\",\"attachment\":\"{\\\"x\\\":1}\"}",
                "variant \"" + ns + "/f/" + id + "\"");
    }

    @Test
    void segments() {
        String ns = namespace();
        String segments = "/api/v1/namespaces/" + ns + "/segments";
        Reply created = post(segments, "{\"key\":\"s\",\"name\":\"S\",\"matchType\":\"ALL_MATCH_TYPE\"}");
        String path = segments + "/s";
        conditionalLifecycle(created, path, "", () -> get(path), true,
                "{\"name\":\"A\",\"matchType\":\"ANY_MATCH_TYPE\"}", "{\"name\":\"B\",\"description\":\"b\"}",
                "segment \"" + ns + "/s\"");
    }

    @Test
    void constraints() {
        String ns = namespace();
        String segment = "/api/v1/namespaces/" + ns + "/segments/s";
        post("/api/v1/namespaces/" + ns + "/segments", "{\"key\":\"s\",\"name\":\"S\"}");
        String before = get(segment).etag();
        Reply created = post(segment + "/constraints",
                "{\"type\":\"STRING_COMPARISON_TYPE\",\"property\":\"p\",\"operator\":\"eq\",\"value\":\"1\"}");
        assertNotEquals(before, get(segment).etag(), "a new constraint changes the segment's ETag");
        String id = created.json().getString("id");
        Supplier<Reply> read = () -> {
            JsonObject constraint = get(segment).ok().getJsonArray("constraints").stream()
                    .map(JsonValue::asJsonObject).filter(c -> c.getString("id").equals(id)).findFirst()
                    .orElse(JsonValue.EMPTY_JSON_OBJECT);
            return new Reply(200, constraint.toString(), null);
        };
        conditionalLifecycle(created, segment + "/constraints/" + id, "", read, false,
                "{\"type\":\"STRING_COMPARISON_TYPE\",\"property\":\"p\",\"operator\":\"eq\",\"value\":\"2\"}",
                "{\"type\":\"NUMBER_COMPARISON_TYPE\",\"property\":\"n\",\"operator\":\"gt\",\"value\":\"3\"}",
                "constraint \"" + ns + "/s/" + id + "\"");
    }

    @Test
    void rulesAndDistributions() {
        String ns = namespace();
        String flag = "/api/v1/namespaces/" + ns + "/flags/f";
        post("/api/v1/namespaces/" + ns + "/flags", "{\"key\":\"f\",\"name\":\"F\"}");
        String v1 = post(flag + "/variants", "{\"key\":\"v1\"}").json().getString("id");
        String v2 = post(flag + "/variants", "{\"key\":\"v2\"}").json().getString("id");
        post("/api/v1/namespaces/" + ns + "/segments", "{\"key\":\"s1\",\"name\":\"S1\"}");
        post("/api/v1/namespaces/" + ns + "/segments", "{\"key\":\"s2\",\"name\":\"S2\"}");

        // distributions of a rule that stays
        String keep = post(flag + "/rules", "{\"segmentKey\":\"s1\",\"rank\":1}").json().getString("id");
        String rule = flag + "/rules/" + keep;
        String ruleTag = get(rule).etag();
        Reply created = post(rule + "/distributions", "{\"variantId\":\"" + v1 + "\",\"rollout\":50}");
        assertNotEquals(ruleTag, get(rule).etag(), "a new distribution changes the rule's ETag");
        String id = created.json().getString("id");
        Supplier<Reply> read = () -> {
            JsonObject distribution = get(rule).ok().getJsonArray("distributions").stream()
                    .map(JsonValue::asJsonObject).filter(d -> d.getString("id").equals(id)).findFirst()
                    .orElse(JsonValue.EMPTY_JSON_OBJECT);
            return new Reply(200, distribution.toString(), null);
        };
        // the PUTs keep the variant, so DELETE's ?variantId= names the distribution throughout
        conditionalLifecycle(created, rule + "/distributions/" + id, "?variantId=" + v1, read, false,
                "{\"variantId\":\"" + v1 + "\",\"rollout\":40}", "{\"variantId\":\"" + v1 + "\",\"rollout\":30.5}",
                "distribution \"" + ns + "/f/" + keep + "/" + id + "\"");
        assertNotNull(v2);

        // a rule
        Reply rule2 = post(flag + "/rules", "{\"segmentKey\":\"s1\",\"rank\":2}");
        String id2 = rule2.json().getString("id");
        String path = flag + "/rules/" + id2;
        conditionalLifecycle(rule2, path, "", () -> get(path), true,
                "{\"segmentKey\":\"s2\"}", "{\"segmentKeys\":[\"s1\",\"s2\"],\"segmentOperator\":\"AND_SEGMENT_OPERATOR\"}",
                "rule \"" + ns + "/f/" + id2 + "\"");
    }

    @Test
    void rollouts() {
        String ns = namespace();
        String flag = "/api/v1/namespaces/" + ns + "/flags/b";
        post("/api/v1/namespaces/" + ns + "/flags", "{\"key\":\"b\",\"name\":\"B\",\"type\":\"BOOLEAN_FLAG_TYPE\"}");
        Reply created = post(flag + "/rollouts", "{\"rank\":1,\"threshold\":{\"percentage\":50,\"value\":true}}");
        String id = created.json().getString("id");
        String path = flag + "/rollouts/" + id;
        conditionalLifecycle(created, path, "", () -> get(path), true,
                "{\"threshold\":{\"percentage\":40,\"value\":false}}",
                "{\"description\":\"d\",\"threshold\":{\"percentage\":60,\"value\":true}}",
                "rollout \"" + ns + "/b/" + id + "\"");
    }
}
