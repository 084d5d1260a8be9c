package dev.flagstaff.evaluation.engine;

import static dev.flagstaff.evaluation.engine.Defs.AND;
import static dev.flagstaff.evaluation.engine.Defs.OR;
import static dev.flagstaff.evaluation.engine.Defs.ctx;
import static dev.flagstaff.evaluation.engine.Defs.d;
import static dev.flagstaff.evaluation.engine.Defs.everyone;
import static dev.flagstaff.evaluation.engine.Defs.rule;
import static dev.flagstaff.evaluation.engine.Defs.snapshot;
import static dev.flagstaff.evaluation.engine.Defs.v;
import static dev.flagstaff.evaluation.engine.Defs.variantFlag;
import static dev.flagstaff.evaluation.engine.Defs.when;
import static dev.flagstaff.evaluation.engine.EvaluationReason.DEFAULT_EVALUATION_REASON;
import static dev.flagstaff.evaluation.engine.EvaluationReason.FLAG_DISABLED_EVALUATION_REASON;
import static dev.flagstaff.evaluation.engine.EvaluationReason.MATCH_EVALUATION_REASON;
import static dev.flagstaff.evaluation.engine.EvaluationReason.UNKNOWN_EVALUATION_REASON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract 6.4 and the worked scenarios of 6.9. */
class VariantEvaluationTest {

    private static VariantEvaluation eval(NamespaceSnapshot s, String flag, String entity, Map<String, String> ctx) {
        return Evaluator.evaluateVariant(s, flag, entity, ctx);
    }

    private static VariantEvaluation expected(String flag, boolean match, EvaluationReason reason, String variant,
                                              String attachment, String... segments) {
        return new VariantEvaluation(flag, match, reason, variant, attachment, List.of(segments));
    }

    @Test
    void scenarioA_fiftyFifty() {
        NamespaceSnapshot s = snapshot(variantFlag("foo", true, List.of(v("boz"), v("booz")), null,
                rule(1, "all", d("boz", 50), d("booz", 50))), everyone("all"));
        assertEquals(expected("foo", true, MATCH_EVALUATION_REASON, "boz", "", "all"), eval(s, "foo", "1", Map.of()));
        assertEquals(expected("foo", true, MATCH_EVALUATION_REASON, "booz", "", "all"), eval(s, "foo", "2", Map.of()));
    }

    @Test
    void scenarioB_bucketBeyondTheOnlyDistribution() {
        // bucket 253 >= boundary 100: match=false, step-2 reason/value, segmentKeys still reported
        NamespaceSnapshot noDefault = snapshot(variantFlag("foo", true, List.of(v("boz")), null,
                rule(1, "all", d("boz", 10))), everyone("all"));
        assertEquals(expected("foo", false, UNKNOWN_EVALUATION_REASON, "", "", "all"),
                eval(noDefault, "foo", "123", Map.of()));
        NamespaceSnapshot withDefault = snapshot(variantFlag("foo", true, List.of(v("boz"), v("dflt", "{\"a\":1}")),
                "dflt", rule(1, "all", d("boz", 10))), everyone("all"));
        assertEquals(expected("foo", false, DEFAULT_EVALUATION_REASON, "dflt", "{\"a\":1}", "all"),
                eval(withDefault, "foo", "123", Map.of()));
        // an entity whose bucket is inside the distribution: foo/1 has bucket 244? no - boundary is 100
        assertEquals(expected("foo", false, DEFAULT_EVALUATION_REASON, "dflt", "{\"a\":1}", "all"),
                eval(withDefault, "foo", "1", Map.of()));
    }

    @Test
    void scenarioC_thirdsLeaveBucket999Unmatched() {
        NamespaceSnapshot s = snapshot(variantFlag("color", true, List.of(v("red"), v("green"), v("blue")), null,
                rule(1, "all", d("red", 33.33f), d("green", 33.33f), d("blue", 33.34f))), everyone("all"));
        assertEquals("red", eval(s, "color", "alice", Map.of()).variantKey());   // 232
        assertEquals("green", eval(s, "color", "carol", Map.of()).variantKey()); // 428
        assertEquals("blue", eval(s, "color", "bob", Map.of()).variantKey());    // 797
        assertEquals(expected("color", false, UNKNOWN_EVALUATION_REASON, "", "", "all"),
                eval(s, "color", "user-1392", Map.of()));                          // 999
    }

