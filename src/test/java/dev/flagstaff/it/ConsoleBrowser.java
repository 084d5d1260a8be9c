package dev.flagstaff.it;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.Playwright;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Assumptions;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's Chromium driven by Playwright for the console's browser tests. Every page it opens records each
 * request the page sends and every console error; {@link #assertClean()} fails a test when a request went
 * anywhere but a route of the served {@code /openapi} document or the console's own static files, or when the
 * page logged an error. Without Chromium the tests are skipped with one line, except under {@code CI=true}.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("FLAGSTAFF_IT_CHROMIUM", "/usr/bin/chromium"));

    /** The console's static files: the page, its script and style, the WebJars. Not API routes. */
    private static final Pattern STATIC = Pattern.compile("/|/console/[^/]+|/webjars/.+");
    /**
     * What Chromium logs by itself for every 4xx answer to fetch and for a fetch without network; for API calls
     * the page shows those to the user (the tests check that it does). A static file that fails is a problem.
     */
    private static final Pattern HTTP_4XX_LOG = Pattern.compile("Failed to load resource: (the server responded "
            + "with a status of 4\\d\\d .*|net::ERR_INTERNET_DISCONNECTED)");

    private final Playwright playwright;
    private final Browser browser;
    private final URI base;
    private final List<Pattern> documented = new ArrayList<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<String> otherServers = Collections.synchronizedList(new ArrayList<>());

    private ConsoleBrowser(URL base) {
        this.base = URI.create(base.toString());
        JsonObject openapi = new Api(base).send("GET", "/openapi?format=JSON", null, null).json();
        openapi.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().forEach(method ->
                documented.add(Pattern.compile(method.toUpperCase() + " "
                        + path.replaceAll("\\{[^}]+}", "[^/]+")))));
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    /** Chromium on {@code base}; skips the calling test class when there is no Chromium (fails under CI). */
    static ConsoleBrowser start(URL base) {
        requireChromium();
        return new ConsoleBrowser(base);
    }

    /** Skips the calling test class with one line when there is no Chromium; under {@code CI=true} fails. */
    static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = "console browser tests: no Chromium at " + CHROMIUM + " (apt-get install -y chromium)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + "; CI=true needs them");
            }
            System.out.println("[flagstaff-it] SKIPPED: " + message);
            Assumptions.abort(message);
        }
    }

    /** Lets pages go to another server too ({@code http://host:port}), e.g. an OIDC provider's login. */
    void allowServer(String origin) {
        otherServers.add(origin);
    }

    /** A fresh browser profile (own cookies and storage) with one page, recording what it does. */
    Page page() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(base.toString()).setViewportSize(1280, 860).setColorScheme(
                        com.microsoft.playwright.options.ColorScheme.LIGHT));
        Page page = context.newPage();
        page.setDefaultTimeout(10_000);
        // Playwright's assertions wait 5 s by default; a loaded 2-core CI machine can take longer than that
        // between a click and the answer's notification (the copy test timed out there)
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        page.onRequest(request -> {
            URI uri = URI.create(request.url());
            if (uri.getPort() == base.getPort() && uri.getHost().equals(base.getHost())) {
                requests.add(request.method() + " " + uri.getRawPath());
            } else if (otherServers.contains(uri.getScheme() + "://" + uri.getRawAuthority())) {
                return; // a server the test named, e.g. the OIDC provider of a single sign-on
            } else {
                problems.add("request to another server: " + request.url());
            }
        });
        page.onConsoleMessage(message -> {
            boolean apiAnswer = HTTP_4XX_LOG.matcher(message.text()).matches() && !staticFile(message.location());
            if (message.type().equals("error") && !apiAnswer) {
                problems.add("console error on " + page.url() + ": " + message.text());
            }
        });
        page.onPageError(error -> problems.add("uncaught error on " + page.url() + ": " + error));
        return page;
    }

    /** Whether a console message's location ({@code url:line:column}) is a script, style or WebJar file. */
    private static boolean staticFile(String location) {
        try {
            String path = URI.create(location.replaceAll(":\\d+:\\d+$", "")).getRawPath();
            return path != null && (path.startsWith("/console/") || path.startsWith("/webjars/"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Every request so far went to a documented route or a static file, and no page logged an error. */
    void assertClean() {
        List<String> seen;
        synchronized (requests) {
            seen = new ArrayList<>(requests);
            requests.clear();
        }
        for (String request : seen) {
            String path = request.substring(request.indexOf(' ') + 1);
            boolean staticFile = request.startsWith("GET ") && STATIC.matcher(path).matches();
            if (!staticFile && documented.stream().noneMatch(p -> p.matcher(request).matches())) {
                problems.add("request to a route that /openapi does not document: " + request);
            }
        }
        List<String> found;
        synchronized (problems) {
            found = new ArrayList<>(problems);
            problems.clear();
        }
        assertEquals(List.of(), found, "the console only calls documented routes and logs no errors");
    }

    /** How many requests were recorded since the last check (to show the recording works). */
    int recorded() {
        return requests.size();
    }

    /** Writes a screenshot for the README when the build asks for them ({@code flagstaff.it.screenshots}). */
    static void screenshot(Page page, String name) {
        String dir = System.getProperty("flagstaff.it.screenshots");
        if (dir != null && !dir.isBlank()) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(dir, name + ".png")).setFullPage(true));
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
