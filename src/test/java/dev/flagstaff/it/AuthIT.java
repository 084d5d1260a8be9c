package dev.flagstaff.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Authentication required (issue 5), on a Payara Micro process of its own started with
 * {@code flagstaff.auth.required=true}, a bootstrap token and a Keycloak-like IdP: an issuer and a JWKS URL
 * served by this test, with RSA keys made here. Runs on each database of the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthIT {

    private static final String BOOTSTRAP = "bootstrap-" + UUID.randomUUID();
    private static final String ISSUER_PATH = "/realms/acme";
    private static final String UNAUTHENTICATED = "request was not authenticated";

    private final KeyPair idpKey = rsa();
    private final KeyPair strangerKey = rsa();
    private HttpServer idp;
    private String issuer;
    private PayaraProcess server;
    private Api api;

    @BeforeAll
    void start() throws IOException {
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] jwks = jwks((RSAPublicKey) idpKey.getPublic()).getBytes(StandardCharsets.UTF_8);
        idp.createContext(ISSUER_PATH + "/protocol/openid-connect/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        idp.start();
        issuer = "http://127.0.0.1:" + idp.getAddress().getPort() + ISSUER_PATH;
        Map<String, String> settings = new HashMap<>(TestDatabase.ownDatabase("auth"));
        settings.put("mp.jwt.verify.issuer", issuer);
        settings.put("mp.jwt.verify.publickey.location", issuer + "/protocol/openid-connect/certs");
        settings.put("flagstaff.auth.roles.editor", "flag-editors");
        settings.put("flagstaff.auth.roles.admin", "platform,admin");
        Map<String, String> environment = Map.of("FLAGSTAFF_AUTH_REQUIRED", "true",
                "FLAGSTAFF_AUTH_BOOTSTRAP_TOKEN", BOOTSTRAP);
        server = PayaraProcess.start("auth", settings, environment).awaitReady();
        api = new Api(server.url());
        awaitServing();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            String log = server.log();
            server.close();
            assertFalse(log.contains(BOOTSTRAP), "the bootstrap token never reaches the log");
        }
        if (idp != null) {
            idp.stop(0);
        }
    }

    @Test
    void withoutACredentialOnlyPublicRoutesAnswer() {
        api.get("/api/v1/namespaces").assertError(401, 16, UNAUTHENTICATED);
        api.get("/api/v1/flags/x").assertError(401, 16, UNAUTHENTICATED);
        api.post("/evaluate/v1/boolean", "{\"flagKey\":\"x\",\"entityId\":\"e\"}").assertError(401, 16, UNAUTHENTICATED);
        api.get("/internal/v1/evaluation/snapshot/namespace/default").assertError(401, 16, UNAUTHENTICATED);
        api.get("/auth/v1/self").assertError(401, 16, UNAUTHENTICATED);
        api.post("/auth/v1/method/token", "{\"name\":\"x\"}").assertError(401, 16, UNAUTHENTICATED);
        assertEquals(UNAUTHENTICATED, api.header("GET", "/api/v1/namespaces", "WWW-Authenticate"));
        // OFREP answers in its own error shape, without the header (contract 7)
        Api.Reply ofrep = api.post("/ofrep/v1/evaluate/flags", "{}");
        assertEquals(401, ofrep.status());
        assertEquals("{\"errorCode\":\"GENERAL\",\"errorDetails\":\"" + UNAUTHENTICATED + "\"}", ofrep.body());
        assertEquals(null, api.header("POST", "/ofrep/v1/evaluate/flags/x", "WWW-Authenticate"));
        Api.Reply invalid = api.send("POST", "/ofrep/v1/evaluate/flags/x", "{}", "application/json",
                "Authorization", "Bearer nope");
        assertEquals("{\"key\":\"x\",\"errorCode\":\"GENERAL\",\"errorDetails\":\"" + UNAUTHENTICATED + "\"}",
                invalid.body());
        assertEquals(401, invalid.status());
        JsonArray methods = api.get("/auth/v1/method").ok().getJsonArray("methods");
        assertEquals("METHOD_TOKEN", methods.getJsonObject(0).getString("method"));
        assertTrue(methods.getJsonObject(0).getBoolean("enabled"));
        assertEquals("METHOD_JWT", methods.getJsonObject(4).getString("method"));
        assertTrue(methods.getJsonObject(4).getBoolean("enabled"), "an IdP is configured");
        // an unknown path stays a 404, a wrong method a 501
        assertEquals(404, api.get("/api/v1/nothing/here").status());
    }

    @Test
    void aPresentButInvalidCredentialIs401EvenOnPublicRoutes() {
        long now = Instant.now().getEpochSecond();
        List<String> bad = List.of(
                "Bearer not-a-token",
                "Bearer " + BOOTSTRAP + "x",
                "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)),
                "bearer " + BOOTSTRAP,
                "Bearer " + jwt(idpKey, issuer, "alice", List.of("admin"), now - 7200, now - 3600),
                "Bearer " + jwt(strangerKey, issuer, "alice", List.of("admin"), now, now + 600),
                "Bearer " + jwt(idpKey, "https://elsewhere.example/realms/acme", "alice", List.of("admin"), now, now + 600));
        for (String authorization : bad) {
            for (String path : List.of("/api/v1/namespaces", "/auth/v1/method")) {
                api.send("GET", path, null, null, "Authorization", authorization)
                        .assertError(401, 16, UNAUTHENTICATED);
            }
        }
        api.send("GET", "/api/v1/namespaces", null, null, "Cookie", "flipt_client_token=nope")
                .assertError(401, 16, UNAUTHENTICATED);
    }

    @Test
    void theBootstrapTokenCreatesTokensWhoseRolesDecide() {
        String viewer = token("{\"name\":\"viewer\",\"role\":\"viewer\"}");
        String editor = token("{\"name\":\"editor\",\"role\":\"editor\"}");
        String admin = token("{\"name\":\"admin\"}");
        as(admin).post("/api/v1/flags", "{\"key\":\"roles\",\"name\":\"Roles\",\"type\":\"BOOLEAN_FLAG_TYPE\"}").ok();
        Map<String, List<Integer>> expected = Map.of(viewer, List.of(200, 200, 403, 403, 403),
                editor, List.of(200, 200, 200, 403, 403), admin, List.of(200, 200, 200, 200, 200));
        for (Map.Entry<String, List<Integer>> e : expected.entrySet()) {
            Authed as = as(e.getKey());
            String ns = "ns" + UUID.randomUUID().toString().substring(0, 8);
            List<Integer> actual = List.of(
                    as.get("/api/v1/flags/roles").status(),
                    as.post("/evaluate/v1/boolean", "{\"flagKey\":\"roles\",\"entityId\":\"e\"}").status(),
                    as.put("/api/v1/flags/roles", "{\"name\":\"Roles\",\"enabled\":true}").status(),
                    as.post("/api/v1/namespaces", "{\"key\":\"" + ns + "\",\"name\":\"N\"}").status(),
                    as.get("/auth/v1/tokens").status());
            assertEquals(e.getValue(), actual, "read, evaluate, write, namespace, tokens");
        }
        as(viewer).put("/api/v1/flags/roles", "{\"name\":\"x\"}").assertError(403, 7, "permission denied");
        as(admin).post("/auth/v1/method/token", "{\"name\":\"x\",\"role\":\"owner\"}")
                .assertError(400, 3, "invalid field role: must be one of viewer, editor, admin");
        JsonObject self = as(editor).get("/auth/v1/self").ok();
        assertEquals("METHOD_TOKEN", self.getString("method"));
        assertEquals("editor", self.getJsonObject("metadata").getString("io.flagstaff.auth.token.role"));
        assertEquals("editor", self.getJsonObject("metadata").getString("io.flipt.auth.token.name"));
        // the cookie Flipt's UI uses works like the header
        assertEquals(200, api.send("GET", "/api/v1/flags/roles", null, null,
                "Cookie", "flipt_client_token=" + viewer).status());
    }

    @Test
    void deletedExpiredAndSelfExpiredTokensAreRefusedOnTheNextRequest() {
        JsonObject created = create("{\"name\":\"revoked\",\"role\":\"viewer\"}");
        String revoked = created.getString("clientToken");
        assertEquals(44, revoked.length());
        assertEquals(200, as(revoked).get("/api/v1/namespaces").status());
        String id = created.getJsonObject("authentication").getString("id");
        as(BOOTSTRAP).delete("/auth/v1/tokens/" + id).ok();
        as(revoked).get("/api/v1/namespaces").assertError(401, 16, UNAUTHENTICATED);
        as(BOOTSTRAP).delete("/auth/v1/tokens/" + id).ok(); // idempotent
        as(BOOTSTRAP).get("/auth/v1/tokens/" + id).assertError(404, 5,
                "getting authentication by token: reading authentication: resource not found");

        String leaving = token("{\"name\":\"leaving\",\"role\":\"viewer\"}");
        assertEquals(200, as(leaving).get("/api/v1/namespaces").status());
        assertEquals("{}", as(leaving).put("/auth/v1/self/expire", "").ok().toString());
        as(leaving).get("/api/v1/namespaces").assertError(401, 16, UNAUTHENTICATED);

        JsonObject past = create("{\"name\":\"past\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}");
        assertEquals("2020-01-01T00:00:00Z", past.getJsonObject("authentication").getString("expiresAt"));
        as(past.getString("clientToken")).get("/api/v1/namespaces").assertError(401, 16, UNAUTHENTICATED);

        String later = token("{\"name\":\"later\",\"role\":\"viewer\"}");
        as(later).put("/auth/v1/self/expire?expiresAt=2099-01-01T00:00:00Z", "").ok();
        assertEquals("2099-01-01T00:00:00Z", as(later).get("/auth/v1/self").ok().getString("expiresAt"));
        as(later).put("/auth/v1/self/expire?expiresAt=tomorrow", "").assertError(400, 3,
                "parsing field \"expires_at\": \"tomorrow\" is not a valid timestamp");
    }

    @Test
    void namespaceScopedTokensStayInTheirNamespace() {
        as(BOOTSTRAP).post("/api/v1/namespaces", "{\"key\":\"scoped\",\"name\":\"Scoped\"}");
        as(BOOTSTRAP).post("/api/v1/namespaces/scoped/flags",
                "{\"key\":\"f\",\"name\":\"F\",\"type\":\"BOOLEAN_FLAG_TYPE\"}").ok();
        JsonObject created = create("{\"name\":\"prod\",\"namespaceKey\":\"scoped\",\"role\":\"editor\"}");
        assertEquals("scoped", created.getJsonObject("authentication").getJsonObject("metadata")
                .getString("io.flipt.auth.token.namespace"));
        Authed scoped = as(created.getString("clientToken"));
        // its namespace, by path, query and body
        assertEquals(200, scoped.get("/api/v1/namespaces/scoped/flags/f").status());
        assertEquals(200, scoped.get("/api/v1/flags/f?namespaceKey=scoped").status());
        assertEquals(200, scoped.get("/api/v1/namespaces/scoped").status());
        assertEquals(200, scoped.post("/api/v1/flags", "{\"namespaceKey\":\"scoped\",\"key\":\"g\",\"name\":\"G\"}").status());
        assertEquals(200, scoped.post("/evaluate/v1/boolean",
                "{\"namespaceKey\":\"scoped\",\"flagKey\":\"f\",\"entityId\":\"e\"}").status());
        assertEquals(200, scoped.post("/evaluate/v1/batch", "{\"requests\":[{\"namespaceKey\":\"scoped\","
                + "\"flagKey\":\"f\",\"entityId\":\"e\"}]}").status());
        assertEquals(200, scoped.post("/api/v1/namespaces/scoped/batch-evaluate", "{\"requests\":[]}").status());
        assertEquals(200, scoped.get("/internal/v1/evaluation/snapshot/namespace/scoped").status());
        // anything else: 401, not 403
        for (Api.Reply reply : List.of(
                scoped.get("/api/v1/namespaces/default/flags"),
                scoped.get("/api/v1/flags/f"),
                scoped.get("/api/v1/namespaces/default"),
                scoped.get("/api/v1/namespaces"),
                scoped.post("/api/v1/flags", "{\"key\":\"h\",\"name\":\"H\"}"),
                scoped.post("/evaluate/v1/boolean", "{\"flagKey\":\"f\",\"entityId\":\"e\"}"),
                scoped.post("/evaluate/v1/batch", "{\"requests\":[{\"namespaceKey\":\"scoped\",\"flagKey\":\"f\","
                        + "\"entityId\":\"e\"},{\"flagKey\":\"f\",\"entityId\":\"e\"}]}"),
                scoped.post("/api/v1/batch-evaluate", "{\"requests\":[]}"),
                scoped.post("/api/v1/evaluate", "{\"flagKey\":\"f\",\"entityId\":\"e\"}"),
                scoped.get("/internal/v1/evaluation/snapshot/namespace/default"),
                scoped.get("/auth/v1/self"))) {
            reply.assertError(401, 16, UNAUTHENTICATED);
        }
        Api.Reply ofrep = scoped.post("/ofrep/v1/evaluate/flags/f", "{\"context\":{\"targetingKey\":\"e\"}}");
        assertEquals(401, ofrep.status());
        assertEquals("{\"key\":\"f\",\"errorCode\":\"GENERAL\",\"errorDetails\":\"" + UNAUTHENTICATED + "\"}", ofrep.body());
        // a scoped token is still limited by its role
        scoped.put("/api/v1/namespaces/scoped", "{\"name\":\"x\"}").assertError(403, 7, "permission denied");
    }

    @Test
    void idpTokensAreVerifiedByTheServerAndMappedToRoles() {
        long now = Instant.now().getEpochSecond();
        Authed editor = as(jwt(idpKey, issuer, "alice", List.of("flag-editors", "staff"), now, now + 600));
        JsonObject self = editor.get("/auth/v1/self").ok();
        assertEquals("METHOD_JWT", self.getString("method"));
        JsonObject metadata = self.getJsonObject("metadata");
        assertEquals("alice", metadata.getString("io.flipt.auth.jwt.sub"));
        assertEquals("Alice alice", metadata.getString("io.flipt.auth.jwt.name"));
        assertEquals("alice@example.com", metadata.getString("io.flipt.auth.jwt.email"));
        assertEquals(issuer, metadata.getString("io.flipt.auth.jwt.issuer"));
        assertEquals("flag-editors,staff", metadata.getString("io.flagstaff.auth.jwt.groups"));
        assertEquals("editor", metadata.getString("io.flipt.auth.jwt.role"));
        assertEquals(200, editor.post("/api/v1/flags", "{\"key\":\"idp\",\"name\":\"IdP\"}").status());
        editor.post("/api/v1/namespaces", "{\"key\":\"idp\",\"name\":\"IdP\"}").assertError(403, 7, "permission denied");

        Authed platform = as(jwt(idpKey, issuer, "bob", List.of("platform"), now, now + 600));
        assertEquals(200, platform.get("/auth/v1/tokens").status());

        Authed stranger = as(jwt(idpKey, issuer, "carol", List.of("marketing"), now, now + 600));
        stranger.get("/api/v1/flags").assertError(403, 7, "permission denied");
        assertFalse(stranger.get("/auth/v1/self").ok().getJsonObject("metadata").containsKey("io.flipt.auth.jwt.role"));
    }

    @Test
    void tokensAreListedInPagesOfTheirCreationOrder() {
        String prefix = "page-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        for (int i = 0; i < 3; i++) {
            create("{\"name\":\"" + prefix + i + "\",\"role\":\"viewer\"}");
        }
        Authed admin = as(BOOTSTRAP);
        List<String> names = new ArrayList<>();
        String pageToken = "";
        int pages = 0;
        do {
            JsonObject page = admin.get("/auth/v1/tokens?method=METHOD_TOKEN&limit=2"
                    + (pageToken.isEmpty() ? "" : "&pageToken=" + pageToken)).ok();
            assertFalse(page.containsKey("totalCount"));
            JsonArray items = page.getJsonArray("authentications");
            assertTrue(items.size() <= 2);
            items.forEach(v -> names.add(v.asJsonObject().getJsonObject("metadata").getString("io.flipt.auth.token.name")));
            pageToken = page.getString("nextPageToken");
            pages++;
        } while (!pageToken.isEmpty() && pages < 100);
        assertEquals("initial_bootstrap_token", names.get(0), "oldest first");
        List<String> mine = names.stream().filter(n -> n.startsWith(prefix)).toList();
        assertEquals(List.of(prefix + 0, prefix + 1, prefix + 2), mine);
        JsonObject all = admin.get("/auth/v1/tokens").ok();
        assertEquals(Math.min(25, names.size()), all.getJsonArray("authentications").size(), "25 by default");
        assertEquals("2", admin.get("/auth/v1/tokens?limit=2").ok().getString("nextPageToken"));
        assertEquals(0, admin.get("/auth/v1/tokens?method=METHOD_JWT").ok().getJsonArray("authentications").size());
        JsonObject first = admin.get("/auth/v1/tokens?limit=1").ok().getJsonArray("authentications").getJsonObject(0);
        assertEquals(first, admin.get("/auth/v1/tokens/" + first.getString("id")).ok());
    }

    // --- helpers

    private void awaitServing() {
        for (int i = 0; i < 60; i++) {
            if (api.get("/auth/v1/method").status() == 200) {
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("Flagstaff did not answer; log:\n" + server.log());
    }

    private JsonObject create(String request) {
        return as(BOOTSTRAP).post("/auth/v1/method/token", request).ok();
    }

    private String token(String request) {
        return create(request).getString("clientToken");
    }

    private Authed as(String bearer) {
        return new Authed(bearer);
    }

    /** The API as one caller sees it: every request carries {@code Authorization: Bearer <token>}. */
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

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JWT as Keycloak issues it, signed RS256 with {@code key} (kid {@code k1}). */
    private static String jwt(KeyPair key, String issuer, String subject, List<String> groups, long iat, long exp) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}";
        String payload = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"preferred_username\":\"" + subject + "\",\"name\":\"" + capitalised(subject) + " " + subject
                + "\",\"email\":\"" + subject + "@example.com\",\"groups\":[" + String.join(",",
                groups.stream().map(g -> "\"" + g + "\"").toList()) + "],\"iat\":" + iat + ",\"exp\":" + exp
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign((PrivateKey) key.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String jwks(RSAPublicKey key) {
        return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + b64(unsigned(key.getModulus())) + "\",\"e\":\"" + b64(unsigned(key.getPublicExponent())) + "\"}]}";
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