    @Test
    void scenarioD_float32Widths() {
        // 0.7 * 10 in float32 is 7 (double would give 6): user-856 has bucket 6 and must get "a"
        NamespaceSnapshot s = snapshot(variantFlag("promo", true, List.of(v("a"), v("b")), null,
                rule(1, "all", d("a", 0.7f), d("b", 99.3f))), everyone("all"));
        assertEquals("a", eval(s, "promo", "user-856", Map.of()).variantKey());
        assertEquals(7, (int) (0.7f * 10f));
        assertEquals(6, (int) ((double) 0.7f * 10.0), "widening the float32 rollout to double gives 6");
        assertEquals(22, (int) ((double) 2.3f * 10.0), "widening the float32 rollout to double gives 22");
        assertEquals(23, (int) (2.3f * 10f));
    }

    @Test
    void scenarioE_hundredPercent() {
        NamespaceSnapshot s = snapshot(variantFlag("test", true, List.of(v("one")), null,
                rule(1, "all", d("one", 100))), everyone("all"));
        for (String entity : List.of("entity-1", "user@example.com", "jürgen")) {
            assertEquals(expected("test", true, MATCH_EVALUATION_REASON, "one", "", "all"),
                    eval(s, "test", entity, Map.of()));
        }
    }

    @Test
    void scenarioF_newCheckout() {
        NamespaceSnapshot s = snapshot(variantFlag("new-checkout", true, List.of(v("control"), v("treatment")), null,
                rule(1, "all", d("control", 50), d("treatment", 50))), everyone("all"));
        assertEquals("control", eval(s, "new-checkout", "user-3", Map.of()).variantKey());   // 109
        assertEquals("treatment", eval(s, "new-checkout", "user-7", Map.of()).variantKey()); // 524
    }

    @Test
    void scenarioG_zeroRolloutIsDropped() {
        NamespaceSnapshot s = snapshot(variantFlag("foo", true, List.of(v("x"), v("y"), v("z")), null,
                rule(1, "all", d("x", 0), d("y", 50), d("z", 50))), everyone("all"));
        assertEquals("y", eval(s, "foo", "1", Map.of()).variantKey()); // 244 < 500
        assertEquals("z", eval(s, "foo", "2", Map.of()).variantKey()); // 934 < 1000
    }

    @Test
    void tinyRolloutIsKeptWithWidthZeroAndNeverSelected() {
        // 0.05 -> width 0: boundaries [0, 500, 1000]; bucket 244 -> y
        NamespaceSnapshot s = snapshot(variantFlag("foo", true, List.of(v("x"), v("y"), v("z")), null,
                rule(1, "all", d("x", 0.05f), d("y", 50), d("z", 50))), everyone("all"));
        assertEquals("y", eval(s, "foo", "1", Map.of()).variantKey());
        // a rule whose only distributions have width 0 still has distributions: bucket is beyond -> no match
        NamespaceSnapshot tiny = snapshot(variantFlag("foo", true, List.of(v("x")), null,
                rule(1, "all", d("x", 0.05f))), everyone("all"));
        assertEquals(expected("foo", false, UNKNOWN_EVALUATION_REASON, "", "", "all"), eval(tiny, "foo", "1", Map.of()));
    }

    @Test
    void scenarioH_underAllocated() {
        NamespaceSnapshot s = snapshot(variantFlag("foo", true, List.of(v("x"), v("y")), null,
                rule(1, "all", d("x", 25), d("y", 25))), everyone("all"));
        assertEquals("x", eval(s, "foo", "1", Map.of()).variantKey()); // 244 < 250
        VariantEvaluation out = eval(s, "foo", "2", Map.of());           // 934 >= 500
        assertEquals(false, out.match());
        assertEquals("", out.variantKey());
    }

    @Test
    void scenarioK_emptyEntityIdIsHashedAsEmptyString() {
        // crc32("checkout") % 1000 = 414: [a 41.4, b 58.6] -> widths 414 / 586 -> bucket 414 lands on b
        NamespaceSnapshot s = snapshot(variantFlag("checkout", true, List.of(v("a"), v("b")), null,
                rule(1, "all", d("a", 41.4f), d("b", 58.6f))), everyone("all"));
        assertEquals(414, (int) (41.4f * 10f));
        assertEquals("b", eval(s, "checkout", "", Map.of()).variantKey());
        assertEquals("b", eval(s, "checkout", null, null).variantKey());
        NamespaceSnapshot s2 = snapshot(variantFlag("checkout", true, List.of(v("a"), v("b")), null,
                rule(1, "all", d("a", 41.5f), d("b", 58.5f))), everyone("all"));
        assertEquals("a", eval(s2, "checkout", "", Map.of()).variantKey());
    }

    @Test
    void firstMatchingRuleIsFinalEvenWhenTheBucketMissesItsDistributions() {
        // rank 1 matches but only covers buckets 0..99; foo/123 has bucket 253. Rank 2 would give "booz".
        NamespaceSnapshot s = snapshot(variantFlag("foo", true, List.of(v("boz"), v("booz")), "booz",
                rule(1, "first", d("boz", 10)),
                rule(2, "second", d("booz", 100))), everyone("first"), everyone("second"));
        assertEquals(expected("foo", false, DEFAULT_EVALUATION_REASON, "booz", "", "first"),
                eval(s, "foo", "123", Map.of()));
    }

