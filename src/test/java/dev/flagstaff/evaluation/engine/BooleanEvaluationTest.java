package dev.flagstaff.evaluation.engine;

import static dev.flagstaff.evaluation.engine.Defs.AND;
import static dev.flagstaff.evaluation.engine.Defs.OR;
import static dev.flagstaff.evaluation.engine.Defs.booleanFlag;
import static dev.flagstaff.evaluation.engine.Defs.ctx;
import static dev.flagstaff.evaluation.engine.Defs.everyone;
import static dev.flagstaff.evaluation.engine.Defs.snapshot;
import static dev.flagstaff.evaluation.engine.Defs.when;
import static dev.flagstaff.evaluation.engine.EvaluationReason.DEFAULT_EVALUATION_REASON;
import static dev.flagstaff.evaluation.engine.EvaluationReason.MATCH_EVALUATION_REASON;
import static dev.flagstaff.evaluation.engine.RolloutDefinition.segment;
import static dev.flagstaff.evaluation.engine.RolloutDefinition.threshold;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract 6.7 and scenarios I, J of 6.9. */
class BooleanEvaluationTest {

    private static BooleanEvaluation eval(NamespaceSnapshot s, String flag, String entity, Map<String, String> ctx) {
        return Evaluator.evaluateBoolean(s, flag, entity, ctx);
    }

    @Test
    void scenarioI_disabledFlagWithSegmentThenThreshold() {
        NamespaceSnapshot s = snapshot(booleanFlag("boolean_disabled", false,
                segment(1, List.of("everyone"), OR, true),
                threshold(2, 50, true)), when("everyone", "in", "yes"));
        // segment does not match; h = 38 < 50 -> threshold value, although the flag is disabled
        assertEquals(new BooleanEvaluation("boolean_disabled", true, MATCH_EVALUATION_REASON),
                eval(s, "boolean_disabled", "fixed", ctx("in", "no")));
        // h = 99: no rollout -> flag.enabled (false), DEFAULT
        assertEquals(new BooleanEvaluation("boolean_disabled", false, DEFAULT_EVALUATION_REASON),
                eval(s, "boolean_disabled", "beover50", ctx("in", "no")));
        // segment rollout at rank 1 wins
        assertEquals(new BooleanEvaluation("boolean_disabled", true, MATCH_EVALUATION_REASON),
                eval(s, "boolean_disabled", "beover50", ctx("in", "yes")));
    }

    @Test
    void scenarioI_asInFliptsIntegrationTestWithThresholdValueFalse() {
        NamespaceSnapshot s = snapshot(booleanFlag("boolean_disabled", false,
                segment(1, List.of("everyone"), OR, true),
                threshold(2, 50, false)), when("everyone", "in", "yes"));
        assertEquals(new BooleanEvaluation("boolean_disabled", false, MATCH_EVALUATION_REASON),
                eval(s, "boolean_disabled", "fixed", ctx()));
        assertEquals(new BooleanEvaluation("boolean_disabled", false, DEFAULT_EVALUATION_REASON),
                eval(s, "boolean_disabled", "beover50", ctx()));
    }

    @Test
    void scenarioJ_thirtyPercentThreshold() {
        NamespaceSnapshot s = snapshot(booleanFlag("dark_mode", true, threshold(1, 30, false)));
        assertEquals(new BooleanEvaluation("dark_mode", false, MATCH_EVALUATION_REASON),
                eval(s, "dark_mode", "user-1", Map.of()));  // h = 29
        assertEquals(new BooleanEvaluation("dark_mode", false, MATCH_EVALUATION_REASON),
                eval(s, "dark_mode", "user-4", Map.of()));  // h = 17
        assertEquals(new BooleanEvaluation("dark_mode", true, DEFAULT_EVALUATION_REASON),
                eval(s, "dark_mode", "user-2", Map.of()));  // h = 62 -> falls through to enabled=true
    }

    @Test
    void enabledIsIgnoredWhileEvaluatingRollouts() {
        NamespaceSnapshot disabled = snapshot(booleanFlag("f", false, threshold(1, 100, true)));
        assertEquals(new BooleanEvaluation("f", true, MATCH_EVALUATION_REASON), eval(disabled, "f", "anyone", null));
        NamespaceSnapshot enabled = snapshot(booleanFlag("f", true, threshold(1, 100, false)));
        assertEquals(new BooleanEvaluation("f", false, MATCH_EVALUATION_REASON), eval(enabled, "f", "anyone", null));
    }

