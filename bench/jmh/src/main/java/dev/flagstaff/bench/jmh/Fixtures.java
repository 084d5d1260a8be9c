package dev.flagstaff.bench.jmh;

import dev.flagstaff.evaluation.engine.ConstraintDefinition;
import dev.flagstaff.evaluation.engine.ConstraintType;
import dev.flagstaff.evaluation.engine.DistributionDefinition;
import dev.flagstaff.evaluation.engine.FlagDefinition;
import dev.flagstaff.evaluation.engine.MatchType;
import dev.flagstaff.evaluation.engine.NamespaceDefinition;
import dev.flagstaff.evaluation.engine.RolloutDefinition;
import dev.flagstaff.evaluation.engine.RuleDefinition;
import dev.flagstaff.evaluation.engine.SegmentDefinition;
import dev.flagstaff.evaluation.engine.SegmentOperator;
import dev.flagstaff.evaluation.engine.VariantDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Benchmark data: a realistic variant flag, a boolean flag, request mixes and a large namespace. */
final class Fixtures {

    private Fixtures() {
    }

    /** ALL of: plan eq pro, country isoneof [...], age gte 18. */
    static final SegmentDefinition PRO_USERS = new SegmentDefinition("pro-users", MatchType.ALL_MATCH_TYPE, List.of(
            new ConstraintDefinition(ConstraintType.STRING_COMPARISON_TYPE, "plan", "eq", "pro"),
            new ConstraintDefinition(ConstraintType.STRING_COMPARISON_TYPE, "country", "isoneof",
                    "[\"DE\",\"FR\",\"NL\",\"US\",\"GB\"]"),
            new ConstraintDefinition(ConstraintType.NUMBER_COMPARISON_TYPE, "age", "gte", "18")));

    /** ANY of: email suffix @flagstaff.dev, beta true, accountAgeDays lt 30. */
    static final SegmentDefinition BETA_TESTERS = new SegmentDefinition("beta-testers", MatchType.ANY_MATCH_TYPE,
            List.of(
                    new ConstraintDefinition(ConstraintType.STRING_COMPARISON_TYPE, "email", "suffix",
                            "@flagstaff.dev"),
                    new ConstraintDefinition(ConstraintType.BOOLEAN_COMPARISON_TYPE, "beta", "true", ""),
                    new ConstraintDefinition(ConstraintType.NUMBER_COMPARISON_TYPE, "accountAgeDays", "lt", "30")));

    static List<VariantDefinition> variants() {
        return List.of(new VariantDefinition("v-control", "control", "{\"layout\":\"classic\"}"),
                new VariantDefinition("v-treatment", "treatment", "{\"layout\":\"redesign\",\"steps\":2}"));
    }

    /** 3 rules, 2 segments of 3 constraints each, 2 distributions per rule. */
    static FlagDefinition realisticVariantFlag(String key) {
        return FlagDefinition.variantFlag(key, "Checkout redesign", true, variants(), "v-control", List.of(
                new RuleDefinition("r1", 1, List.of("pro-users", "beta-testers"), SegmentOperator.AND_SEGMENT_OPERATOR,
                        List.of(new DistributionDefinition("v-control", 50), new DistributionDefinition("v-treatment", 50))),
                new RuleDefinition("r2", 2, List.of("beta-testers"), SegmentOperator.OR_SEGMENT_OPERATOR,
                        List.of(new DistributionDefinition("v-control", 30), new DistributionDefinition("v-treatment", 70))),
                new RuleDefinition("r3", 3, List.of("pro-users"), SegmentOperator.OR_SEGMENT_OPERATOR,
                        List.of(new DistributionDefinition("v-control", 50), new DistributionDefinition("v-treatment", 50)))));
    }

    /** Segment rollout (pro-users -> true), then a 30% threshold (-> true); fallback enabled=false. */
    static FlagDefinition realisticBooleanFlag(String key) {
        return FlagDefinition.booleanFlag(key, "Dark mode", false, List.of(
                RolloutDefinition.segment(1, List.of("pro-users"), SegmentOperator.OR_SEGMENT_OPERATOR, true),
                RolloutDefinition.threshold(2, 30, true)));
    }

    static NamespaceDefinition namespace(List<FlagDefinition> flags) {
        return new NamespaceDefinition("default", flags, List.of(PRO_USERS, BETA_TESTERS));
    }

    /** A request: entity id and context (fresh strings, as a JSON decoder would produce). */
    record Request(String entityId, Map<String, String> context) {
    }