    @Test
    void laterRuleIsTriedWhenEarlierSegmentsDoNotMatch() {
        NamespaceSnapshot s = snapshot(variantFlag("foo", true, List.of(v("pro"), v("free")), null,
                rule(1, "pro-users", d("pro", 100)),
                rule(2, "all", d("free", 100))), when("pro-users", "plan", "pro"), everyone("all"));
        assertEquals(expected("foo", true, MATCH_EVALUATION_REASON, "pro", "", "pro-users"),
                eval(s, "foo", "x", ctx("plan", "pro")));
        assertEquals(expected("foo", true, MATCH_EVALUATION_REASON, "free", "", "all"),
                eval(s, "foo", "x", ctx("plan", "free")));
    }

    @Test
    void rulesAreEvaluatedByRankAndEqualRanksKeepInputOrder() {
        NamespaceSnapshot s = snapshot(variantFlag("foo", true, List.of(v("a"), v("b"), v("c")), null,
                rule(3, "all", d("c", 100)),
                new RuleDefinition("tie-first", 2, List.of("all"), OR, List.of(d("a", 100))),
                new RuleDefinition("tie-second", 2, List.of("all"), OR, List.of(d("b", 100)))), everyone("all"));
        assertEquals("a", eval(s, "foo", "x", Map.of()).variantKey());
    }

    @Test
    void disabledFlagKeepsDefaultVariantValues() {
        NamespaceSnapshot withDefault = snapshot(variantFlag("foo", false, List.of(v("on"), v("off", "{\"x\": [1, 2]}")),
                "off", rule(1, "all", d("on", 100))), everyone("all"));
        assertEquals(expected("foo", false, FLAG_DISABLED_EVALUATION_REASON, "off", "{\"x\":[1,2]}"),
                eval(withDefault, "foo", "x", Map.of()));
        NamespaceSnapshot noDefault = snapshot(variantFlag("foo", false, List.of(v("on")), null,
                rule(1, "all", d("on", 100))), everyone("all"));
        assertEquals(expected("foo", false, FLAG_DISABLED_EVALUATION_REASON, "", ""),
                eval(noDefault, "foo", "x", Map.of()));
    }

    @Test
    void defaultVariantPaths() {
        List<VariantDefinition> variants = List.of(v("on", "{\"k\":\"v\"}"), v("off", "\"plain\""));
        // no rules at all
        assertEquals(expected("foo", false, DEFAULT_EVALUATION_REASON, "off", "\"plain\""),
                eval(snapshot(variantFlag("foo", true, variants, "off")), "foo", "x", Map.of()));
        assertEquals(expected("foo", false, UNKNOWN_EVALUATION_REASON, "", ""),
                eval(snapshot(variantFlag("foo", true, variants, null)), "foo", "x", Map.of()));
        // rules, none matches
        NamespaceSnapshot s = snapshot(variantFlag("foo", true, variants, "off",
                rule(1, "pro-users", d("on", 100))), when("pro-users", "plan", "pro"));
        assertEquals(expected("foo", false, DEFAULT_EVALUATION_REASON, "off", "\"plain\""),
                eval(s, "foo", "x", ctx("plan", "free")));
        // matching rule without distributions: match=true, MATCH, but the value stays the default variant
        NamespaceSnapshot noDist = snapshot(variantFlag("foo", true, variants, "off",
                rule(1, "pro-users")), when("pro-users", "plan", "pro"));
        assertEquals(expected("foo", true, MATCH_EVALUATION_REASON, "off", "\"plain\"", "pro-users"),
                eval(noDist, "foo", "x", ctx("plan", "pro")));
        NamespaceSnapshot noDistNoDefault = snapshot(variantFlag("foo", true, variants, null,
                rule(1, "pro-users", d("on", 0))), when("pro-users", "plan", "pro"));
        assertEquals(expected("foo", true, MATCH_EVALUATION_REASON, "", "", "pro-users"),
                eval(noDistNoDefault, "foo", "x", ctx("plan", "pro")));
        // matched distribution replaces the default
        NamespaceSnapshot matched = snapshot(variantFlag("foo", true, variants, "off",
                rule(1, "pro-users", d("on", 100))), when("pro-users", "plan", "pro"));
        assertEquals(expected("foo", true, MATCH_EVALUATION_REASON, "on", "{\"k\":\"v\"}", "pro-users"),
                eval(matched, "foo", "x", ctx("plan", "pro")));
    }