    @Test
    void noRolloutsFallsBackToEnabled() {
        assertEquals(new BooleanEvaluation("f", true, DEFAULT_EVALUATION_REASON),
                eval(snapshot(booleanFlag("f", true)), "f", "x", Map.of()));
        assertEquals(new BooleanEvaluation("f", false, DEFAULT_EVALUATION_REASON),
                eval(snapshot(booleanFlag("f", false)), "f", "x", Map.of()));
    }

    @Test
    void thresholdComparesTheHashAsFloat32() {
        // dark_mode/user-1: h = 29.  0 never matches, 100 always, 29.5 matches 29, 29 does not.
        assertEquals(DEFAULT_EVALUATION_REASON, eval(snapshot(booleanFlag("dark_mode", false, threshold(1, 0, true))),
                "dark_mode", "user-1", null).reason());
        assertEquals(MATCH_EVALUATION_REASON, eval(snapshot(booleanFlag("dark_mode", false, threshold(1, 29.5f, true))),
                "dark_mode", "user-1", null).reason());
        assertEquals(DEFAULT_EVALUATION_REASON, eval(snapshot(booleanFlag("dark_mode", false, threshold(1, 29, true))),
                "dark_mode", "user-1", null).reason());
        // boolean_disabled/beover50: h = 99; 100 always matches
        assertEquals(MATCH_EVALUATION_REASON, eval(snapshot(booleanFlag("boolean_disabled", false,
                threshold(1, 100, true))), "boolean_disabled", "beover50", null).reason());
        assertEquals(DEFAULT_EVALUATION_REASON, eval(snapshot(booleanFlag("boolean_disabled", false,
                threshold(1, 99, true))), "boolean_disabled", "beover50", null).reason());
    }

    @Test
    void thresholdHashesEntityIdThenFlagKey() {
        // color/bob: boolean h = 82 (entity first); the variant-order hash would be 797 % 100 = 97.
        NamespaceSnapshot s = snapshot(booleanFlag("color", false, threshold(1, 83, true)));
        assertEquals(MATCH_EVALUATION_REASON, eval(s, "color", "bob", null).reason());
        NamespaceSnapshot s82 = snapshot(booleanFlag("color", false, threshold(1, 82, true)));
        assertEquals(DEFAULT_EVALUATION_REASON, eval(s82, "color", "bob", null).reason());
    }

    @Test
    void rolloutsAreEvaluatedByRank() {
        NamespaceSnapshot s = snapshot(booleanFlag("f", false,
                threshold(2, 100, false),
                segment(1, List.of("all"), OR, true)), everyone("all"));
        assertEquals(new BooleanEvaluation("f", true, MATCH_EVALUATION_REASON), eval(s, "f", "x", null));
    }

    @Test
    void segmentRolloutsWithAndOr() {
        NamespaceSnapshot s = snapshot(booleanFlag("f", false,
                segment(1, List.of("a", "b"), AND, true),
                segment(2, List.of("a", "b"), OR, false)), when("a", "a", "1"), when("b", "b", "1"));
        assertEquals(new BooleanEvaluation("f", true, MATCH_EVALUATION_REASON), eval(s, "f", "x", ctx("a", "1", "b", "1")));
        assertEquals(new BooleanEvaluation("f", false, MATCH_EVALUATION_REASON), eval(s, "f", "x", ctx("b", "1")));
        assertEquals(new BooleanEvaluation("f", false, DEFAULT_EVALUATION_REASON), eval(s, "f", "x", ctx()));
    }

    @Test
    void unknownRolloutTypeIsSkipped() {
        NamespaceSnapshot s = snapshot(booleanFlag("f", true,
                new RolloutDefinition(1, RolloutType.UNKNOWN_ROLLOUT_TYPE, 100, false, List.of(), null),
                threshold(2, 100, false)));
        assertEquals(new BooleanEvaluation("f", false, MATCH_EVALUATION_REASON), eval(s, "f", "x", null));
    }
}