    /** Which rule a request is built to match. */
    enum Kind { RULE1_PRO_AND_BETA, RULE2_BETA, RULE3_PRO, NO_MATCH }

    static Request request(int i, Kind kind) {
        Map<String, String> ctx = new HashMap<>();
        boolean pro = kind == Kind.RULE1_PRO_AND_BETA || kind == Kind.RULE3_PRO;
        boolean beta = kind == Kind.RULE1_PRO_AND_BETA || kind == Kind.RULE2_BETA;
        put(ctx, "plan", pro ? "pro" : "free");
        put(ctx, "country", new String[] {"DE", "US", "NL", "GB"}[i & 3]);
        put(ctx, "age", Integer.toString(20 + (i % 50)));
        put(ctx, "email", "user" + i + (beta && (i & 1) == 0 ? "@flagstaff.dev" : "@example.com"));
        put(ctx, "beta", beta && (i & 1) == 1 ? "true" : "false");
        put(ctx, "accountAgeDays", Integer.toString(beta ? 400 : 30 + i % 900));
        put(ctx, "platform", (i & 1) == 0 ? "ios" : "android");
        put(ctx, "appVersion", "4." + (i % 20) + ".1");
        return new Request(new String(("user-" + (i * 7919 + 13)).toCharArray()), ctx);
    }

    private static void put(Map<String, String> ctx, String key, String value) {
        ctx.put(new String(key.toCharArray()), new String(value.toCharArray()));
    }

    /** 1024 requests, an equal mix of the four kinds. */
    static Request[] mixedRequests() {
        Request[] out = new Request[1024];
        Kind[] kinds = Kind.values();
        for (int i = 0; i < out.length; i++) {
            out[i] = request(i, kinds[i % kinds.length]);
        }
        return out;
    }

    /** 1024 requests that all walk every rule and match only the last one. */
    static Request[] worstCaseRequests() {
        Request[] out = new Request[1024];
        for (int i = 0; i < out.length; i++) {
            out[i] = request(i, Kind.RULE3_PRO);
        }
        return out;
    }

    /**
     * {@code flags} flags of {@code rulesPerFlag} rules each, over a pool of 200 segments of 3 constraints
     * (every constraint type, including isoneof arrays and datetimes, so compile-time parsing is exercised).
     */
    static NamespaceDefinition largeNamespace(int flags, int rulesPerFlag) {
        Random random = new Random(1);
        List<SegmentDefinition> segments = new ArrayList<>();
        for (int s = 0; s < 200; s++) {
            segments.add(new SegmentDefinition("segment-" + s, s % 2 == 0 ? MatchType.ALL_MATCH_TYPE
                    : MatchType.ANY_MATCH_TYPE, List.of(
                    new ConstraintDefinition(ConstraintType.STRING_COMPARISON_TYPE, "plan", "isoneof",
                            "[\"free\",\"pro\",\"team-" + s + "\"]"),
                    new ConstraintDefinition(ConstraintType.NUMBER_COMPARISON_TYPE, "age", "gte",
                            Integer.toString(random.nextInt(60))),
                    new ConstraintDefinition(ConstraintType.DATETIME_COMPARISON_TYPE, "signup", "lt",
                            "2024-0" + (1 + s % 9) + "-15T10:00:00Z"))));
        }
        List<FlagDefinition> flagDefs = new ArrayList<>();
        for (int f = 0; f < flags; f++) {
            List<RuleDefinition> rules = new ArrayList<>();
            for (int r = 0; r < rulesPerFlag; r++) {
                List<String> segs = r % 2 == 0
                        ? List.of("segment-" + random.nextInt(200))
                        : List.of("segment-" + random.nextInt(200), "segment-" + random.nextInt(200) + "");
                if (segs.size() == 2 && segs.get(0).equals(segs.get(1))) {
                    segs = List.of(segs.get(0));
                }
                rules.add(new RuleDefinition("flag-" + f + "-rule-" + r, r + 1, segs,
                        r % 3 == 0 ? SegmentOperator.AND_SEGMENT_OPERATOR : SegmentOperator.OR_SEGMENT_OPERATOR,
                        List.of(new DistributionDefinition("v-control", 33.3f),
                                new DistributionDefinition("v-treatment", 66.7f))));
            }
            flagDefs.add(FlagDefinition.variantFlag("flag-" + f, "Flag " + f, true, variants(), null, rules));
        }
        return new NamespaceDefinition("default", flagDefs, segments);
    }
}