    @Test
    void multiSegmentRulesReportMatchedSegmentsInRuleOrder() {
        NamespaceSnapshot s = snapshot(variantFlag("foo", true, List.of(v("a"), v("b")), null,
                rule(1, List.of("seg-b", "seg-a", "seg-c"), AND, d("a", 100)),
                rule(2, List.of("seg-c", "seg-a", "seg-b"), OR, d("b", 100))),
                when("seg-a", "a", "1"), when("seg-b", "b", "1"), when("seg-c", "c", "1"));
        assertEquals(expected("foo", true, MATCH_EVALUATION_REASON, "a", "", "seg-b", "seg-a", "seg-c"),
                eval(s, "foo", "x", ctx("a", "1", "b", "1", "c", "1")));
        // AND fails -> OR rule: only the matched segments, in the OR rule's order
        assertEquals(expected("foo", true, MATCH_EVALUATION_REASON, "b", "", "seg-a", "seg-b"),
                eval(s, "foo", "x", ctx("a", "1", "b", "1")));
        assertEquals(expected("foo", true, MATCH_EVALUATION_REASON, "b", "", "seg-c"),
                eval(s, "foo", "x", ctx("c", "1")));
        assertEquals("seg-c", eval(s, "foo", "x", ctx("c", "1")).segmentKey());
        assertEquals(expected("foo", false, UNKNOWN_EVALUATION_REASON, "", ""),
                eval(s, "foo", "x", ctx()));
    }

    @Test
    void orRulesWithManySegmentsComputeMatchedKeysAtEvaluationTime() {
        List<String> keys = List.of("s0", "s1", "s2", "s3", "s4", "s5");
        NamespaceSnapshot s = snapshot(variantFlag("foo", true, List.of(v("a")), null,
                rule(1, keys, OR, d("a", 100))),
                when("s0", "k0", "1"), when("s1", "k1", "1"), when("s2", "k2", "1"),
                when("s3", "k3", "1"), when("s4", "k4", "1"), when("s5", "k5", "1"));
        assertEquals(List.of("s1", "s4", "s5"), eval(s, "foo", "x", ctx("k1", "1", "k4", "1", "k5", "1")).segmentKeys());
        assertEquals(keys, eval(s, "foo", "x", ctx("k0", "1", "k1", "1", "k2", "1", "k3", "1", "k4", "1", "k5", "1"))
                .segmentKeys());
        assertEquals(false, eval(s, "foo", "x", ctx()).match());
    }

    @Test
    void distributionOf100kEntitiesFollows50_30_20WithinOnePercentagePoint() {
        NamespaceSnapshot s = snapshot(variantFlag("experiment", true, List.of(v("a"), v("b"), v("c")), null,
                rule(1, "all", d("a", 50), d("b", 30), d("c", 20))), everyone("all"));
        int a = 0;
        int b = 0;
        int c = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            VariantEvaluation r = eval(s, "experiment", "user-" + i, Map.of());
            assertTrue(r.match());
            switch (r.variantKey()) {
                case "a" -> a++;
                case "b" -> b++;
                case "c" -> c++;
                default -> throw new AssertionError(r);
            }
        }
        assertEquals(n, a + b + c);
        assertEquals(50.0, 100.0 * a / n, 1.0, "a");
        assertEquals(30.0, 100.0 * b / n, 1.0, "b");
        assertEquals(20.0, 100.0 * c / n, 1.0, "c");
    }

    @Test
    void resultMatchesAReferenceImplementationOverManyEntities() {
        // Straight transcription of contract 6.4/6.5 with java.util.zip.CRC32 and getBytes, for comparison.
        float[] rollouts = {12.5f, 0f, 0.7f, 33.3f, 20.2f};
        String[] names = {"v0", "v1", "v2", "v3", "v4"};
        NamespaceSnapshot s = snapshot(variantFlag("flag-ü", true,
                List.of(v("v0"), v("v1"), v("v2"), v("v3"), v("v4")), null,
                rule(1, "all", d("v0", rollouts[0]), d("v1", rollouts[1]), d("v2", rollouts[2]),
                        d("v3", rollouts[3]), d("v4", rollouts[4]))), everyone("all"));
        for (int i = 0; i < 20_000; i++) {
            String entity = "e" + (i * 7919) + (i % 3 == 0 ? "é" : "");
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(("flag-ü" + entity).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            long bucket = crc.getValue() % 1000;
            String want = "";
            int cumulative = 0;
            for (int k = 0; k < rollouts.length; k++) {
                if (rollouts[k] > 0) {
                    cumulative += (int) (rollouts[k] * 10f);
                    if (cumulative > bucket) {
                        want = names[k];
                        break;
                    }
                }
            }
            VariantEvaluation got = eval(s, "flag-ü", entity, Map.of());
            assertEquals(want, got.variantKey(), entity);
            assertEquals(!want.isEmpty(), got.match(), entity);
        }
    }
}
