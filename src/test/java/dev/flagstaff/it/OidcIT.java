package dev.flagstaff.it;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Single sign-on (issue 14) against a real OpenID provider started by this test (mock-oauth2-server in this JVM:
 * discovery, authorize, token and JWKS endpoints), on a Payara Micro process of its own with authentication
 * required and two providers. Chromium (Playwright) goes the whole redirect flow: the console's "Sign in with …"
 * button, the provider, Flagstaff's callback, back on the console with the role the groups give. Also the
 * Kubernetes service-account method and the CSRF protection of cookie sessions. Runs once, on H2.
 */
@Tag("embedded-only")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcIT {

    private static final String BOOTSTRAP = "bootstrap-" + UUID.randomUUID();
    private static final String CLIENT_SECRET = "secret-" + UUID.randomUUID();
    private static final String K8S_ISSUER = "https://kubernetes.default.svc.cluster.local";

    private MockOAuth2Server idp;
    private String idpBase;
    private PayaraProcess server;
    private Api api;
    private ConsoleBrowser browser;
    private final List<Page> pages = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void start() throws IOException {
        ConsoleBrowser.requireChromium();
        idp = new MockOAuth2Server();
        idp.start(InetAddress.getByName("127.0.0.1"), 0);
        // 127.0.0.1 for the provider, localhost for Flagstaff: two different sites, as in a real deployment
        idpBase = "http://127.0.0.1:" + idp.baseUrl().port();
        int port = PayaraProcess.freePort();
        String flagstaff = "http://localhost:" + port;
        Map<String, String> settings = new HashMap<>(TestDatabase.ownDatabase("oidc"));
        settings.put("flagstaff.auth.oidc.acme.issuer", idpBase + "/acme");
        settings.put("flagstaff.auth.oidc.acme.client-id", "flagstaff");
        settings.put("flagstaff.auth.oidc.acme.client-secret", CLIENT_SECRET);
        settings.put("flagstaff.auth.oidc.acme.redirect-address", flagstaff);
        settings.put("flagstaff.auth.oidc.partner.issuer", idpBase + "/partner");
        settings.put("flagstaff.auth.oidc.partner.client-id", "flagstaff-partner");
        settings.put("flagstaff.auth.oidc.partner.redirect-address", flagstaff + "/");
        settings.put("flagstaff.auth.oidc.partner.scopes", "email,profile,groups");
        settings.put("flagstaff.auth.roles.viewer", "staff");
        settings.put("flagstaff.auth.roles.editor", "flag-editors");
        settings.put("flagstaff.auth.roles.admin", "platform");
        settings.put("flagstaff.auth.session.token-lifetime", "2h");
        settings.put("flagstaff.auth.kubernetes.issuer", K8S_ISSUER);
        settings.put("flagstaff.auth.kubernetes.jwks-url", idpBase + "/k8s/jwks");
        settings.put("flagstaff.auth.kubernetes.role", "editor");
        server = PayaraProcess.start("oidc", settings, Map.of("FLAGSTAFF_AUTH_REQUIRED", "true",
                "FLAGSTAFF_AUTH_BOOTSTRAP_TOKEN", BOOTSTRAP), port); // assigned first: stop() ends it on failure
        server.awaitReady();
        api = new Api(server.url());
        for (int i = 0; i < 60 && api.get("/auth/v1/method").status() != 200; i++) {
            PayaraProcess.sleep(1000);
        }
        browser = ConsoleBrowser.start(server.url());
        browser.allowServer(idpBase);
        // the provider makes each issuer's signing key on first use: do that now, not inside a timed login
        for (String issuer : List.of("acme", "partner", "k8s", "not-the-cluster")) {
            assertEquals(200, new Api(URI.create(idpBase + "/").toURL()).get("/" + issuer + "/jwks").status());
        }
        // and Flagstaff reads both discovery documents once (it keeps them; a slow first answer would be a 503)
        for (String provider : List.of("acme", "partner")) {
            int status = 0;
            for (int i = 0; i < 10 && status != 200; i++) {
                status = api.get("/auth/v1/method/oidc/" + provider + "/authorize").status();
            }
            assertEquals(200, status, "discovery of " + provider);
        }
    }

    /** The page (e.g. the callback's error body) shows {@code text} within 30 s. */
    private static void shows(Page page, String text) {
        assertThat(page.locator("body")).containsText(text,
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
    }

    /** Visible within 30 s: a whole redirect flow on a loaded 2-core machine can take longer than the default. */
    private static void visible(com.microsoft.playwright.Locator locator) {
        assertThat(locator).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(30_000));
    }

    @AfterEach
    void clean() {
        pages.forEach(p -> p.context().close());
        pages.clear();
        if (browser != null) {
            browser.assertClean();
        }
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            String log = server.log();
            server.close();
            assertFalse(log.contains(CLIENT_SECRET), "the client secret never reaches the log");
            assertFalse(log.contains(BOOTSTRAP), "the bootstrap token never reaches the log");
        }
        if (idp != null) {
            idp.shutdown();
        }
    }

    /** The next login at {@code issuerId} is {@code subject} with these groups (and name, email). */
    private void nextUser(String issuerId, String subject, List<String> groups, Map<String, Object> extra) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("name", subject.substring(0, 1).toUpperCase() + subject.substring(1));
        claims.put("email", subject + "@example.com");
        claims.put("email_verified", true);
        claims.put("groups", groups);
        claims.putAll(extra);
        idp.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", null, claims, 3600));
    }

    private Page page() {
        Page page = browser.page();
        pages.add(page);
        return page;
    }

    /** Signs in through the console's button for {@code provider}; back on the console. */
    private Page signIn(String provider) {
        Page page = page();
        page.navigate("/");
        page.getByTestId("sso-" + provider).click();
        visible(page.getByTestId("namespace-switcher"));
        return page;
    }

    private static String sessionToken(Page page) {
        return page.context().cookies().stream().filter(c -> c.name.equals("flipt_client_token")).findFirst()
                .map(c -> c.value).orElse(null);
    }

    @Test
    void theMethodsListBothProvidersAndKubernetes() {
        JsonObject methods = api.get("/auth/v1/method").ok();
        JsonObject oidc = methods.getJsonArray("methods").getJsonObject(2);
        assertEquals("METHOD_OIDC", oidc.getString("method"));
        assertTrue(oidc.getBoolean("enabled"));
        assertTrue(oidc.getBoolean("sessionCompatible"));
        assertEquals(Json.createReader(new StringReader("{\"providers\":{"
                        + "\"acme\":{\"authorize_url\":\"/auth/v1/method/oidc/acme/authorize\",\"callback_url\":\"/auth/v1/method/oidc/acme/callback\"},"
                        + "\"partner\":{\"authorize_url\":\"/auth/v1/method/oidc/partner/authorize\",\"callback_url\":\"/auth/v1/method/oidc/partner/callback\"}}}"))
                .readObject(), oidc.getJsonObject("metadata"));
        JsonObject kubernetes = methods.getJsonArray("methods").getJsonObject(3);
        assertEquals("METHOD_KUBERNETES", kubernetes.getString("method"));
        assertTrue(kubernetes.getBoolean("enabled"));
        assertFalse(kubernetes.containsKey("metadata"));
        // behind a proxy that serves Flagstaff under a prefix, as Flipt
        assertEquals("/flags/auth/v1/method/oidc/acme/authorize", api.send("GET", "/auth/v1/method", null, null,
                        "X-Forwarded-Prefix", "/flags").ok().getJsonArray("methods").getJsonObject(2)
                .getJsonObject("metadata").getJsonObject("providers").getJsonObject("acme").getString("authorize_url"));
    }

    @Test
    void authorizeAnswersTheProvidersUrlWithPkceStateAndNonce() throws Exception {
        HttpResponse<String> response = get("/auth/v1/method/oidc/acme/authorize?state=from-the-ui", null);
        assertEquals(200, response.statusCode());
        String url = json(response.body()).getString("authorizeUrl");
        assertTrue(url.startsWith(idpBase + "/acme/authorize?"), url);
        Map<String, String> query = query(URI.create(url));
        assertEquals("code", query.get("response_type"));
        assertEquals("flagstaff", query.get("client_id"));
        assertEquals(server.url() + "auth/v1/method/oidc/acme/callback", query.get("redirect_uri"));
        assertEquals("openid email profile", query.get("scope"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertNotNull(query.get("code_challenge"));
        assertNotNull(query.get("nonce"));
        JsonObject state = json(new String(Base64.getUrlDecoder().decode(query.get("state")), StandardCharsets.UTF_8));
        assertEquals("from-the-ui", state.getString("original_state"));
        assertEquals(86, state.getString("security_token").length(), "64 random bytes, base64url");
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("flipt_client_state=" + query.get("state") + "."), cookie);
        assertTrue(cookie.endsWith("; Path=/auth/v1/method/oidc/acme/callback; Max-Age=600; HttpOnly; SameSite=Lax"),
                cookie);
        assertFalse(cookie.contains(query.get("code_challenge")), "the verifier is kept, not its challenge");
        api.get("/auth/v1/method/oidc/nope/authorize").assertError(404, 5,
                "authorize: requested provider \"nope\": provider not found");
        // the callback without the state cookie, with another state, or for an unknown provider
        api.get("/auth/v1/method/oidc/acme/callback?code=x&state=" + query.get("state"))
                .assertError(401, 16, "handling OIDC callback: missing state parameter");
        api.get("/auth/v1/method/oidc/acme/callback?code=x")
                .assertError(401, 16, "handling OIDC callback: missing state parameter");
        String stateCookie = cookie.substring(0, cookie.indexOf(';'));
        api.send("GET", "/auth/v1/method/oidc/acme/callback?code=x&state=other", null, null, "Cookie", stateCookie)
                .assertError(401, 16, "handling OIDC callback: unexpected state parameter");
        api.send("GET", "/auth/v1/method/oidc/nope/callback?code=x&state=" + query.get("state"), null, null,
                "Cookie", stateCookie).assertError(404, 5, "handling OIDC callback: requested provider \"nope\": provider not found");
        // a code that did not come from this login is worth nothing: the provider here hands out tokens for any
        // code, but the ID token lacks the nonce that this browser's state cookie holds
        api.send("GET", "/auth/v1/method/oidc/acme/callback?code=made-up&state=" + query.get("state"), null, null,
                "Cookie", stateCookie).assertError(401, 16, "handling OIDC callback: invalid ID token: Missing JWT "
                + "nonce (nonce) claim");
    }

    @Test
    void anEditorSignsInWritesAndSignsOutWhichEndsTheSession() {
        nextUser("acme", "alice", List.of("flag-editors", "unrelated"), Map.of());
        Page page = signIn("acme");
        assertThat(page.getByTestId("role")).hasText("editor");
        assertThat(page.getByTestId("user-name")).hasText("Alice");
        assertThat(page.getByTestId("user-email")).hasText("alice@example.com");
        ConsoleBrowser.screenshot(page, "sso-signed-in-light");
        Cookie cookie = page.context().cookies().stream().filter(c -> c.name.equals("flipt_client_token"))
                .findFirst().orElseThrow();
        assertTrue(cookie.httpOnly, "HttpOnly");
        assertEquals(SameSiteAttribute.STRICT, cookie.sameSite);
        assertFalse(cookie.secure, "not over plain HTTP");
        assertTrue(page.context().cookies().stream().noneMatch(c -> c.name.equals("flipt_client_state")),
                "the state cookie is cleared by the callback");
        JsonObject self = api.send("GET", "/auth/v1/self", null, null, "Cookie", "flipt_client_token=" + cookie.value).ok();
        assertEquals("METHOD_OIDC", self.getString("method"));
        JsonObject metadata = self.getJsonObject("metadata");
        assertEquals("acme", metadata.getString("io.flipt.auth.oidc.provider"));
        assertEquals("alice", metadata.getString("io.flipt.auth.oidc.sub"));
        assertEquals("alice@example.com", metadata.getString("io.flipt.auth.oidc.email"));
        assertEquals("true", metadata.getString("io.flipt.auth.oidc.email_verified"));
        assertEquals("Alice", metadata.getString("io.flipt.auth.oidc.name"));
        assertEquals("alice@example.com", metadata.getString("io.flipt.auth.email"));
        assertEquals("Alice", metadata.getString("io.flipt.auth.name"));
        assertEquals("editor", metadata.getString("io.flagstaff.auth.oidc.role"));
        assertEquals("flag-editors,unrelated", metadata.getString("io.flagstaff.auth.oidc.groups"));
        assertEquals("alice", json(metadata.getString("io.flipt.auth.claims")).getString("sub"));
        Duration lifetime = Duration.between(Instant.parse(self.getString("createdAt")),
                Instant.parse(self.getString("expiresAt")));
        assertEquals(Duration.ofHours(2).toSeconds(), lifetime.toSeconds(), 2, "flagstaff.auth.session.token-lifetime");

        // the console writes with the session (and its CSRF token)
        page.navigate("/#/namespaces/default/flags/new");
        page.getByTestId("flag-name").fill("Signed in with SSO");
        page.getByTestId("save-flag").click();
        assertThat(page.getByTestId("flag-page").locator("h1")).hasText("signed-in-with-sso");

        page.getByTestId("logout").click();
        visible(page.getByTestId("sso-acme"));
        assertEquals(null, sessionToken(page));
        api.send("GET", "/auth/v1/self", null, null, "Cookie", "flipt_client_token=" + cookie.value)
                .assertError(401, 16, "request was not authenticated");
    }

    @Test
    void aViewerOfTheSecondProviderCannotWrite() {
        nextUser("partner", "victor", List.of("staff"), Map.of());
        Page page = signIn("partner");
        assertThat(page.getByTestId("role")).hasText("viewer");
        assertThat(page.getByTestId("new-flag")).isHidden();
        String token = sessionToken(page);
        api.send("POST", "/api/v1/flags", "{\"key\":\"by_viewer\",\"name\":\"x\"}", "application/json",
                "Cookie", "flipt_client_token=" + token, "X-CSRF-Token", csrf(token))
                .assertError(403, 7, "permission denied");
        assertEquals("partner", api.send("GET", "/auth/v1/self", null, null, "Cookie", "flipt_client_token=" + token)
                .ok().getJsonObject("metadata").getString("io.flipt.auth.oidc.provider"));
    }

    @Test
    void aSessionCookieWritesOnlyWithItsCsrfTokenAndFromTheSameOrigin() {
        nextUser("acme", "carol", List.of("platform"), Map.of());
        Page page = signIn("acme");
        assertThat(page.getByTestId("role")).hasText("admin");
        String token = sessionToken(page);
        String cookie = "flipt_client_token=" + token;
        String csrf = csrf(token);
        String body = "{\"key\":\"csrf_checked\",\"name\":\"CSRF\"}";
        String refused = "permission denied: the session's X-CSRF-Token header is missing or does not match";
        api.send("POST", "/api/v1/flags", body, "application/json", "Cookie", cookie).assertError(403, 7, refused);
        api.send("POST", "/api/v1/flags", body, "application/json", "Cookie", cookie, "X-CSRF-Token", "guess")
                .assertError(403, 7, refused);
        api.send("POST", "/api/v1/flags", body, "application/json", "Cookie", cookie, "X-CSRF-Token", csrf,
                "Sec-Fetch-Site", "cross-site").assertError(403, 7,
                "permission denied: cross-origin request refused (Sec-Fetch-Site: cross-site)");
        api.send("POST", "/api/v1/flags", body, "application/json", "Cookie", cookie, "X-CSRF-Token", csrf,
                "Origin", "http://evil.example").assertError(403, 7,
                "permission denied: cross-origin request refused (Origin does not match Host)");
        assertEquals("csrf_checked", api.send("POST", "/api/v1/flags", body, "application/json", "Cookie", cookie,
                "X-CSRF-Token", csrf, "Sec-Fetch-Site", "same-origin").ok().getString("key"));
        // nor can another site's page sign the browser in with a token of its choosing (login CSRF)
        api.send("POST", "/auth/v1/session", "{\"clientToken\":\"" + BOOTSTRAP + "\"}", "application/json",
                "Sec-Fetch-Site", "cross-site").assertError(403, 7,
                "permission denied: cross-origin request refused (Sec-Fetch-Site: cross-site)");
        // reads need no token, bearer requests are not affected
        assertEquals(200, api.send("GET", "/api/v1/flags/csrf_checked", null, null, "Cookie", cookie).status());
        assertEquals("{}", api.send("DELETE", "/api/v1/flags/csrf_checked", null, null,
                "Authorization", "Bearer " + BOOTSTRAP, "Sec-Fetch-Site", "cross-site").body());
        // a page of another site cannot write with the browser's cookie
        Page evil = page.context().newPage();
        evil.navigate(idpBase + "/acme/.well-known/openid-configuration");
        Object status = evil.evaluate("async base => { try { const r = await fetch(base + 'api/v1/flags', { method: "
                + "'POST', mode: 'no-cors', credentials: 'include', body: '{\"key\":\"forged\",\"name\":\"F\"}' });"
                + " return 'sent'; } catch (e) { return 'blocked'; } }", server.url().toString());
        assertNotNull(status);
        assertEquals(404, api.send("GET", "/api/v1/flags/forged", null, null, "Authorization", "Bearer " + BOOTSTRAP)
                .status(), "the forged write did not happen");
    }

    @Test
    void anExpiredSessionBringsTheLoginBack() {
        nextUser("acme", "erin", List.of("flag-editors"), Map.of());
        Page page = signIn("acme");
        String token = sessionToken(page);
        String soon = Instant.now().plusSeconds(1).toString();
        assertEquals("{}", api.send("PUT", "/auth/v1/self/expire?expiresAt=" + soon, null, null,
                "Cookie", "flipt_client_token=" + token, "X-CSRF-Token", csrf(token)).body());
        PayaraProcess.sleep(2000);
        page.navigate("/#/namespaces/default/segments");
        page.reload();
        visible(page.getByTestId("sso-acme"));
        assertThat(page.getByTestId("login-token")).isVisible();
    }

    @Test
    void aTamperedStateIsRefusedInTheBrowser() {
        Page page = page();
        page.navigate("/");
        assertThat(page.getByTestId("sso-acme")).isVisible();
        String authorizeUrl = (String) page.evaluate("async () => (await (await fetch("
                + "'/auth/v1/method/oidc/acme/authorize?state=x')).json()).authorizeUrl");
        assertNotNull(authorizeUrl, "authorize answered");
        String state = query(URI.create(authorizeUrl)).get("state");
        String tampered = authorizeUrl.replace("state=" + state, "state=" + state.substring(0, state.length() - 2) + "AA");
        page.navigate(tampered);
        shows(page, "handling OIDC callback: unexpected state parameter");
        assertEquals(null, sessionToken(page));
    }

    @Test
    void anIdTokenOfAnotherIssuerIsRefused() {
        nextUser("acme", "mallory", List.of("platform"), Map.of("iss", "http://127.0.0.1:1/elsewhere"));
        Page page = page();
        page.navigate("/");
        page.getByTestId("sso-acme").click();
        shows(page, "handling OIDC callback: invalid ID token: Unexpected JWT issuer");
        assertEquals(null, sessionToken(page));
    }

    @Test
    void aUserWhoseGroupsGiveNoRoleGetsNoSession() {
        nextUser("acme", "nobody", List.of("marketing"), Map.of());
        Page page = page();
        page.navigate("/");
        page.getByTestId("sso-acme").click();
        shows(page, "handling OIDC callback: permission denied: none of the user's "
                + "groups [marketing] gives a role");
        assertEquals(null, sessionToken(page));
    }

    @Test
    void aKubernetesServiceAccountTradesItsTokenForAClientToken() {
        Instant expiry = Instant.now().plusSeconds(600);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", K8S_ISSUER);
        claims.put("sub", "system:serviceaccount:prod:checkout");
        claims.put("aud", List.of(K8S_ISSUER));
        claims.put("kubernetes.io", Map.of("namespace", "prod",
                "pod", Map.of("name", "checkout-7d9f", "uid", "pod-uid-1"),
                "serviceaccount", Map.of("name", "checkout", "uid", "sa-uid-1")));
        String token = serviceAccountToken("k8s", claims);
        JsonObject answer = api.post("/auth/v1/method/kubernetes/serviceaccount",
                "{\"serviceAccountToken\":\"" + token + "\"}").ok();
        JsonObject authentication = answer.getJsonObject("authentication");
        assertEquals("METHOD_KUBERNETES", authentication.getString("method"));
        JsonObject metadata = authentication.getJsonObject("metadata");
        assertEquals("prod", metadata.getString("io.flipt.auth.k8s.namespace"));
        assertEquals("checkout-7d9f", metadata.getString("io.flipt.auth.k8s.pod.name"));
        assertEquals("pod-uid-1", metadata.getString("io.flipt.auth.k8s.pod.uid"));
        assertEquals("checkout", metadata.getString("io.flipt.auth.k8s.serviceaccount.name"));
        assertEquals("sa-uid-1", metadata.getString("io.flipt.auth.k8s.serviceaccount.uid"));
        assertEquals("editor", metadata.getString("io.flagstaff.auth.k8s.role"));
        assertEquals(expiry.getEpochSecond(), Instant.parse(authentication.getString("expiresAt")).getEpochSecond(), 2,
                "expires with the service-account token");
        String clientToken = answer.getString("clientToken");
        assertEquals(200, api.send("POST", "/api/v1/flags", "{\"key\":\"from_k8s\",\"name\":\"K8s\"}",
                "application/json", "Authorization", "Bearer " + clientToken).status());

        Map<String, Object> wrongIssuer = new LinkedHashMap<>(claims);
        wrongIssuer.put("iss", "https://other-cluster.example");
        String foreign = serviceAccountToken("k8s", wrongIssuer);
        Api.Reply refused = api.post("/auth/v1/method/kubernetes/serviceaccount",
                "{\"serviceAccountToken\":\"" + foreign + "\"}");
        assertEquals(401, refused.status(), refused.body());
        assertTrue(refused.json().getString("message").startsWith("verifying service account: JWT iss claim"),
                refused.body());
        String otherKey = serviceAccountToken("not-the-cluster", claims);
        assertEquals(401, api.post("/auth/v1/method/kubernetes/serviceaccount",
                "{\"serviceAccountToken\":\"" + otherKey + "\"}").status());
        api.post("/auth/v1/method/kubernetes/serviceaccount", "{\"serviceAccountToken\":\"not-a-jwt\"}")
                .assertError(401, 16, "verifying service account: Invalid JWT serialization: Missing dot delimiter(s)");
        api.post("/auth/v1/method/kubernetes/serviceaccount", "{}")
                .assertError(400, 3, "invalid field serviceAccountToken: must not be empty");
    }

    /** A token as the cluster signs it: claims as given, signed with the key of {@code keyOf}'s JWKS. */
    private String serviceAccountToken(String keyOf, Map<String, Object> claims) {
        return idp.issueToken(keyOf, (String) claims.get("sub"), K8S_ISSUER, claims, 600).serialize();
    }

    private static String csrf(String clientToken) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update("flagstaff-csrf\0".getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest(
                    clientToken.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
