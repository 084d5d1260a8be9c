package dev.flagstaff.it;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The single sign-on browser flow on Open Liberty (issue 14), run by {@code .ci/run} against the Liberty server it
 * starts and the mock-oauth2-server process it starts with {@code interactiveLogin}: Chromium signs in through the
 * console's "Sign in with Ci" button and the provider's own login form (whose claims give the groups), then checks
 * the role the groups give, that an admin writes and a viewer cannot, logout, an expired session and a tampered
 * state. {@code OidcIT} checks the same flow on Payara Micro. A {@code main}, not a JUnit test: it never skips;
 * anything wrong, a missing Chromium included, ends it with status 1.
 * <p>
 * Usage: {@code LibertyOidcBrowserCheck <flagstaff base URL> <provider name>} (the provider's admin group
 * {@code platform}, viewer group {@code staff}).
 */
public final class LibertyOidcBrowserCheck {

    private final String base;
    private final String provider;
    private final Browser browser;
    private final List<String> failures = new ArrayList<>();
    private int passed;

    private LibertyOidcBrowserCheck(String base, String provider, Browser browser) {
        this.base = base.endsWith("/") ? base : base + "/";
        this.provider = provider;
        this.browser = browser;
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: LibertyOidcBrowserCheck <flagstaff base URL> <provider name>");
            System.exit(2);
        }
        int failed;
        try {
            if (!Files.isExecutable(ConsoleBrowser.CHROMIUM)) {
                throw new IllegalStateException("no Chromium at " + ConsoleBrowser.CHROMIUM);
            }
            try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(ConsoleBrowser.CHROMIUM).setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                "--disable-component-update", "--disable-sync", "--no-first-run")));
                PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
                LibertyOidcBrowserCheck check = new LibertyOidcBrowserCheck(args[0], args[1], browser);
                check.run();
                failed = check.failures.size();
                System.out.println("Liberty browser SSO: " + check.passed + " passed, " + failed + " failed");
            }
        } catch (Throwable e) {
            System.out.println("FAILED: Liberty browser SSO check could not run: " + e);
            e.printStackTrace(System.out);
            failed = 1;
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    private void run() {
        check("an admin signs in through the provider's form; name, email and role of the groups", () -> {
            Page page = signIn("ci-admin", "{\"name\":\"CI Admin\",\"email\":\"admin@example.com\","
                    + "\"groups\":[\"platform\",\"unrelated\"]}");
            assertThat(page.getByTestId("user-name")).hasText("CI Admin");
            assertThat(page.getByTestId("user-email")).hasText("admin@example.com");
            assertThat(page.getByTestId("role")).hasText("admin");
            expect(sessionToken(page) != null, "a flipt_client_token cookie");

            page.navigate("/#/namespaces/default/flags/new");
            page.getByTestId("flag-name").fill("Signed in on Liberty");
            page.getByTestId("save-flag").click();
            assertThat(page.getByTestId("flag-page").locator("h1")).hasText("signed-in-on-liberty");

            page.getByTestId("logout").click();
            assertThat(page.getByTestId("sso-" + provider)).isVisible();
            expect(sessionToken(page) == null, "logout clears the session cookie");
            page.context().close();
        });
        check("a viewer signs in and cannot write", () -> {
            Page page = signIn("ci-viewer", "{\"name\":\"CI Viewer\",\"email\":\"viewer@example.com\","
                    + "\"groups\":[\"staff\"]}");
            assertThat(page.getByTestId("role")).hasText("viewer");
            assertThat(page.getByTestId("new-flag")).isHidden();
            // from the page itself, with the session's CSRF token: refused for the role, not for the token
            Object answer = page.evaluate("async () => {"
                    + " const self = await fetch('auth/v1/self');"
                    + " const r = await fetch('api/v1/flags', { method: 'POST', headers: {"
                    + "   'Content-Type': 'application/json', 'X-CSRF-Token': self.headers.get('X-CSRF-Token') },"
                    + "   body: JSON.stringify({ key: 'by_viewer', name: 'x' }) });"
                    + " return r.status + ' ' + await r.text(); }");
            expect(Objects.equals("403 {\"code\":7,\"message\":\"permission denied\",\"details\":[]}", answer),
                    "the viewer's write is 403 permission denied, was: " + answer);
            page.context().close();
        });
        check("an expired session brings the login back", () -> {
            Page page = signIn("ci-expiring", "{\"name\":\"Soon Gone\",\"groups\":[\"platform\"]}");
            Object answer = page.evaluate("async soon => { const self = await fetch('auth/v1/self');"
                    + " const r = await fetch('auth/v1/self/expire?expiresAt=' + soon, { method: 'PUT',"
                    + "   headers: { 'X-CSRF-Token': self.headers.get('X-CSRF-Token') } });"
                    + " return r.status + ' ' + await r.text(); }", Instant.now().plusSeconds(1).toString());
            expect("200 {}".equals(answer), "PUT /auth/v1/self/expire answers {}, was: " + answer);
            page.waitForTimeout(2000);
            page.reload();
            assertThat(page.getByTestId("sso-" + provider)).isVisible();
            assertThat(page.getByTestId("login-token")).isVisible();
            page.context().close();
        });
        check("a tampered state is refused at the callback", () -> {
            Page page = page();
            page.navigate("/");
            assertThat(page.getByTestId("sso-" + provider)).isVisible();
            String authorizeUrl = (String) page.evaluate("async p => (await (await fetch("
                    + "'auth/v1/method/oidc/' + p + '/authorize?state=x')).json()).authorizeUrl", provider);
            String state = query(URI.create(authorizeUrl), "state");
            page.navigate(authorizeUrl.replace("state=" + state,
                    "state=" + state.substring(0, state.length() - 2) + "AA"));
            page.locator("input[name=username]").fill("mallory");
            page.locator("textarea[name=claims]").fill("{\"groups\":[\"platform\"]}");
            page.locator("input[type=submit]").click();
            assertThat(page.locator("body")).containsText("handling OIDC callback: unexpected state parameter");
            expect(sessionToken(page) == null, "no session after a tampered state");
            page.context().close();
        });
    }

    private interface Step {
        void run() throws Exception;
    }

    private void check(String name, Step step) {
        try {
            step.run();
            System.out.println("ok: " + name);
            passed++;
        } catch (Throwable e) {
            System.out.println("FAILED: " + name);
            System.out.println("  " + e.toString().replace("\n", "\n  "));
            failures.add(name);
        }
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    /** A fresh profile; the provider's page asks for a web font, which is not fetched (no network needed). */
    private Page page() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(base));
        context.route(url -> url.contains("//fonts.googleapis.com/"), route -> route.abort());
        Page page = context.newPage();
        page.setDefaultTimeout(30_000);
        return page;
    }

    /** The console's button, then the provider's login form with this subject and claims; back on the console. */
    private Page signIn(String subject, String claims) {
        Page page = page();
        page.navigate("/");
        page.getByTestId("sso-" + provider).click();
        page.locator("input[name=username]").fill(subject);
        page.locator("textarea[name=claims]").fill(claims);
        page.locator("input[type=submit]").click();
        assertThat(page.getByTestId("namespace-switcher")).isVisible(
                new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        return page;
    }

    private static String sessionToken(Page page) {
        return page.context().cookies().stream().filter(c -> c.name.equals("flipt_client_token")).findFirst()
                .map(c -> c.value).orElse(null);
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + uri);
    }
}
