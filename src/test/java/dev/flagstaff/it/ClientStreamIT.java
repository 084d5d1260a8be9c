package dev.flagstaff.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Flipt v2's client endpoints ({@code /client/v2/environments/{environmentKey}/namespaces/{key}/snapshot} and
 * {@code …/stream}) as a client sees them, over a plain socket so that the HTTP framing is what is checked: one
 * {@code {"result":…}} line at once and one per committed change, none at once for a current {@code digest},
 * keep-alives while idle, a stalled client that delays neither writes nor other streams and gets only the newest
 * snapshot, and authentication and namespace scope as on the v1 snapshot. Its own Payara Micro with
 * authentication required and a one-second keep-alive.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientStreamIT {

    private static final String TOKEN = "bootstrap-" + UUID.randomUUID();
    private static final String V2 = "/client/v2/environments/default/namespaces/";

    private PayaraProcess server;
    private Api api;

    @BeforeAll
    void start() {
        Map<String, String> settings = new HashMap<>(TestDatabase.ownDatabase("stream"));
        settings.put("flagstaff.streams.keepalive-seconds", "1");
        server = PayaraProcess.start("stream", settings,
                Map.of("FLAGSTAFF_AUTH_REQUIRED", "true", "FLAGSTAFF_AUTH_BOOTSTRAP_TOKEN", TOKEN));
        try {
            try {
                server.awaitReady();
            } catch (IllegalStateException slow) {
                server.awaitReady(); // a loaded machine: three more minutes, then give up
            }
        } catch (RuntimeException e) {
            server.close();
            server = null;
            throw e;
        }
        api = new Api(server.url());
        for (int i = 0; i < 60 && api.get("/auth/v1/method").status() != 200; i++) {
            PayaraProcess.sleep(1000);
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theStreamSendsTheSnapshotAtOnceThenOneLinePerChangeWithKeepAlives() throws Exception {
        String ns = namespace();
        post("/api/v1/namespaces/" + ns + "/flags", "{\"key\":\"dark\",\"name\":\"Dark\",\"type\":\"BOOLEAN_FLAG_TYPE\"}");
        try (Stream stream = Stream.open(server.url().getPort(), V2 + ns + "/stream", TOKEN)) {
            assertEquals(200, stream.status);
            assertEquals("application/json", stream.headers.get("content-type").replaceAll(";.*", ""));
            JsonObject first = stream.nextMessage(5000);
            assertNotNull(first, "the current snapshot comes at once");
            JsonObject snapshot = first.getJsonObject("result");
            assertEquals(1, first.size(), "a line is {\"result\": …}");
            assertEquals(ns, snapshot.getJsonObject("namespace").getString("key"));
            assertEquals(List.of("namespace", "flags", "digest"), List.copyOf(snapshot.keySet()));
            assertFalse(snapshot.getJsonArray("flags").getJsonObject(0).getBoolean("enabled"));
            String digest = snapshot.getString("digest");
            assertTrue(digest.matches("[0-9a-f]{40}"), digest);
            assertEquals(digest, snapshotEtag(ns), "the stream's digest is the snapshot route's ETag");

            for (int change = 1; change <= 3; change++) {
                long start = System.nanoTime();
                put("/api/v1/namespaces/" + ns + "/flags/dark",
                        "{\"name\":\"Dark\",\"enabled\":" + (change % 2 == 1) + "}");
                JsonObject next = stream.nextMessage(1000);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                System.out.println("[flagstaff-it] change " + change + " reached the stream " + millis
                        + " ms after the write was sent");
                assertNotNull(next, "change " + change + " reaches the stream within 1 s");
                JsonObject result = next.getJsonObject("result");
                assertEquals(change % 2 == 1, result.getJsonArray("flags").getJsonObject(0).getBoolean("enabled"));
                assertNotEquals(digest, result.getString("digest"));
                digest = result.getString("digest");
            }
            int keepAlives = stream.keepAlives();
            assertNull(stream.nextMessage(2500), "no message without a change");
            assertTrue(stream.keepAlives() >= keepAlives + 1, "keep-alives while idle: " + stream.keepAlives());
            // a write to another namespace is not this stream's
            String other = namespace();
            post("/api/v1/namespaces/" + other + "/flags", "{\"key\":\"x\",\"name\":\"X\"}");
            assertNull(stream.nextMessage(1000), "nothing for another namespace's change");
        }
    }

    @Test
    void aCurrentDigestGetsNoInitialSnapshot() throws Exception {
        String ns = namespace();
        post("/api/v1/namespaces/" + ns + "/flags", "{\"key\":\"f\",\"name\":\"F\"}");
        String digest = snapshotEtag(ns);
        try (Stream stream = Stream.open(server.url().getPort(), V2 + ns + "/stream?digest=" + digest, TOKEN)) {
            assertEquals(200, stream.status, "headers come at once even with nothing to send");
            assertNull(stream.nextMessage(2000), "the client has this digest already");
            assertTrue(stream.keepAlives() >= 1, "keep-alives meanwhile");
            put("/api/v1/namespaces/" + ns + "/flags/f", "{\"name\":\"F2\",\"enabled\":true}");
            JsonObject next = stream.nextMessage(1000);
            assertNotNull(next, "a change comes");
            assertNotEquals(digest, next.getJsonObject("result").getString("digest"));
        }
        // an older digest gets the current snapshot at once
        try (Stream stream = Stream.open(server.url().getPort(), V2 + ns + "/stream?digest=" + digest, TOKEN)) {
            assertNotNull(stream.nextMessage(5000));
        }
    }

    @Test
    void theSnapshotRouteIsTheSameDocumentWithAnETag() throws Exception {
        String ns = namespace();
        String p = "/api/v1/namespaces/" + ns;
        post(p + "/flags", "{\"key\":\"color\",\"name\":\"Color\",\"description\":\"secret\",\"enabled\":true}");
        String red = post(p + "/flags/color/variants", "{\"key\":\"red\",\"attachment\":\"{\\\"hex\\\":\\\"#f00\\\"}\"}")
                .getString("id");
        put(p + "/flags/color", "{\"name\":\"Color\",\"enabled\":true,\"defaultVariantId\":\"" + red + "\"}");
        post(p + "/segments", "{\"key\":\"pro\",\"name\":\"Pro\",\"description\":\"d\"}");
        post(p + "/segments/pro/constraints", "{\"type\":\"STRING_COMPARISON_TYPE\",\"property\":\"plan\","
                + "\"operator\":\"eq\",\"value\":\"pro\"}");
        String rule = post(p + "/flags/color/rules", "{\"segmentKey\":\"pro\",\"rank\":1}").getString("id");
        post(p + "/flags/color/rules/" + rule + "/distributions", "{\"variantId\":\"" + red + "\",\"rollout\":33.3}");
        post(p + "/flags", "{\"key\":\"dark\",\"name\":\"Dark\",\"type\":\"BOOLEAN_FLAG_TYPE\"}");
        post(p + "/flags/dark/rollouts", "{\"rank\":1,\"threshold\":{\"percentage\":50,\"value\":true}}");
        post(p + "/flags/dark/rollouts", "{\"rank\":2,\"segment\":{\"segmentKeys\":[\"pro\"],\"value\":true}}");

        Api.Reply reply = api.send("GET", V2 + ns + "/snapshot", null, null, "Authorization", "Bearer " + TOKEN);
        JsonObject snapshot = reply.ok();
        String etag = api.header("GET", V2 + ns + "/snapshot", "ETag", "Authorization", "Bearer " + TOKEN);
        assertEquals(snapshot.getString("digest"), etag);
        assertEquals(etag, api.header("GET", "/internal/v1/evaluation/snapshot/namespace/" + ns, "ETag",
                "Authorization", "Bearer " + TOKEN), "one digest for both snapshot routes");
        assertEquals(304, api.send("GET", V2 + ns + "/snapshot", null, null, "Authorization", "Bearer " + TOKEN,
                "If-None-Match", "\"" + etag + "\"").status());

        JsonObject color = snapshot.getJsonArray("flags").getJsonObject(0);
        assertEquals(List.of("key", "name", "description", "enabled", "type", "createdAt", "updatedAt", "rules",
                "rollouts", "defaultVariant"), List.copyOf(color.keySet()));
        assertEquals("", color.getString("name"), "names stay on the server, as in Flipt v2");
        assertEquals("", color.getString("description"));
        assertEquals("VARIANT_FLAG_TYPE", color.getString("type"));
        assertEquals(Json.createObjectBuilder().add("id", red).add("key", "red").add("attachment", "{\"hex\":\"#f00\"}")
                .build(), color.getJsonObject("defaultVariant"));
        JsonObject r = color.getJsonArray("rules").getJsonObject(0);
        assertEquals(List.of("id", "segments", "rank", "segmentOperator", "distributions"), List.copyOf(r.keySet()));
        assertEquals(Json.createObjectBuilder().add("ruleId", rule).add("variantKey", "red")
                .add("variantAttachment", "{\"hex\":\"#f00\"}").add("rollout", 33.3).build().toString(),
                r.getJsonArray("distributions").getJsonObject(0).toString());
        JsonObject segment = r.getJsonArray("segments").getJsonObject(0);
        assertEquals("{\"key\":\"pro\",\"name\":\"\",\"description\":\"\",\"matchType\":\"ALL_SEGMENT_MATCH_TYPE\","
                + "\"constraints\":[{\"type\":\"STRING_CONSTRAINT_COMPARISON_TYPE\",\"property\":\"plan\","
                + "\"operator\":\"eq\",\"value\":\"pro\"}]}", segment.toString());

        JsonObject dark = snapshot.getJsonArray("flags").getJsonObject(1);
        assertFalse(dark.containsKey("defaultVariant"));
        assertEquals("[]", dark.getJsonArray("rules").toString());
        assertEquals("{\"type\":\"THRESHOLD_ROLLOUT_TYPE\",\"rank\":1,\"threshold\":{\"percentage\":50,\"value\":true}}",
                dark.getJsonArray("rollouts").getJsonObject(0).toString());
        assertEquals("{\"type\":\"SEGMENT_ROLLOUT_TYPE\",\"rank\":2,\"segment\":{\"value\":true,"
                + "\"segmentOperator\":\"OR_SEGMENT_OPERATOR\",\"segments\":[" + segment + "]}}",
                dark.getJsonArray("rollouts").getJsonObject(1).toString());

        try (Stream stream = Stream.open(server.url().getPort(), V2 + ns + "/stream", TOKEN)) {
            JsonObject line = stream.nextMessage(5000);
            assertNotNull(line);
            assertEquals(snapshot, line.getJsonObject("result"), "the stream's message is the snapshot route's body");
        }
    }

    @Test
    void refusalsHaveTheContractsErrorShape() throws Exception {
        String ns = namespace();
        Api.Reply reply = api.send("GET", V2 + ns + "/stream", null, null);
        reply.assertError(401, 16, "request was not authenticated");
        api.send("GET", V2 + ns + "/snapshot", null, null).assertError(401, 16, "request was not authenticated");
        String bearer = "Bearer " + TOKEN;
        api.send("GET", "/client/v2/environments/production/namespaces/" + ns + "/stream", null, null,
                "Authorization", bearer).assertError(404, 5, "environment \"production\" not found");
        api.send("GET", "/client/v2/environments/production/namespaces/" + ns + "/snapshot", null, null,
                "Authorization", bearer).assertError(404, 5, "environment \"production\" not found");
        api.send("GET", V2 + ns + "/stream?digest=abc", null, null, "Authorization", bearer)
                .assertError(400, 3, "invalid field digest: must be a 40-character string");
        api.send("GET", V2 + "nope/snapshot", null, null, "Authorization", bearer)
                .assertError(404, 5, "evaluation snapshot for namespace \"nope\" not found");
        api.send("GET", "/client/v2/environments/default/namespaces", null, null, "Authorization", bearer)
                .assertError(404, 5, "Not Found");
        api.send("POST", V2 + ns + "/stream", "{}", "application/json", "Authorization", bearer)
                .assertError(501, 12, "Method Not Allowed");

        // a namespace-scoped token: its namespace only, as on /internal/v1/evaluation/snapshot
        String scoped = post("/auth/v1/method/token", "{\"name\":\"sdk\",\"namespaceKey\":\"" + ns + "\"}")
                .getString("clientToken");
        api.send("GET", V2 + "default/stream", null, null, "Authorization", "Bearer " + scoped)
                .assertError(401, 16, "request was not authenticated");
        api.send("GET", V2 + "default/snapshot", null, null, "Authorization", "Bearer " + scoped)
                .assertError(401, 16, "request was not authenticated");
        try (Stream stream = Stream.open(server.url().getPort(), V2 + ns + "/stream", scoped)) {
            assertEquals(200, stream.status);
            assertNotNull(stream.nextMessage(5000), "its own namespace streams");
        }
    }

    /**
     * A client that stops reading: writes still answer at once, another stream still gets each change (the bound
     * here is looser than 1 s: each of these snapshots is 240 KB, built and parsed on a shared machine; the
     * figures are printed), and when the stalled client reads again it ends with the newest snapshot.
     */
    @Test
    void aStalledClientDelaysNeitherWritesNorOtherStreams() throws Exception {
        String ns = namespace();
        String p = "/api/v1/namespaces/" + ns;
        String big = "{\\\"blob\\\":\\\"" + "x".repeat(60_000) + "\\\"}";
        for (int i = 0; i < 4; i++) {
            post(p + "/flags", "{\"key\":\"f" + i + "\",\"name\":\"F\"}");
            String id = post(p + "/flags/f" + i + "/variants", "{\"key\":\"v\",\"attachment\":\"" + big + "\"}")
                    .getString("id");
            put(p + "/flags/f" + i, "{\"name\":\"F\",\"defaultVariantId\":\"" + id + "\"}");
        }
        try (Stream stalled = Stream.openStalled(server.url().getPort(), V2 + ns + "/stream", TOKEN);
             Stream healthy = Stream.open(server.url().getPort(), V2 + ns + "/stream", TOKEN)) {
            assertNotNull(healthy.nextMessage(5000));
            long slowestWrite = 0;
            long slowestDelivery = 0;
            int changes = 40;
            for (int i = 1; i <= changes; i++) {
                long start = System.nanoTime();
                put(p + "/flags/f0", "{\"name\":\"F\",\"enabled\":" + (i % 2 == 1) + "}");
                slowestWrite = Math.max(slowestWrite, System.nanoTime() - start);
                JsonObject next = healthy.nextMessage(10_000);
                assertNotNull(next, "change " + i + " reaches the healthy stream");
                slowestDelivery = Math.max(slowestDelivery, System.nanoTime() - start);
            }
            System.out.println("[flagstaff-it] with a stalled client (" + (changes * 240) + " KB offered to it): "
                    + "slowest write " + TimeUnit.NANOSECONDS.toMillis(slowestWrite) + " ms, slowest delivery "
                    + "to the healthy stream " + TimeUnit.NANOSECONDS.toMillis(slowestDelivery) + " ms");
            assertTrue(slowestWrite < TimeUnit.SECONDS.toNanos(3), "writes never wait for a stream");
            assertTrue(slowestDelivery < TimeUnit.SECONDS.toNanos(3), "the stalled stream delays no other");
            String lastDigest = snapshotEtag(ns);
            List<JsonObject> drained = stalled.resumeAndDrain(lastDigest, 10_000);
            System.out.println("[flagstaff-it] the stalled client, reading again, got " + drained.size()
                    + " of " + (changes + 1) + " snapshots");
            assertEquals(lastDigest, drained.get(drained.size() - 1).getJsonObject("result").getString("digest"),
                    "it ends with the newest snapshot");
            // how many it gets depends on how much the server's connection buffers before it reports the client
            // as not ready (Payara's Grizzly queues several MB per connection); past that, Flagstaff keeps one
            // unsent snapshot per stream, the newest (StreamConnectionTest)
            assertTrue(drained.size() <= changes + 1, "no snapshot twice");
        }
    }

    /**
     * Flipt's official JavaScript client SDK, unmodified, against this server: it fetches the v1 namespace snapshot
     * and evaluates with Flipt's own engine (WebAssembly), so its variants must be the server's for every entity
     * (same bucketing), and with {@code updateInterval: 1} a change reaches it within its poll interval plus a fetch.
     * Version 0.5.1, the newest on npm, has no streaming mode; the framing of the v2 stream is checked above.
     */
    @Test
    void theOfficialJavaScriptSdkEvaluatesAsTheServerAndSeesAChange() throws Exception {
        String ns = namespace();
        post("/api/v1/namespaces/" + ns + "/flags", "{\"key\":\"dark\",\"name\":\"Dark\",\"type\":\"BOOLEAN_FLAG_TYPE\"}");
        post("/api/v1/namespaces/" + ns + "/flags", "{\"key\":\"color\",\"name\":\"Color\",\"enabled\":true}");
        String red = post("/api/v1/namespaces/" + ns + "/flags/color/variants", "{\"key\":\"red\"}").getString("id");
        String blue = post("/api/v1/namespaces/" + ns + "/flags/color/variants", "{\"key\":\"blue\"}").getString("id");
        post("/api/v1/namespaces/" + ns + "/segments", "{\"key\":\"all\",\"name\":\"All\",\"matchType\":\"ALL_MATCH_TYPE\"}");
        String rule = post("/api/v1/namespaces/" + ns + "/flags/color/rules", "{\"segmentKey\":\"all\",\"rank\":1}")
                .getString("id");
        post("/api/v1/namespaces/" + ns + "/flags/color/rules/" + rule + "/distributions",
                "{\"variantId\":\"" + red + "\",\"rollout\":30}");
        post("/api/v1/namespaces/" + ns + "/flags/color/rules/" + rule + "/distributions",
                "{\"variantId\":\"" + blue + "\",\"rollout\":70}");
        int entities = 200;
        try (NodeSdk sdk = NodeSdk.follow(server.url().toString().replaceAll("/$", ""), TOKEN, ns, "dark", "color",
                String.valueOf(entities))) {
            String ready = sdk.nextLine(60_000);
            assertNotNull(ready, "the SDK initialised against Flagstaff");
            JsonObject first = Json.createReader(new StringReader(ready)).readObject();
            assertFalse(first.getBoolean("enabled"), ready);
            JsonObject variants = first.getJsonObject("variants");
            int red30 = 0;
            for (int i = 0; i < entities; i++) {
                String entity = "e" + i;
                String expected = post("/evaluate/v1/variant", "{\"namespaceKey\":\"" + ns
                        + "\",\"flagKey\":\"color\",\"entityId\":\"" + entity + "\",\"context\":{}}")
                        .getString("variantKey");
                assertEquals(expected, variants.getString(entity), "the SDK's variant for " + entity + " is the server's");
                red30 += expected.equals("red") ? 1 : 0;
            }
            assertTrue(red30 > 30 && red30 < 90, "a 30/70 split over 200 entities gave " + red30 + " red");

            sdk.send("go");
            put("/api/v1/namespaces/" + ns + "/flags/dark", "{\"name\":\"Dark\",\"enabled\":true}");
            String changed = sdk.nextLine(25_000);
            assertNotNull(changed, "the SDK answered after the change");
            JsonObject change = Json.createReader(new StringReader(changed)).readObject();
            assertTrue(change.getBoolean("changed"), "the SDK saw the change: " + changed);
            assertTrue(change.getBoolean("enabled"));
            long millis = change.getJsonNumber("millis").longValue();
            System.out.println("[flagstaff-it] the Flipt JavaScript SDK (polling every 1 s) saw the change " + millis
                    + " ms after the write was sent");
            assertTrue(millis <= 3000, "within the SDK's 1 s poll interval plus a fetch: " + millis + " ms");
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private String namespace() {
        String ns = "st" + UUID.randomUUID().toString().substring(0, 8);
        post("/api/v1/namespaces", "{\"key\":\"" + ns + "\",\"name\":\"Stream\"}");
        return ns;
    }

    private JsonObject post(String path, String json) {
        return api.send("POST", path, json, "application/json", "Authorization", "Bearer " + TOKEN).ok();
    }

    private JsonObject put(String path, String json) {
        return api.send("PUT", path, json, "application/json", "Authorization", "Bearer " + TOKEN).ok();
    }

    private String snapshotEtag(String ns) {
        return api.header("GET", "/internal/v1/evaluation/snapshot/namespace/" + ns, "ETag",
                "Authorization", "Bearer " + TOKEN);
    }

    /**
     * A stream read over a raw HTTP/1.1 connection: the status and headers, then the chunked body decoded and
     * split into lines (each a message) and single spaces before a line's JSON (keep-alives).
     */
    static final class Stream implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        final int status;
        final Map<String, String> headers = new HashMap<>();
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private volatile int keepAlives;
        private Thread reader;

        private Stream(Socket socket, String path, String token) throws IOException {
            this.socket = socket;
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(10_000);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 64 * 1024);
            String statusLine = readLine();
            status = Integer.parseInt(statusLine.split(" ")[1]);
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
            }
            socket.setSoTimeout(0);
        }

        static Stream open(int port, String path, String token) throws IOException {
            Stream stream = new Stream(new Socket("127.0.0.1", port), path, token);
            stream.startReading();
            return stream;
        }

        /** A stream whose body is not read until {@link #resumeAndDrain}, with a small receive window. */
        static Stream openStalled(int port, String path, String token) throws IOException {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
            return new Stream(socket, path, token);
        }

        private void startReading() {
            assertEquals("chunked", headers.get("transfer-encoding"), "a stream is chunked");
            reader = new Thread(() -> {
                StringBuilder line = new StringBuilder();
                try {
                    for (int b = nextBodyByte(); b >= 0; b = nextBodyByte()) {
                        if (b == '\n') {
                            lines.add(line.toString());
                            line.setLength(0);
                        } else if (b == ' ' && line.isEmpty()) {
                            keepAlives++;
                        } else {
                            line.append((char) b);
                        }
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "stream-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** Reads until a message with {@code digest} arrives; returns every message read. */
        List<JsonObject> resumeAndDrain(String digest, long timeoutMillis) throws InterruptedException {
            startReading();
            List<JsonObject> all = new ArrayList<>();
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (System.currentTimeMillis() < deadline) {
                JsonObject next = nextMessage(Math.max(1, deadline - System.currentTimeMillis()));
                if (next == null) {
                    break;
                }
                all.add(next);
                if (digest.equals(next.getJsonObject("result").getString("digest"))) {
                    break;
                }
            }
            return all;
        }

        JsonObject nextMessage(long timeoutMillis) throws InterruptedException {
            String line = lines.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            if (line == null) {
                return null;
            }
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                return reader.readObject();
            }
        }

        int keepAlives() {
            return keepAlives;
        }

        private int chunkLeft;

        /** The next byte of the chunked body, -1 at its end. */
        private int nextBodyByte() throws IOException {
            if (chunkLeft == 0) {
                String size = readLine();
                if (size.isEmpty()) {
                    size = readLine(); // the CRLF after the previous chunk
                }
                chunkLeft = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (chunkLeft == 0) {
                    return -1;
                }
            }
            int b = in.read();
            if (b < 0) {
                return -1;
            }
            chunkLeft--;
            return b;
        }

        private String readLine() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) b);
            }
            throw new IOException("connection closed");
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
