package dev.flagstaff.it;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console with authentication required, on a Payara Micro process of its own with a bootstrap token:
 * the login page takes a client token and keeps it only in the HttpOnly {@code flipt_client_token} cookie,
 * a viewer sees read-only pages, an editor no token management, a 401 in the middle of a session brings the
 * login back without losing what was typed, and signing out clears the cookie. Runs once, on H2.
 */
@Tag("embedded-only")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleAuthIT {

    private static final String BOOTSTRAP = "bootstrap-" + UUID.randomUUID();

    private PayaraProcess server;
    private Api api;
    private ConsoleBrowser browser;
    private final List<Page> pages = new ArrayList<>();

    @BeforeAll
    void start() {
        ConsoleBrowser.requireChromium(); // skips (or fails under CI) before a server is started for nothing
        Map<String, String> settings = new HashMap<>(TestDatabase.ownDatabase("console-auth"));
        server = PayaraProcess.start("console-auth", settings, Map.of("FLAGSTAFF_AUTH_REQUIRED", "true",
                "FLAGSTAFF_AUTH_BOOTSTRAP_TOKEN", BOOTSTRAP)).awaitReady();
        api = new Api(server.url());
        for (int i = 0; i < 60 && api.get("/auth/v1/method").status() != 200; i++) {
            PayaraProcess.sleep(1000);
        }
        browser = ConsoleBrowser.start(server.url());
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
            assertFalse(log.contains(BOOTSTRAP), "the bootstrap token never reaches the log");
        }
    }

    private String token(String name, String role) {
        return api.send("POST", "/auth/v1/method/token", "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}",
                "application/json", "Authorization", "Bearer " + BOOTSTRAP).ok().getString("clientToken");
    }

    private Page loggedIn(String token) {
        Page page = browser.page();
        pages.add(page);
        page.navigate("/");
        page.getByTestId("login-token").fill(token);
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("namespace-switcher")).isVisible();
        return page;
    }

    @Test
    void theLoginPageSetsAnHttpOnlyStrictCookieAndSignOutClearsIt() {
        Page page = browser.page();
        pages.add(page);
        page.navigate("/#/namespaces/default/flags");
        assertThat(page.getByTestId("login-token")).isVisible();
        ConsoleBrowser.screenshot(page, "login-light");
        page.getByTestId("login-token").fill("not-a-token");
        page.getByTestId("login-submit").click();
        assertThat(page.locator(".login small.error")).hasText("This token is not valid (unknown, expired or deleted).");
        page.getByTestId("login-token").fill(BOOTSTRAP);
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("role")).hasText("admin");
        Cookie cookie = page.context().cookies().stream().filter(c -> c.name.equals("flipt_client_token"))
                .findFirst().orElseThrow();
        assertEquals(BOOTSTRAP, cookie.value);
        assertTrue(cookie.httpOnly, "HttpOnly");
        assertEquals(SameSiteAttribute.STRICT, cookie.sameSite);
        assertEquals("/", cookie.path);
        assertEquals(Boolean.FALSE, page.evaluate("document.cookie.includes('flipt_client_token')"),
                "scripts cannot read the token");
        page.getByTestId("logout").click();
        assertThat(page.getByTestId("login-token")).isVisible();
        assertTrue(page.context().cookies().stream().noneMatch(c -> c.name.equals("flipt_client_token")));
        assertEquals(200, api.send("GET", "/api/v1/namespaces", null, null, "Authorization", "Bearer " + BOOTSTRAP)
                .status(), "signing out of the browser leaves the token itself valid");
    }

    @Test
    void theSessionRouteAnswersAsDocumented() {
        String token = token("session-" + UUID.randomUUID(), "editor");
        Api.Reply created = api.post("/auth/v1/session", "{\"clientToken\":\"" + token + "\"}");
        JsonObject authentication = created.ok();
        assertEquals("editor", authentication.getJsonObject("metadata").getString("io.flagstaff.auth.token.role"));
        assertEquals("flipt_client_token=" + token + "; Path=/; HttpOnly; SameSite=Strict", setCookieOf(token));
        api.post("/auth/v1/session", "{\"clientToken\":\"nope\"}").assertError(401, 16, "request was not authenticated");
        api.post("/auth/v1/session", "{}").assertError(400, 3, "invalid field clientToken: must not be empty");
        assertEquals("editor", api.send("GET", "/auth/v1/session", null, null, "Cookie", "flipt_client_token=" + token)
                .ok().getJsonObject("metadata").getString("io.flagstaff.auth.token.role"));
        api.send("GET", "/auth/v1/session", null, null, "Cookie", "flipt_client_token=stale")
                .assertError(401, 16, "request was not authenticated");
        // a stale cookie does not keep the login page from loading
        assertEquals(200, api.send("GET", "/", null, null, "Cookie", "flipt_client_token=stale").status());
        assertEquals("{}", api.send("DELETE", "/auth/v1/session", null, null, "Cookie", "flipt_client_token=stale").body());
    }

    private String setCookieOf(String token) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        try {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "auth/v1/session"))
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"clientToken\":\"" + token + "\"}"))
                            .build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                    .headers().firstValue("Set-Cookie").orElse(null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aViewerSeesReadOnlyPagesAndAnEditorNoTokens() {
        api.send("POST", "/api/v1/flags", "{\"key\":\"viewed\",\"name\":\"Viewed\"}", "application/json",
                "Authorization", "Bearer " + BOOTSTRAP);
        Page viewer = loggedIn(token("viewer-" + UUID.randomUUID(), "viewer"));
        assertThat(viewer.getByTestId("role")).hasText("viewer");
        assertThat(viewer.getByTestId("flags-table")).containsText("viewed");
        assertThat(viewer.getByTestId("new-flag")).isHidden();
        viewer.navigate("/#/namespaces/default/flags/viewed");
        assertThat(viewer.getByTestId("flag-name")).isDisabled();
        assertThat(viewer.getByTestId("save-flag")).isHidden();
        assertThat(viewer.getByTestId("delete-flag")).isHidden();
        assertThat(viewer.getByTestId("new-variant")).isHidden();
        assertThat(viewer.getByTestId("new-rule")).isHidden();
        viewer.navigate("/#/settings/namespaces");
        assertThat(viewer.getByTestId("namespaces-table")).isVisible();
        assertThat(viewer.getByTestId("new-namespace")).isHidden();
        assertThat(viewer.getByTestId("tokens-tab")).isHidden();

        Page editor = loggedIn(token("editor-" + UUID.randomUUID(), "editor"));
        assertThat(editor.getByTestId("role")).hasText("editor");
        assertThat(editor.getByTestId("new-flag")).isVisible();
        editor.navigate("/#/settings/tokens");
        assertThat(editor.getByTestId("tokens-tab")).isHidden();
        assertThat(editor.getByTestId("tokens-table")).hasCount(0);
    }

    @Test
    void aNamespaceScopedTokenSeesItsNamespaceOnly() {
        String ns = "scoped" + UUID.randomUUID().toString().substring(0, 6);
        api.send("POST", "/api/v1/namespaces", "{\"key\":\"" + ns + "\",\"name\":\"Scoped\"}", "application/json",
                "Authorization", "Bearer " + BOOTSTRAP).ok();
        api.send("POST", "/api/v1/namespaces/" + ns + "/flags", "{\"key\":\"in_scope\",\"name\":\"In scope\"}",
                "application/json", "Authorization", "Bearer " + BOOTSTRAP).ok();
        String token = api.send("POST", "/auth/v1/method/token", "{\"name\":\"scoped\",\"role\":\"editor\","
                + "\"namespaceKey\":\"" + ns + "\"}", "application/json", "Authorization", "Bearer " + BOOTSTRAP)
                .ok().getString("clientToken");
        Page page = loggedIn(token);
        assertThat(page.getByTestId("namespace-switcher").locator("option")).hasCount(1);
        assertThat(page.getByTestId("namespace-switcher")).hasValue(ns);
        assertThat(page.getByTestId("flags-table")).containsText("in_scope");
        assertThat(page.getByTestId("role")).hasText("editor");
    }

    @Test
    void a401MidSessionBringsTheLoginBackAndKeepsWhatWasTyped() {
        String token = token("short-lived-" + UUID.randomUUID(), "admin");
        Page page = loggedIn(token);
        page.navigate("/#/namespaces/default/flags/new");
        page.getByTestId("flag-name").fill("Typed before expiry");
        page.getByTestId("flag-description").fill("kept across the login");
        // the token is revoked elsewhere while the form is open
        String id = api.send("GET", "/auth/v1/tokens?limit=100", null, null, "Authorization", "Bearer " + BOOTSTRAP).ok()
                .getJsonArray("authentications").stream().map(v -> v.asJsonObject())
                .filter(a -> a.getJsonObject("metadata").getString("io.flipt.auth.token.name").startsWith("short-lived-"))
                .findFirst().orElseThrow().getString("id");
        api.send("DELETE", "/auth/v1/tokens/" + id, null, null, "Authorization", "Bearer " + BOOTSTRAP).ok();
        page.getByTestId("save-flag").click();
        assertThat(page.getByTestId("session-expired")).isVisible();
        page.getByTestId("login-token").fill(BOOTSTRAP);
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("flag-name")).hasValue("Typed before expiry");
        assertThat(page.getByTestId("flag-description")).hasValue("kept across the login");
        page.getByTestId("save-flag").click();
        assertThat(page.getByTestId("flag-page").locator("h1")).hasText("typed-before-expiry");
        assertEquals("kept across the login", api.send("GET", "/api/v1/flags/typed-before-expiry", null, null,
                "Authorization", "Bearer " + BOOTSTRAP).ok().getString("description"));
    }
}
