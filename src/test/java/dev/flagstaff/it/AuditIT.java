package dev.flagstaff.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit history, its sinks and the namespace event stream (issues 12 and 13), on a Payara Micro process of
 * its own with authentication required, the log sink on and the webhook sink pointed at an HTTP server of this
 * test that checks Flipt's {@code x-flipt-webhook-signature}. Runs on each database of the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditIT {

    private static final String BOOTSTRAP = "bootstrap-" + UUID.randomUUID();
    private static final String SECRET = "webhook-secret-" + UUID.randomUUID();

    private HttpServer webhook;
    private final List<JsonObject> delivered = new CopyOnWriteArrayList<>();
    private final List<String> badSignatures = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean webhookDown;
    private PayaraProcess server;
    private Api api;
    private String editor;
    private String editorId;

    @BeforeAll
    void start() throws IOException {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (webhookDown) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            String signature = exchange.getRequestHeaders().getFirst("x-flipt-webhook-signature");
            if (!hmac(body).equals(signature)) {
                badSignatures.add(signature);
            }
            try (JsonReader reader = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
                delivered.add(reader.readObject());
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();
        Map<String, String> settings = new HashMap<>(TestDatabase.ownDatabase("audit"));
        settings.put("flagstaff.audit.log.enabled", "true");
        settings.put("flagstaff.audit.webhook.url", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
        settings.put("flagstaff.audit.webhook.max-backoff-seconds", "2");
        settings.put("flagstaff.audit.webhook.max-attempts", "100");
        settings.put("flagstaff.events.keepalive-seconds", "1");
        Map<String, String> environment = Map.of("FLAGSTAFF_AUTH_REQUIRED", "true",
                "FLAGSTAFF_AUTH_BOOTSTRAP_TOKEN", BOOTSTRAP, "FLAGSTAFF_AUDIT_WEBHOOK_SIGNING_SECRET", SECRET);
        server = PayaraProcess.start("audit", settings, environment);
        server.awaitReady(Duration.ofMinutes(8)); // generous: the start takes minutes on a saturated machine
        api = new Api(server.url());
        for (int i = 0; i < 60 && api.get("/auth/v1/method").status() != 200; i++) {
            PayaraProcess.sleep(1000);
        }
        JsonObject created = as(BOOTSTRAP).post("/auth/v1/method/token", "{\"name\":\"alice\",\"role\":\"editor\"}").ok();
        editor = created.getString("clientToken");
        editorId = created.getJsonObject("authentication").getString("id");
        as(BOOTSTRAP).post("/api/v1/namespaces", "{\"key\":\"audited\",\"name\":\"Audited\"}").ok();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            String log = server.log();
            server.close();
            assertFalse(log.contains(BOOTSTRAP), "the bootstrap token never reaches the log");
            assertFalse(log.contains(SECRET), "the signing secret never reaches the log");
        }
        if (webhook != null) {
            webhook.stop(0);
        }
    }

    @Test
    void aCreateUpdateDeleteSequenceWithItsActor() {
        String ns = "/api/v1/namespaces/audited";
        Instant before = Instant.now().minusSeconds(1);
        as(editor).post(ns + "/flags", "{\"key\":\"seq\",\"name\":\"Seq\",\"enabled\":false}").ok();
        as(editor).put(ns + "/flags/seq", "{\"name\":\"Seq\",\"enabled\":true}").ok();
        as(editor).delete(ns + "/flags/seq").ok();
        // a refused write records nothing
        as(editor).put(ns + "/flags/seq", "{\"name\":\"Seq\"}").assertError(404, 5, "flag \"audited/seq\" not found");

        JsonObject page = as(editor).get("/api/v1/audit/events?namespaceKey=audited&type=flag&key=seq").ok();
        JsonArray events = page.getJsonArray("events");
        assertEquals(3, events.size(), page.toString());
        assertEquals(3, page.getInt("totalCount"));
        assertEquals("", page.getString("nextPageToken"));
        assertEquals(List.of("deleted", "updated", "created"), events.stream()
                .map(e -> e.asJsonObject().getString("action")).toList(), "newest first");
        for (JsonObject event : events.getValuesAs(JsonObject.class)) {
            assertEquals("0.2", event.getString("version"));
            assertEquals("flag", event.getString("type"));
            assertEquals("audited", event.getString("namespaceKey"));
            assertEquals("seq", event.getString("key"));
            JsonObject actor = event.getJsonObject("metadata").getJsonObject("actor");
            assertEquals("token", actor.getString("authentication"));
            assertEquals(editorId, actor.getString("id"));
            assertEquals("alice", actor.getString("name"));
            Instant at = Instant.parse(event.getString("timestamp"));
            assertTrue(!at.isBefore(before) && !at.isAfter(Instant.now().plusSeconds(1)), at.toString());
        }
        JsonObject deleted = events.getJsonObject(0);
        JsonObject updated = events.getJsonObject(1);
        JsonObject created = events.getJsonObject(2);
        assertTrue(Long.parseLong(deleted.getString("id")) > Long.parseLong(updated.getString("id")));
        assertTrue(Long.parseLong(updated.getString("id")) > Long.parseLong(created.getString("id")));
        assertFalse(created.getJsonObject("payload").getBoolean("enabled"));
        assertFalse(created.containsKey("previous"));
        assertFalse(updated.getJsonObject("previous").getBoolean("enabled"), "before the update");
        assertTrue(updated.getJsonObject("payload").getBoolean("enabled"), "after the update");
        assertEquals("seq", deleted.getJsonObject("payload").getString("key"), "the deleted flag");
        assertTrue(deleted.getJsonObject("payload").getBoolean("enabled"));

        // viewers may read the history; a token scoped to another namespace may not read this one
        String viewer = as(BOOTSTRAP).post("/auth/v1/method/token", "{\"name\":\"val\",\"role\":\"viewer\"}").ok()
                .getString("clientToken");
        assertEquals(3, as(viewer).get("/api/v1/audit/events?namespaceKey=audited&type=flag&key=seq").ok()
                .getJsonArray("events").size());
        as(viewer).post(ns + "/flags", "{\"key\":\"nope\",\"name\":\"Nope\"}").assertError(403, 7, "permission denied");
        String scoped = as(BOOTSTRAP).post("/auth/v1/method/token",
                "{\"name\":\"scoped\",\"namespaceKey\":\"default\",\"role\":\"viewer\"}").ok().getString("clientToken");
        as(scoped).get("/api/v1/audit/events?namespaceKey=audited").assertError(401, 16, "request was not authenticated");
        JsonArray seen = as(scoped).get("/api/v1/audit/events?limit=1000").ok().getJsonArray("events");
        assertTrue(seen.stream().allMatch(e -> "default".equals(e.asJsonObject().getString("namespaceKey", ""))),
                "a scoped token sees its namespace only: " + seen);
        api.get("/api/v1/audit/events").assertError(401, 16, "request was not authenticated");

        // tokens are audited too, without the client token
        JsonObject token = as(viewer).get("/api/v1/audit/events?type=token&actor=initial_bootstrap_token&limit=1")
                .ok().getJsonArray("events").getJsonObject(0);
        assertEquals("created", token.getString("action"));
        assertEquals("scoped", token.getJsonObject("payload").getJsonObject("metadata")
                .getString("io.flipt.auth.token.name"));
        assertFalse(token.toString().contains("clientToken"));
    }

    @Test
    void filtersAndPages() {
        String ns = "/api/v1/namespaces/audited";
        as(editor).post(ns + "/segments", "{\"key\":\"pages\",\"name\":\"Pages\"}").ok();
        Instant middle = Instant.now();
        PayaraProcess.sleep(50);
        for (int i = 0; i < 4; i++) {
            as(editor).put(ns + "/segments/pages", "{\"name\":\"Pages " + i + "\"}").ok();
        }
        String query = "/api/v1/audit/events?namespaceKey=audited&type=segment&key=pages";
        assertEquals(5, as(editor).get(query).ok().getInt("totalCount"));
        assertEquals(4, as(editor).get(query + "&from=" + enc(middle.toString())).ok().getJsonArray("events").size());
        assertEquals(1, as(editor).get(query + "&to=" + enc(middle.toString())).ok().getJsonArray("events").size());
        assertEquals(5, as(editor).get(query + "&actor=alice").ok().getJsonArray("events").size());
        assertEquals(5, as(editor).get(query + "&actor=" + editorId).ok().getJsonArray("events").size());
        assertEquals(0, as(editor).get(query + "&actor=bob").ok().getJsonArray("events").size());
        assertEquals(0, as(editor).get("/api/v1/audit/events?namespaceKey=default&type=segment&key=pages").ok()
                .getJsonArray("events").size());

        // pages of 2, newest first, stable while new events arrive
        List<String> names = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            JsonObject page = as(editor).get(query + "&limit=2" + (token.isEmpty() ? "" : "&pageToken=" + enc(token))).ok();
            assertEquals(5, page.getInt("totalCount"));
            page.getJsonArray("events").getValuesAs(JsonObject.class)
                    .forEach(e -> names.add(e.getJsonObject("payload").getString("name")));
            token = page.getString("nextPageToken");
            if (pages++ == 0) {
                as(editor).put(ns + "/segments/other", "{\"name\":\"x\"}"); // 404, records nothing
                as(editor).post(ns + "/segments", "{\"key\":\"later\",\"name\":\"Later\"}").ok();
            }
        } while (!token.isEmpty());
        assertEquals(3, pages);
        assertEquals(List.of("Pages 3", "Pages 2", "Pages 1", "Pages 0", "Pages"), names);

        as(editor).get("/api/v1/audit/events?type=gadget").assertError(400, 3,
                "invalid field type: must be one of constraint, distribution, flag, namespace, rollout, rule, "
                        + "segment, token, variant");
        as(editor).get("/api/v1/audit/events?from=yesterday").assertError(400, 3,
                "invalid field from: must be an RFC 3339 timestamp, e.g. 2026-01-31T12:00:00Z");
        as(editor).get("/api/v1/audit/events?pageToken=zzz").assertError(400, 3, "pageToken is not valid: \"zzz\"");
        as(editor).get("/api/v1/audit/events?limit=5000").assertError(400, 3,
                "invalid field limit: must be at most 1000");
    }

    @Test
    void theWebhookGetsEachEventSignedAndAFailingWebhookFailsNoWrite() {
        String ns = "/api/v1/namespaces/audited";
        as(editor).post(ns + "/flags", "{\"key\":\"hooked\",\"name\":\"Hooked\"}").ok();
        JsonObject event = as(editor).get("/api/v1/audit/events?namespaceKey=audited&key=hooked").ok()
                .getJsonArray("events").getJsonObject(0);
        JsonObject received = awaitDelivered(event.getString("id"));
        assertEquals(event, received, "the webhook gets the event as the API shows it");

        webhookDown = true;
        try {
            long start = System.nanoTime();
            as(editor).put(ns + "/flags/hooked", "{\"name\":\"Hooked while down\"}").ok();
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("AuditIT: a write with the webhook down took " + millis + " ms");
            for (int i = 0; i < 100 && refused.get() < 2; i++) {
                PayaraProcess.sleep(100);
            }
            assertTrue(refused.get() >= 2, "the delivery was tried and retried: " + refused.get());
        } finally {
            webhookDown = false;
        }
        JsonObject update = as(editor).get("/api/v1/audit/events?namespaceKey=audited&key=hooked&limit=1").ok()
                .getJsonArray("events").getJsonObject(0);
        assertEquals("Hooked while down", update.getJsonObject("payload").getString("name"));
        assertEquals(update, awaitDelivered(update.getString("id")), "delivered once the webhook is back");
        assertEquals(List.of(), badSignatures);
        assertTrue(server.log().contains("\"id\":\"" + update.getString("id") + "\""),
                "the log sink wrote the event as a JSON line");
    }

    @Test
    void theEventStreamSendsCommittedChangesInOrderAndResumes() throws Exception {
        String ns = "/api/v1/namespaces/audited";
        String stream = ns + "/events";
        assertEquals(401, api.get(stream).status());
        as(editor).get("/api/v1/namespaces/nowhere/events").assertError(404, 5, "namespace \"nowhere\" not found");

        try (SseClient client = new SseClient(stream, null)) {
            as(editor).post(ns + "/flags", "{\"key\":\"live\",\"name\":\"Live\"}").ok();
            as(editor).put(ns + "/flags/live", "{\"name\":\"Live\",\"enabled\":true}").ok();
            as(editor).post("/api/v1/namespaces/default/flags", "{\"key\":\"elsewhere\",\"name\":\"E\"}").ok();
            as(editor).delete(ns + "/flags/live").ok();
            SseEvent created = client.next();
            SseEvent updated = client.next();
            SseEvent deleted = client.next();
            assertEquals(List.of("created", "updated", "deleted"), List.of(created.json().getString("action"),
                    updated.json().getString("action"), deleted.json().getString("action")));
            for (SseEvent event : List.of(created, updated, deleted)) {
                assertEquals(event.id(), event.json().getString("id"), "the SSE id is the audit event's id");
                assertEquals("live", event.json().getString("key"));
            }
            assertTrue(client.comments.get() > 0, "keep-alive or greeting comments arrive");

            try (SseClient resumed = new SseClient(stream, created.id())) {
                assertEquals(updated.id(), resumed.next().id(), "replayed after Last-Event-ID");
                assertEquals(deleted.id(), resumed.next().id());
                as(editor).post(ns + "/flags", "{\"key\":\"after\",\"name\":\"After\"}").ok();
                SseEvent live = resumed.next();
                assertEquals("after", live.json().getString("key"), "then live");
                assertEquals(live.id(), client.next().id(), "the first stream got it as well");
            }
        }
        // a client that went away does not hold up writes
        long start = System.nanoTime();
        as(editor).put(ns + "/flags/after", "{\"name\":\"After all\"}").ok();
        System.out.println("AuditIT: a write after a stream closed took " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private JsonObject awaitDelivered(String id) {
        for (int i = 0; i < 300; i++) {
            for (JsonObject event : delivered) {
                if (event.getString("id").equals(id)) {
                    return event;
                }
            }
            PayaraProcess.sleep(100);
        }
        throw new AssertionError("event " + id + " not delivered to the webhook in 30 s; got " + delivered);
    }

    private static String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Authed as(String token) {
        return new Authed(token);
    }

    private final class Authed {
        private final String authorization;

        Authed(String token) {
            this.authorization = "Bearer " + token;
        }

        Api.Reply get(String path) {
            return api.send("GET", path, null, null, "Authorization", authorization);
        }

        Api.Reply post(String path, String json) {
            return api.send("POST", path, json, "application/json", "Authorization", authorization);
        }

        Api.Reply put(String path, String json) {
            return api.send("PUT", path, json, "application/json", "Authorization", authorization);
        }

        Api.Reply delete(String path) {
            return api.send("DELETE", path, null, null, "Authorization", authorization);
        }
    }

    private record SseEvent(String id, String data) {
        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(data))) {
                return reader.readObject();
            }
        }
    }

    /** A minimal SSE client on java.net.http: reads the stream on a thread of its own into a queue. */
    private final class SseClient implements AutoCloseable {
        final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
        final AtomicInteger comments = new AtomicInteger();
        final Thread reader;
        volatile InputStream body;

        SseClient(String path, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url().toString()
                            .replaceAll("/$", "") + path))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + editor);
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response = HttpClient.newHttpClient()
                    .sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
                    .get(30, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            body = response.body();
            reader = new Thread(this::read, "sse-client");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String id = null;
                StringBuilder data = new StringBuilder();
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            events.add(new SseEvent(id, data.toString()));
                        }
                        id = null;
                        data.setLength(0);
                    } else if (line.startsWith(":")) {
                        comments.incrementAndGet();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    }
                }
            } catch (IOException e) {
                // closed by the test
            }
        }

        SseEvent next() throws InterruptedException {
            SseEvent event = events.poll(20, TimeUnit.SECONDS);
            assertNotNull(event, "an event within 20 s");
            return event;
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
