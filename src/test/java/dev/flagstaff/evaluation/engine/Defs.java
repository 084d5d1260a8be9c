package dev.flagstaff.evaluation.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Terse builders for test definitions. */
final class Defs {

    private Defs() {
    }

    static final ConstraintType STRING = ConstraintType.STRING_COMPARISON_TYPE;
    static final ConstraintType NUMBER = ConstraintType.NUMBER_COMPARISON_TYPE;
    static final ConstraintType BOOLEAN = ConstraintType.BOOLEAN_COMPARISON_TYPE;
    static final ConstraintType DATETIME = ConstraintType.DATETIME_COMPARISON_TYPE;
    static final ConstraintType ENTITY_ID = ConstraintType.ENTITY_ID_COMPARISON_TYPE;
    static final SegmentOperator OR = SegmentOperator.OR_SEGMENT_OPERATOR;
    static final SegmentOperator AND = SegmentOperator.AND_SEGMENT_OPERATOR;
    static final MatchType ALL = MatchType.ALL_MATCH_TYPE;
    static final MatchType ANY = MatchType.ANY_MATCH_TYPE;

    static ConstraintDefinition c(ConstraintType type, String property, String operator, String value) {
        return new ConstraintDefinition(type, property, operator, value);
    }

    static SegmentDefinition seg(String key, MatchType matchType, ConstraintDefinition... constraints) {
        return new SegmentDefinition(key, matchType, List.of(constraints));
    }

    /** A segment that matches every request. */
    static SegmentDefinition everyone(String key) {
        return seg(key, ALL);
    }

    /** A segment that matches when context[property] == value. */
    static SegmentDefinition when(String key, String property, String value) {
        return seg(key, ALL, c(STRING, property, "eq", value));
    }

    static VariantDefinition v(String key) {
        return new VariantDefinition("id-" + key, key, "");
    }

    static VariantDefinition v(String key, String attachment) {
        return new VariantDefinition("id-" + key, key, attachment);
    }

    static DistributionDefinition d(String variantKey, float rollout) {
        return new DistributionDefinition("id-" + variantKey, rollout);
    }

    static RuleDefinition rule(int rank, List<String> segments, SegmentOperator op, DistributionDefinition... ds) {
        return new RuleDefinition("r" + rank, rank, segments, op, List.of(ds));
    }

    static RuleDefinition rule(int rank, String segment, DistributionDefinition... ds) {
        return rule(rank, List.of(segment), OR, ds);
    }

    static FlagDefinition variantFlag(String key, boolean enabled, List<VariantDefinition> variants,
                                      String defaultVariantKey, RuleDefinition... rules) {
        return FlagDefinition.variantFlag(key, key, enabled, variants,
                defaultVariantKey == null ? null : "id-" + defaultVariantKey, Arrays.asList(rules));
    }

    static FlagDefinition booleanFlag(String key, boolean enabled, RolloutDefinition... rollouts) {
        return FlagDefinition.booleanFlag(key, key, enabled, Arrays.asList(rollouts));
    }

    static NamespaceSnapshot snapshot(List<FlagDefinition> flags, SegmentDefinition... segments) {
        return NamespaceSnapshot.compile(new NamespaceDefinition("default", flags, List.of(segments)));
    }

    static NamespaceSnapshot snapshot(FlagDefinition flag, SegmentDefinition... segments) {
        return snapshot(List.of(flag), segments);
    }

    static Map<String, String> ctx(String... kv) {
        if (kv.length % 2 != 0) {
            throw new IllegalArgumentException("key/value pairs expected");
        }
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
