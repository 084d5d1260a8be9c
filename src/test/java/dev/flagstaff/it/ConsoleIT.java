package dev.flagstaff.it;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.Mouse;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console at {@code /} in Chromium, with authentication off (the default): what a person does in it
 * lands in the API as made, and what is made with the API shows in it. After each test, every request the
 * pages sent must have gone to a documented route and no page may have logged an error
 * ({@link ConsoleBrowser#assertClean()}). Runs once, on H2: the console is the same on every database.
 */
@FlagstaffIT
@Tag("embedded-only")
class ConsoleIT {

    private static ConsoleBrowser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    private Api api;
    private Page page;
    private String ns;

    @BeforeEach
    void open() {
        if (browser == null) {
            browser = ConsoleBrowser.start(base);
        }
        api = new Api(base);
        ns = "c" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/v1/namespaces", "{\"key\":\"" + ns + "\",\"name\":\"Console " + ns + "\"}").ok();
        page = browser.page();
    }

    @AfterEach
    void clean() {
        if (page != null) {
            page.context().close();
        }
        if (browser != null) {
            browser.assertClean();
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    private String at(String rest) {
        return "/#/namespaces/" + ns + rest;
    }

    private String nsApi(String rest) {
        return "/api/v1/namespaces/" + ns + rest;
    }

    @Test
    void theConsoleIsServedAtTheRootAndUnknownPathsKeepTheApiError() {
        Api.Reply root = api.get("/");
        assertEquals(200, root.status());
        assertTrue(root.contentType().startsWith("text/html"), root.contentType());
        assertTrue(root.body().contains("/console/app.js"));
        assertEquals(200, api.get("/webjars/alpinejs/3.15.8/dist/cdn.min.js").status());
        api.get("/webjars/alpinejs/3.15.8/package.json").assertError(404, 5, "Not Found");
        api.get("/console/nothing.js").assertError(404, 5, "Not Found");
        assertEquals(404, api.get("/nothing/here").status());
    }

    @Test
    void theAnalyticsRouteCountsEvaluationsPerFlagAndRefusesBadRanges() {
        api.post(nsApi("/flags"), "{\"key\":\"counted\",\"name\":\"Counted\",\"type\":\"BOOLEAN_FLAG_TYPE\"}").ok();
        for (int i = 0; i < 5; i++) {
            api.post("/evaluate/v1/boolean", "{\"namespaceKey\":\"" + ns + "\",\"flagKey\":\"counted\","
                    + "\"entityId\":\"e" + i + "\"}").ok();
        }
        java.time.Instant now = java.time.Instant.now();
        String route = "/internal/v1/analytics/namespaces/" + ns + "/flags/counted";
        JsonObject hour = api.get(route + "?from=" + now.minusSeconds(3600) + "&to=" + now.plusSeconds(60)).ok();
        assertEquals(hour.getJsonArray("timestamps").size(), hour.getJsonArray("values").size());
        assertTrue(hour.getJsonArray("timestamps").size() >= 61, hour.toString());
        assertEquals(5, hour.getJsonArray("values").stream().mapToLong(v -> ((jakarta.json.JsonNumber) v).longValue()).sum());
        // Flipt's UI sends "yyyy-MM-dd HH:mm:ss" in UTC; a day comes in 15-minute buckets
        java.time.format.DateTimeFormatter ui = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(java.time.ZoneOffset.UTC);
        JsonObject day = api.get(route + "?from=" + ui.format(now.minusSeconds(86_400)).replace(" ", "%20")
                + "&to=" + ui.format(now).replace(" ", "%20")).ok();
        assertTrue(day.getJsonArray("timestamps").size() <= 98, day.toString());
        assertEquals(5, day.getJsonArray("values").stream().mapToLong(v -> ((jakarta.json.JsonNumber) v).longValue()).sum());
        api.get(route + "?to=" + now).assertError(400, 3, "invalid field from: must not be empty");
        api.get(route + "?from=" + now + "&to=" + now.minusSeconds(60)).assertError(400, 3, "to must be after from");
        api.get(route + "?from=yesterday&to=" + now)
                .assertError(400, 3, "parsing field \"from\": \"yesterday\" is not a valid timestamp");
        api.get(route + "?from=" + now.minusSeconds(40L * 86_400) + "&to=" + now)
                .assertError(400, 3, "the range from to to must not be longer than 31 days");
    }

    @Test
    void theAuditPageListsChangesAndFollowsNewOnesLive() {
        api.post(nsApi("/flags"), "{\"key\":\"audited\",\"name\":\"Audited\"}").ok();
        page.navigate(at("/audit"));
        var rows = page.getByTestId("audit-table").locator("tbody tr");
        assertThat(rows).hasCount(2); // the namespace and the flag
        assertThat(rows.first()).containsText("flag audited");
        assertThat(rows.first()).containsText("(authentication off)");
        // a change made elsewhere (here: the API) reaches the open page over the namespace's event stream
        api.put(nsApi("/flags/audited"), "{\"name\":\"Audited\",\"enabled\":true}").ok();
        assertThat(rows).hasCount(3);
        assertThat(rows.first()).containsText("updated");
        page.getByTestId("audit-type").selectOption("segment");
        page.getByTestId("audit-filter").click();
        assertThat(page.getByText("No changes recorded for this filter.")).isVisible();
    }

    @Test
    void emptyNamespaceTellsWhatToDoFirst() {
        page.navigate(at("/flags"));
        assertThat(page.getByTestId("empty-state")).containsText("Start with a flag");
        assertThat(page.getByTestId("empty-state").getByText("Create your first flag")).isVisible();
    }

    @Test
    void variantFlagWithRulesMadeInTheConsoleEvaluatesAsMade() {
        // a segment with constraints of several types; the operator list follows the type
        page.navigate(at("/segments/new"));
        page.getByTestId("segment-name").fill("Beta testers");
        assertThat(page.getByTestId("segment-key")).hasValue("beta-testers");
        page.getByTestId("save-segment").click();
        assertThat(page.getByTestId("segment-page").locator("h1")).hasText("beta-testers");
        addConstraint("STRING_COMPARISON_TYPE", "plan", "eq", "pro");
        page.getByTestId("new-constraint").click();
        page.getByTestId("constraint-type").selectOption("BOOLEAN_COMPARISON_TYPE");
        assertEquals(List.of("true", "false", "present", "notpresent"),
                page.getByTestId("constraint-operator").locator("option").all().stream()
                        .map(o -> o.getAttribute("value")).toList());
        assertThat(page.getByTestId("constraint-value")).hasCount(0); // no value for boolean operators
        page.getByTestId("constraint-dialog").getByText("Cancel").click();
        addConstraint("NUMBER_COMPARISON_TYPE", "age", "gte", "18");
        assertThat(page.getByTestId("constraint")).hasCount(2);
        JsonObject segment = api.get(nsApi("/segments/beta-testers")).ok();
        assertEquals("ALL_MATCH_TYPE", segment.getString("matchType"));
        assertEquals(List.of("plan eq pro", "age gte 18"), segment.getJsonArray("constraints").stream()
                .map(c -> c.asJsonObject().getString("property") + " " + c.asJsonObject().getString("operator") + " "
                        + c.asJsonObject().getString("value")).toList());
        api.post(nsApi("/segments"), "{\"key\":\"everyone\",\"name\":\"Everyone\"}").ok();

        // the flag and its variants; an attachment must be valid JSON
        page.navigate(at("/flags/new"));
        page.getByTestId("flag-name").fill("Checkout flow");
        page.getByTestId("flag-key").fill("checkout_flow");
        page.getByTestId("type-variant").check();
        page.getByTestId("flag-enabled").check();
        page.getByTestId("save-flag").click();
        assertThat(page.getByTestId("flag-page").locator("h1")).hasText("checkout_flow");
        addVariant("red", null);
        page.getByTestId("new-variant").click();
        page.getByTestId("variant-key").fill("green");
        page.getByTestId("variant-attachment").fill("{\"color\": ");
        assertThat(page.getByTestId("attachment-error")).containsText("Not valid JSON");
        assertThat(page.getByTestId("save-variant")).isDisabled();
        page.getByTestId("variant-attachment").fill("{\"color\": \"#0f0\"}");
        assertThat(page.getByTestId("save-variant")).isEnabled();
        page.getByTestId("save-variant").click();
        assertThat(page.getByTestId("variants-table").locator("tbody tr")).hasCount(2);
        addVariant("blue", null);
        assertThat(page.getByTestId("variants-table").locator("tbody tr")).hasCount(3);

        // a rule with a 33/33/34 distribution; the sum is shown and must be 100
        page.getByTestId("new-rule").click();
        page.getByTestId("rule-segment-beta-testers").check();
        page.getByTestId("rollout-red").fill("33");
        page.getByTestId("rollout-green").fill("33");
        page.getByTestId("rollout-blue").fill("33");
        assertThat(page.getByTestId("rule-sum")).containsText("99%");
        assertThat(page.getByTestId("rule-sum")).containsText("must add up to 100");
        assertThat(page.getByTestId("save-rule")).isDisabled();
        page.getByTestId("rollout-blue").fill("34");
        assertThat(page.getByTestId("rule-sum")).containsText("Total: 100%");
        page.getByTestId("save-rule").click();
        assertThat(page.getByTestId("rule")).hasCount(1);
        assertThat(page.getByTestId("rule").first()).containsText("33%");
        assertThat(page.getByTestId("rule").first()).containsText("34%");
        // a second rule: everyone gets blue
        page.getByTestId("new-rule").click();
        page.getByTestId("rule-segment-everyone").check();
        page.getByTestId("rollout-red").fill("0");
        page.getByTestId("rollout-blue").fill("100");
        page.getByTestId("save-rule").click();
        assertThat(page.getByTestId("rule")).hasCount(2);

        JsonArray rules = api.get(nsApi("/flags/checkout_flow/rules")).ok().getJsonArray("rules");
        assertEquals(List.of("beta-testers", "everyone"), rules.stream()
                .map(r -> r.asJsonObject().getString("segmentKey")).toList());
        assertEquals(List.of(33.0, 33.0, 34.0), rules.getJsonObject(0).getJsonArray("distributions").stream()
                .map(d -> d.asJsonObject().getJsonNumber("rollout").doubleValue()).sorted().toList());

        // drag the second rule above the first: the order is saved
        drag(page.getByTestId("rule").nth(1), page.getByTestId("rule").nth(0));
        assertThat(page.getByTestId("rule").first().getByTestId("rule-segments")).hasText("entities in everyone");
        // the page shows the new order before its save has answered: wait for the saved order (loaded machines)
        assertEquals(List.of("everyone", "beta-testers"), eventually(List.of("everyone", "beta-testers"),
                () -> api.get(nsApi("/flags/checkout_flow/rules")).ok().getJsonArray("rules").stream()
                        .map(r -> r.asJsonObject().getString("segmentKey")).toList()));
        // and back, so that the beta testers' rule decides for them
        drag(page.getByTestId("rule").nth(1), page.getByTestId("rule").nth(0));
        assertThat(page.getByTestId("rule").first().getByTestId("rule-segments")).hasText("entities in beta-testers");

        // the console gives the evaluation API's answer, and the curl command for it
        page.navigate(at("/console?flag=checkout_flow"));
        page.getByTestId("console-entity").fill("user-42");
        page.getByTestId("console-context").fill("{\"plan\": \"pro\", \"age\": \"30\"}");
        page.getByTestId("console-evaluate").click();
        assertThat(page.getByTestId("console-result")).containsText("variantKey");
        JsonObject expected = api.post("/evaluate/v1/variant", "{\"namespaceKey\":\"" + ns + "\",\"flagKey\":"
                + "\"checkout_flow\",\"entityId\":\"user-42\",\"context\":{\"plan\":\"pro\",\"age\":\"30\"}}").ok();
        JsonObject shown = jakarta.json.Json.createReader(new java.io.StringReader(
                page.getByTestId("console-result").textContent())).readObject();
        for (String field : List.of("match", "segmentKeys", "reason", "variantKey", "variantAttachment", "flagKey")) {
            assertEquals(expected.get(field), shown.get(field), field);
        }
        assertTrue(expected.getBoolean("match"));
        assertEquals(List.of("beta-testers"), expected.getJsonArray("segmentKeys").stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).toList());
        assertThat(page.getByTestId("console-summary")).containsText("variant " + expected.getString("variantKey"));
        assertThat(page.getByTestId("console-curl")).containsText("/evaluate/v1/variant");
        assertThat(page.getByTestId("console-curl")).containsText("\"entityId\":\"user-42\"");

        // the chart counts this evaluation and the one above
        page.navigate(at("/flags/checkout_flow"));
        assertThat(page.getByTestId("chart-total")).containsText("2 evaluations in the last hour");
    }

    @Test
    void booleanFlagRolloutsMadeAndReordered() {
        api.post(nsApi("/segments"), "{\"key\":\"staff\",\"name\":\"Staff\"}").ok();
        page.navigate(at("/flags/new"));
        page.getByTestId("flag-name").fill("Dark mode");
        page.getByTestId("type-boolean").check();
        page.getByTestId("save-flag").click();
        assertThat(page.getByTestId("flag-page").locator("h1")).hasText("dark-mode");
        page.getByTestId("new-rollout").click();
        page.getByTestId("rollout-percentage").fill("25");
        page.getByTestId("rollout-value").selectOption("true");
        page.getByTestId("save-rollout").click();
        assertThat(page.getByTestId("rollout")).hasCount(1);
        page.getByTestId("new-rollout").click();
        page.getByTestId("rollout-kind-segment").check();
        page.getByTestId("rollout-segment-staff").check();
        page.getByTestId("rollout-value").selectOption("true");
        page.getByTestId("save-rollout").click();
        assertThat(page.getByTestId("rollout")).hasCount(2);
        assertThat(page.getByTestId("rollout-text").nth(0)).hasText("25% of entities get true");
        assertThat(page.getByTestId("rollout-text").nth(1)).hasText("entities in staff get true");
        drag(page.getByTestId("rollout").nth(1), page.getByTestId("rollout").nth(0));
        assertThat(page.getByTestId("rollout-text").nth(0)).hasText("entities in staff get true");
        assertEquals(List.of("SEGMENT_ROLLOUT_TYPE", "THRESHOLD_ROLLOUT_TYPE"),
                eventually(List.of("SEGMENT_ROLLOUT_TYPE", "THRESHOLD_ROLLOUT_TYPE"),
                        () -> api.get(nsApi("/flags/dark-mode/rollouts")).ok().getJsonArray("rules").stream()
                                .map(r -> r.asJsonObject().getString("type")).toList()));
        // a staff member gets true from the segment rollout, whatever the threshold says
        JsonObject answer = api.post("/evaluate/v1/boolean", "{\"namespaceKey\":\"" + ns + "\",\"flagKey\":\"dark-mode\","
                + "\"entityId\":\"anyone\",\"context\":{}}").ok();
        assertEquals("MATCH_EVALUATION_REASON", answer.getString("reason"));
        assertTrue(answer.getBoolean("enabled"));
    }

    @Test
    void scheduledChangesListedMadeAndDeletedOnTheFlagPage() {
        api.post(nsApi("/flags"), "{\"key\":\"banner\",\"name\":\"Banner\"}").ok();
        api.post(nsApi("/flags/banner/variants"), "{\"key\":\"red\"}").ok();
        String blue = api.post(nsApi("/flags/banner/variants"), "{\"key\":\"blue\"}").ok().getString("id");
        page.navigate(at("/flags/banner"));
        // the first page of a test can take long on a busy machine
        assertThat(page.getByTestId("no-schedules")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));

        page.getByTestId("new-schedule").click(); // an hour from now by default
        page.getByTestId("schedule-type").selectOption("SET_DEFAULT_VARIANT");
        page.getByTestId("schedule-variant").selectOption(blue);
        page.getByTestId("save-schedule").click();
        assertThat(page.getByTestId("schedule")).hasCount(1);
        assertThat(page.getByTestId("schedule-change")).hasText("default variant → blue");
        assertThat(page.getByTestId("schedule-state")).hasText("upcoming");
        JsonObject stored = api.get(nsApi("/flags/banner/schedules")).ok().getJsonArray("schedules").getJsonObject(0);
        assertEquals("{\"type\":\"SET_DEFAULT_VARIANT\",\"variantId\":\"" + blue + "\"}", stored.getJsonObject("change").toString());
        long minutes = java.time.Duration.between(java.time.Instant.now(), java.time.Instant.parse(stored.getString("at"))).toMinutes();
        assertTrue(minutes >= 55 && minutes <= 61, "an hour ahead by default: " + minutes + " min");

        // a time in the past runs at once
        page.getByTestId("new-schedule").click();
        page.getByTestId("schedule-at").fill("2020-01-01T00:00"); // Chromium keeps no ":00" seconds
        page.getByTestId("schedule-type").selectOption("ENABLE");
        page.getByTestId("save-schedule").click();
        assertThat(page.getByTestId("schedule")).hasCount(2);
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!api.get(nsApi("/flags/banner")).ok().getBoolean("enabled") && System.nanoTime() < deadline) {
            PayaraProcess.sleep(100);
        }
        page.navigate(at("/flags"));
        page.navigate(at("/flags/banner"));
        assertThat(page.getByTestId("schedule-state").nth(0)).hasText("done");
        assertThat(page.getByTestId("schedule-change").nth(0)).hasText("enable the flag");
        assertThat(page.getByTestId("flag-enabled")).isChecked();

        page.getByTestId("delete-schedule").nth(1).click();
        assertThat(page.getByTestId("confirm-text")).containsText("will not run");
        page.getByTestId("confirm-yes").click();
        assertThat(page.getByTestId("schedule")).hasCount(1);
        assertEquals(1, api.get(nsApi("/flags/banner/schedules")).ok().getInt("totalCount"));
    }

    @Test
    void aRuleDistributionScheduledOnTheFlagPage() {
        api.post(nsApi("/segments"), "{\"key\":\"eu\",\"name\":\"EU\"}").ok();
        api.post(nsApi("/flags"), "{\"key\":\"layout\",\"name\":\"Layout\"}").ok();
        String a = api.post(nsApi("/flags/layout/variants"), "{\"key\":\"a\"}").ok().getString("id");
        String b = api.post(nsApi("/flags/layout/variants"), "{\"key\":\"b\"}").ok().getString("id");
        String rule = api.post(nsApi("/flags/layout/rules"), "{\"segmentKey\":\"eu\",\"rank\":1}").ok().getString("id");
        api.post(nsApi("/flags/layout/rules/" + rule + "/distributions"),
                "{\"variantId\":\"" + a + "\",\"rollout\":100}").ok();
        page.navigate(at("/flags/layout"));
        assertThat(page.getByTestId("no-schedules")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));

        page.getByTestId("new-schedule").click();
        page.getByTestId("schedule-type").selectOption("SET_RULE_DISTRIBUTIONS");
        page.getByTestId("schedule-rule").selectOption(rule);
        assertThat(page.getByTestId("schedule-rollout-a")).hasValue("100"); // starts from what the rule has
        page.getByTestId("schedule-rollout-a").fill("30");
        assertThat(page.getByTestId("schedule-sum")).containsText("must add up to 100");
        assertThat(page.getByTestId("save-schedule")).isDisabled();
        page.getByTestId("schedule-rollout-b").fill("70");
        page.getByTestId("save-schedule").click();
        assertThat(page.getByTestId("schedule")).hasCount(1);
        assertThat(page.getByTestId("schedule-change")).hasText("rule #1 → a 30%, b 70%");

        JsonObject change = api.get(nsApi("/flags/layout/schedules")).ok().getJsonArray("schedules")
                .getJsonObject(0).getJsonObject("change");
        assertEquals("SET_RULE_DISTRIBUTIONS", change.getString("type"));
        assertEquals(rule, change.getString("ruleId"));
        java.util.Map<String, Double> rollouts = new java.util.HashMap<>();
        change.getJsonArray("distributions").forEach(d -> rollouts.put(d.asJsonObject().getString("variantId"),
                d.asJsonObject().getJsonNumber("rollout").doubleValue()));
        assertEquals(java.util.Map.of(a, 30.0, b, 70.0), rollouts);
    }

    @Test
    void aFlagMadeWithTheApiShowsWithSearchSortPagingAndCtrlK() {
        for (int i = 1; i <= 25; i++) {
            api.post(nsApi("/flags"), "{\"key\":\"flag_%02d\",\"name\":\"Flag %d\",\"type\":\"BOOLEAN_FLAG_TYPE\"}"
                    .formatted(i, i)).ok();
        }
        api.post(nsApi("/flags"), "{\"key\":\"made_with_curl\",\"name\":\"Made with curl\",\"type\":"
                + "\"VARIANT_FLAG_TYPE\",\"description\":\"from a script\"}").ok();
        page.navigate(at("/flags"));
        assertThat(page.getByTestId("flags-count")).hasText("1–20 of 26");
        page.getByText("Next").click();
        assertThat(page.getByTestId("flags-count")).hasText("21–26 of 26");
        assertThat(page.getByTestId("flags-table")).containsText("made_with_curl");
        page.getByTestId("flags-table").locator("th a").first().click(); // sort by key, descending now
        assertThat(page.getByTestId("flags-table").locator("tbody tr").first()).containsText("made_with_curl");
        page.getByTestId("flag-search").fill("script");
        assertThat(page.getByTestId("flags-count")).hasText("1–1 of 1");
        page.keyboard().press("Control+k");
        page.getByTestId("palette-input").fill("flag_07");
        page.keyboard().press("Enter");
        assertThat(page.getByTestId("flag-page").locator("h1")).hasText("flag_07");
        assertThat(page.getByTestId("flag-name")).hasValue("Flag 7");
    }

    @Test
    void deletingAsksFirstAndNamesWhatItDeletes() {
        api.post(nsApi("/flags"), "{\"key\":\"old_banner\",\"name\":\"Old banner\"}").ok();
        page.navigate(at("/flags/old_banner"));
        page.getByTestId("delete-flag").click();
        assertThat(page.getByTestId("confirm-text")).containsText("Flag old_banner in namespace " + ns);
        page.getByTestId("confirm-cancel").click();
        assertEquals(200, api.get(nsApi("/flags/old_banner")).status(), "cancel keeps the flag");
        page.getByTestId("delete-flag").click();
        assertThat(page.getByTestId("confirm-yes")).hasText("Delete flag old_banner");
        page.getByTestId("confirm-yes").click();
        assertThat(page.getByTestId("flags-table").or(page.getByTestId("empty-state"))).isVisible();
        assertEquals(404, api.get(nsApi("/flags/old_banner")).status());
    }

    @Test
    void anApiErrorShowsItsMessageNextToTheField() {
        api.post(nsApi("/flags"), "{\"key\":\"taken\",\"name\":\"Taken\"}").ok();
        page.navigate(at("/flags/new"));
        page.getByTestId("flag-name").fill("Taken again");
        page.getByTestId("flag-key").fill("taken");
        page.getByTestId("save-flag").click();
        assertThat(page.locator("label:has([data-testid=flag-key]) small.error"))
                .hasText("flag \"" + ns + "/taken\" is not unique");
        page.getByTestId("flag-metadata").fill("[1]");
        assertThat(page.getByTestId("save-flag")).isDisabled();
        page.getByTestId("flag-metadata").fill("{}");
        // without network the page says so, and keeps what was typed
        page.context().setOffline(true);
        page.getByTestId("flag-key").fill("offline");
        page.getByTestId("save-flag").click();
        assertThat(page.getByTestId("toasts")).containsText("Network error: Flagstaff cannot be reached");
        page.context().setOffline(false);
        assertThat(page.getByTestId("flag-name")).hasValue("Taken again");
        page.getByTestId("save-flag").click();
        assertThat(page.getByTestId("flag-page").locator("h1")).hasText("offline");
    }

    @Test
    void anEditOverSomeoneElsesChangeIsRefusedWithAReloadHint() {
        api.post(nsApi("/flags"), "{\"key\":\"shared\",\"name\":\"Shared\"}").ok();
        api.post(nsApi("/segments"), "{\"key\":\"team\",\"name\":\"Team\"}").ok();
        String reload = "changed by someone else since you opened it. Reload to see the current version";

        page.navigate(at("/flags/shared"));
        assertThat(page.getByTestId("flag-name")).hasValue("Shared");
        api.put(nsApi("/flags/shared"), "{\"name\":\"Changed elsewhere\"}").ok();
        page.getByTestId("flag-name").fill("Mine");
        page.getByTestId("save-flag").click();
        assertThat(page.getByTestId("toasts")).containsText("flag \"" + ns + "/shared\" has changed: " + reload);
        assertEquals("Changed elsewhere", api.get(nsApi("/flags/shared")).ok().getString("name"), "not overwritten");
        // after a reload the edit goes through
        page.reload();
        assertThat(page.getByTestId("flag-name")).hasValue("Changed elsewhere");
        page.getByTestId("flag-name").fill("Mine");
        page.getByTestId("save-flag").click();
        assertThat(page.getByTestId("toasts")).containsText("Flag shared saved.");
        assertEquals("Mine", api.get(nsApi("/flags/shared")).ok().getString("name"));

        page.navigate(at("/segments/team"));
        assertThat(page.getByTestId("segment-name")).hasValue("Team");
        api.put(nsApi("/segments/team"), "{\"name\":\"Team B\"}").ok();
        page.getByTestId("segment-name").fill("Team A");
        page.getByTestId("save-segment").click();
        assertThat(page.getByTestId("toasts")).containsText("segment \"" + ns + "/team\" has changed: " + reload);
        assertEquals("Team B", api.get(nsApi("/segments/team")).ok().getString("name"), "not overwritten");
        // deleting what someone else changed is refused too (a reload clears the toasts)
        page.reload();
        assertThat(page.getByTestId("segment-name")).hasValue("Team B");
        api.put(nsApi("/segments/team"), "{\"name\":\"Team C\"}").ok();
        page.getByTestId("delete-segment").click();
        page.getByTestId("confirm-yes").click();
        assertThat(page.getByTestId("toasts")).containsText("segment \"" + ns + "/team\" has changed: " + reload);
        assertEquals(200, api.get(nsApi("/segments/team")).status(), "not deleted");
        page.reload();
        assertThat(page.getByTestId("segment-name")).hasValue("Team C");
        page.getByTestId("segment-name").fill("Team A");
        page.getByTestId("save-segment").click();
        assertThat(page.getByTestId("toasts")).containsText("Segment team saved.");
        assertEquals("Team A", api.get(nsApi("/segments/team")).ok().getString("name"));
    }

    @Test
    void copyAFlagWithItsSegmentsToAnotherNamespace() {
        String target = ns + "-to";
        api.post("/api/v1/namespaces", "{\"key\":\"" + target + "\",\"name\":\"Target\"}").ok();
        api.post(nsApi("/segments"), "{\"key\":\"eu\",\"name\":\"EU\"}").ok();
        api.post(nsApi("/segments/eu/constraints"), "{\"type\":\"STRING_COMPARISON_TYPE\",\"property\":\"region\","
                + "\"operator\":\"eq\",\"value\":\"eu\"}").ok();
        api.post(nsApi("/flags"), "{\"key\":\"banner\",\"name\":\"Banner\",\"enabled\":true}").ok();
        String variant = api.post(nsApi("/flags/banner/variants"), "{\"key\":\"on\"}").ok().getString("id");
        String rule = api.post(nsApi("/flags/banner/rules"), "{\"segmentKey\":\"eu\",\"rank\":1}").ok().getString("id");
        api.post(nsApi("/flags/banner/rules/" + rule + "/distributions"), "{\"variantId\":\"" + variant
                + "\",\"rollout\":100}").ok();
        page.navigate(at("/flags/banner"));
        page.getByTestId("copy-flag").click();
        page.getByTestId("copy-target").selectOption(target);
        page.getByTestId("run-copy").click();
        assertThat(page.getByTestId("toasts")).containsText("Copied flag banner to " + target
                + " with 1 variant(s), 1 rule(s), 0 rollout(s); segments: copied eu.");
        String copy = "{\"namespaceKey\":\"" + target + "\",\"flagKey\":\"banner\",\"entityId\":\"e\","
                + "\"context\":{\"region\":\"eu\"}}";
        JsonObject answer = api.post("/evaluate/v1/variant", copy).ok();
        assertEquals("on", answer.getString("variantKey"));
        // a second copy is refused and says why
        page.getByTestId("copy-flag").click();
        page.getByTestId("copy-target").selectOption(target);
        page.getByTestId("run-copy").click();
        assertThat(page.getByTestId("copy-error")).hasText("Namespace " + target
                + " already has a flag banner; nothing was copied.");
        page.getByTestId("copy-dialog").getByText("Cancel").click();

        // a boolean flag with rollouts; its segment exists in the target by now and is reused
        api.post(nsApi("/flags"), "{\"key\":\"gate\",\"name\":\"Gate\",\"type\":\"BOOLEAN_FLAG_TYPE\"}").ok();
        api.post(nsApi("/flags/gate/rollouts"), "{\"rank\":1,\"segment\":{\"segmentKey\":\"eu\",\"value\":true}}").ok();
        api.post(nsApi("/flags/gate/rollouts"), "{\"rank\":2,\"threshold\":{\"percentage\":0,\"value\":true}}").ok();
        page.navigate(at("/flags/gate"));
        // the single page changes flags in place: wait for gate's page, or the click copies the banner again
        assertThat(page.getByTestId("flag-page").locator("h1")).hasText("gate");
        page.getByTestId("copy-flag").click();
        page.getByTestId("copy-target").selectOption(target);
        page.getByTestId("run-copy").click();
        assertThat(page.getByTestId("toasts")).containsText("Copied flag gate to " + target
                + " with 0 variant(s), 0 rule(s), 2 rollout(s); segments: reused segment eu.");
        assertTrue(api.post("/evaluate/v1/boolean", copy.replace("banner", "gate")).ok().getBoolean("enabled"));
        assertFalse(api.post("/evaluate/v1/boolean", copy.replace("banner", "gate").replace("\"eu\"", "\"us\""))
                .ok().getBoolean("enabled"));

        // a segment on its own: copied with its constraints, refused the second time
        api.post(nsApi("/segments"), "{\"key\":\"beta\",\"name\":\"Beta\",\"matchType\":\"ANY_MATCH_TYPE\"}").ok();
        api.post(nsApi("/segments/beta/constraints"), "{\"type\":\"BOOLEAN_COMPARISON_TYPE\",\"property\":\"beta\","
                + "\"operator\":\"true\"}").ok();
        page.navigate(at("/segments/beta"));
        assertThat(page.getByTestId("segment-page").locator("h1")).hasText("beta");
        page.getByTestId("copy-segment").click();
        page.getByTestId("copy-target").selectOption(target);
        page.getByTestId("run-copy").click();
        assertThat(page.getByTestId("toasts")).containsText("Copied segment beta with 1 constraint(s) to " + target + ".");
        JsonObject copied = api.get("/api/v1/namespaces/" + target + "/segments/beta").ok();
        assertEquals("ANY_MATCH_TYPE", copied.getString("matchType"));
        assertEquals("true", copied.getJsonArray("constraints").getJsonObject(0).getString("operator"));
        page.getByTestId("copy-segment").click();
        page.getByTestId("copy-target").selectOption(target);
        page.getByTestId("run-copy").click();
        assertThat(page.getByTestId("copy-error")).hasText("Namespace " + target
                + " already has a segment beta; nothing was copied.");
    }

    @Test
    void settingsManageNamespacesAndShowANewTokenOnce() {
        page.navigate("/#/settings/namespaces");
        page.getByTestId("new-namespace").click();
        page.getByTestId("namespace-key").fill(ns + "-new");
        page.getByTestId("namespace-name").fill("Made in settings");
        page.getByTestId("save-namespace").click();
        assertThat(page.getByTestId("namespaces-table")).containsText("Made in settings");
        assertEquals("Made in settings", api.get("/api/v1/namespaces/" + ns + "-new").ok().getString("name"));
        Locator defaultRow = page.getByTestId("namespaces-table").locator("tbody tr").filter(new Locator.FilterOptions()
                .setHas(page.locator("code", new Page.LocatorOptions().setHasText(Pattern.compile("^default$")))));
        assertThat(defaultRow.locator(".tag")).hasText("protected");
        assertThat(defaultRow.locator("a.danger")).isHidden(); // the protected default namespace offers no Delete

        page.navigate("/#/settings/tokens");
        page.getByTestId("new-token").click();
        page.getByTestId("token-name").fill("ci-" + ns);
        page.getByTestId("token-role").selectOption("editor");
        page.getByTestId("token-namespace").selectOption(ns);
        page.getByTestId("create-token").click();
        String token = page.getByTestId("created-token").textContent().trim();
        assertTrue(token.matches("[A-Za-z0-9_=-]{43,44}"), "32 random bytes, base64: " + token);
        page.getByTestId("token-done").click();
        assertThat(page.getByTestId("tokens-table")).containsText("ci-" + ns);
        assertFalse(page.content().contains(token), "the token is shown once only");
        page.getByTestId("tokens-table").locator("tr", new Locator.LocatorOptions().setHasText("ci-" + ns))
                .getByText("Delete").click();
        assertThat(page.getByTestId("confirm-text")).containsText("Token ci-" + ns);
        page.getByTestId("confirm-yes").click();
        assertThat(page.getByTestId("tokens-table")).not().containsText("ci-" + ns);
    }

    @Test
    void screenshotsAndTheThousandFlagNamespace() {
        // a namespace as a team has it, for the README's screenshots
        String demo = ns;
        api.put("/api/v1/namespaces/" + ns, "{\"name\":\"Production\",\"description\":\"Live traffic\"}").ok();
        api.post(nsApi("/segments"), "{\"key\":\"beta-testers\",\"name\":\"Beta testers\"}").ok();
        api.post(nsApi("/segments/beta-testers/constraints"), "{\"type\":\"STRING_COMPARISON_TYPE\","
                + "\"property\":\"plan\",\"operator\":\"eq\",\"value\":\"pro\"}").ok();
        api.post(nsApi("/segments/beta-testers/constraints"), "{\"type\":\"NUMBER_COMPARISON_TYPE\","
                + "\"property\":\"age\",\"operator\":\"gte\",\"value\":\"18\"}").ok();
        api.post(nsApi("/segments"), "{\"key\":\"eu-customers\",\"name\":\"EU customers\"}").ok();
        api.post(nsApi("/flags"), "{\"key\":\"new_checkout\",\"name\":\"New checkout\",\"enabled\":true,"
                + "\"description\":\"The redesigned checkout, by cohort\"}").ok();
        List<String> variants = List.of("control", "one_page", "express").stream().map(v -> api.post(
                nsApi("/flags/new_checkout/variants"), "{\"key\":\"" + v + "\"}").ok().getString("id")).toList();
        String r1 = api.post(nsApi("/flags/new_checkout/rules"), "{\"segmentKey\":\"beta-testers\",\"rank\":1}")
                .ok().getString("id");
        int[] split = {33, 33, 34};
        for (int i = 0; i < 3; i++) {
            api.post(nsApi("/flags/new_checkout/rules/" + r1 + "/distributions"), "{\"variantId\":\"" + variants.get(i)
                    + "\",\"rollout\":" + split[i] + "}").ok();
        }
        String r2 = api.post(nsApi("/flags/new_checkout/rules"), "{\"segmentKeys\":[\"eu-customers\",\"beta-testers\"],"
                + "\"segmentOperator\":\"AND_SEGMENT_OPERATOR\",\"rank\":2}").ok().getString("id");
        api.post(nsApi("/flags/new_checkout/rules/" + r2 + "/distributions"), "{\"variantId\":\"" + variants.get(2)
                + "\",\"rollout\":100}").ok();
        for (String[] f : new String[][] {{"dark_mode", "Dark mode", "BOOLEAN_FLAG_TYPE", "true"},
                {"search_v2", "Search v2", "BOOLEAN_FLAG_TYPE", "false"},
                {"pricing_page", "Pricing page", "VARIANT_FLAG_TYPE", "true"}}) {
            api.post(nsApi("/flags"), "{\"key\":\"" + f[0] + "\",\"name\":\"" + f[1] + "\",\"type\":\"" + f[2]
                    + "\",\"enabled\":" + f[3] + "}").ok();
        }
        for (int i = 0; i < 40; i++) {
            api.post("/evaluate/v1/variant", "{\"namespaceKey\":\"" + demo + "\",\"flagKey\":\"new_checkout\","
                    + "\"entityId\":\"u" + i + "\",\"context\":{\"plan\":\"pro\",\"age\":\"30\"}}").ok();
        }
        page.navigate(at("/flags"));
        assertThat(page.getByTestId("flags-count")).hasText("1–4 of 4");
        ConsoleBrowser.screenshot(page, "flags-light");
        page.navigate(at("/flags/new_checkout"));
        assertThat(page.getByTestId("rule")).hasCount(2);
        assertThat(page.getByTestId("chart-total")).containsText("40 evaluations");
        ConsoleBrowser.screenshot(page, "flag-light");
        page.getByTestId("theme-toggle").click();
        assertEquals("dark", page.locator("html").getAttribute("data-theme"));
        assertThat(page.getByTestId("chart-total")).containsText("40 evaluations");
        PayaraProcess.sleep(200);
        ConsoleBrowser.screenshot(page, "flag-dark");
        page.navigate(at("/segments"));
        assertThat(page.getByTestId("segments-table").locator("tbody tr")).hasCount(2);
        page.getByTestId("segment-search").fill("eu");
        assertThat(page.getByTestId("segments-table").locator("tbody tr")).hasCount(1);
        page.navigate(at("/segments/beta-testers"));
        assertThat(page.getByTestId("constraint")).hasCount(2);
        ConsoleBrowser.screenshot(page, "segment-dark");
        page.navigate(at("/console?flag=new_checkout"));
        page.getByTestId("console-entity").fill("user-42");
        page.getByTestId("console-context").fill("{\"plan\": \"pro\", \"age\": \"30\"}");
        page.getByTestId("console-evaluate").click();
        assertThat(page.getByTestId("console-summary")).containsText("variant");
        ConsoleBrowser.screenshot(page, "console-dark");
        page.getByTestId("theme-toggle").click();
        ConsoleBrowser.screenshot(page, "console-light");

        // the flags page of a namespace with 1,000 flags (a measurement, printed; the README quotes it)
        String big = ns + "-big";
        api.post("/api/v1/namespaces", "{\"key\":\"" + big + "\",\"name\":\"Big\"}").ok();
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<JsonObject>> created = new java.util.ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                String body = "{\"key\":\"flag_%04d\",\"name\":\"Flag %d\",\"type\":".formatted(i, i)
                        + (i % 2 == 0 ? "\"BOOLEAN_FLAG_TYPE\"" : "\"VARIANT_FLAG_TYPE\"") + "}";
                created.add(writers.submit(() -> api.post("/api/v1/namespaces/" + big + "/flags", body).ok()));
            }
            for (java.util.concurrent.Future<JsonObject> f : created) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException | InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            writers.shutdownNow();
        }
        for (int round = 1; round <= 3; round++) {
            page.navigate("/#/namespaces/default/console"); // elsewhere first, so that the flags page loads anew
            assertThat(page.getByTestId("console-page")).isVisible();
            assertThat(page.getByTestId("namespace-switcher")).hasValue("default");
            long start = System.nanoTime();
            page.navigate("/#/namespaces/" + big + "/flags");
            assertThat(page.getByTestId("flags-count")).hasText("1–20 of 1000");
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("[flagstaff-it] console: flags page of a namespace with 1,000 flags shown in "
                    + millis + " ms (round " + round + ")");
        }
        page.getByTestId("flag-search").fill("flag_0999");
        assertThat(page.getByTestId("flags-count")).hasText("1–1 of 1");
        assertTrue(browser.recorded() > 0, "requests are recorded");
    }

    private void addConstraint(String type, String property, String operator, String value) {
        page.getByTestId("new-constraint").click();
        page.getByTestId("constraint-type").selectOption(type);
        page.getByTestId("constraint-property").fill(property);
        page.getByTestId("constraint-operator").selectOption(operator);
        page.getByTestId("constraint-value").fill(value);
        int before = page.getByTestId("constraint").count();
        page.getByTestId("save-constraint").click();
        assertThat(page.getByTestId("constraint")).hasCount(before + 1);
    }

    private void addVariant(String key, String attachment) {
        page.getByTestId("new-variant").click();
        page.getByTestId("variant-key").fill(key);
        if (attachment != null) {
            page.getByTestId("variant-attachment").fill(attachment);
        }
        page.getByTestId("save-variant").click();
        assertThat(page.getByTestId("variants-table")).containsText(key);
    }

    /** Drags {@code item} by its grip onto {@code target} with real mouse moves (SortableJS listens to those). */
    private void drag(Locator item, Locator target) {
        BoundingBox from = item.locator(".grip").boundingBox();
        BoundingBox to = target.boundingBox();
        page.mouse().move(from.x + from.width / 2, from.y + from.height / 2);
        page.mouse().down();
        page.mouse().move(from.x + from.width / 2, from.y + from.height / 2 - 10, new Mouse.MoveOptions().setSteps(5));
        page.mouse().move(to.x + 40, to.y + 4, new Mouse.MoveOptions().setSteps(20));
        page.mouse().up();
    }

    /** Reads {@code read} until it gives {@code expected} or 15 s pass; answers the last reading. */
    private static <T> T eventually(T expected, java.util.function.Supplier<T> read) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        T last = read.get();
        while (!expected.equals(last) && System.nanoTime() < deadline) {
            PayaraProcess.sleep(100);
            last = read.get();
        }
        return last;
    }
}
