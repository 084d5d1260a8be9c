package dev.flagstaff.evaluation.engine;

import static dev.flagstaff.evaluation.engine.Defs.booleanFlag;
import static dev.flagstaff.evaluation.engine.Defs.d;
import static dev.flagstaff.evaluation.engine.Defs.everyone;
import static dev.flagstaff.evaluation.engine.Defs.rule;
import static dev.flagstaff.evaluation.engine.Defs.snapshot;
import static dev.flagstaff.evaluation.engine.Defs.v;
import static dev.flagstaff.evaluation.engine.Defs.variantFlag;
import static dev.flagstaff.evaluation.engine.RolloutDefinition.threshold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Snapshot compilation, lookups, and how "not found" / "wrong type" surface. */
class SnapshotAndApiTest {

    private final NamespaceSnapshot snapshot = snapshot(List.of(
            variantFlag("color", true, List.of(v("red")), null, rule(1, "all", d("red", 100))),
            booleanFlag("dark_mode", false, threshold(1, 100, true)),
            variantFlag("off", false, List.of(v("red")), null)), everyone("all"));

    @Test
    void flagsAreListedInCreationOrderAndLookedUpByKey() {
        assertEquals(List.of(
                new FlagInfo("color", "color", FlagType.VARIANT_FLAG_TYPE, true),
                new FlagInfo("dark_mode", "dark_mode", FlagType.BOOLEAN_FLAG_TYPE, false),
                new FlagInfo("off", "off", FlagType.VARIANT_FLAG_TYPE, false)), snapshot.flags());
        assertEquals(3, snapshot.size());
        assertEquals(Optional.of(FlagType.BOOLEAN_FLAG_TYPE), snapshot.flag("dark_mode").map(FlagInfo::type));
        assertEquals(Optional.empty(), snapshot.flag("nope"));
        assertEquals("default", snapshot.namespaceKey());
    }

    @Test
    void typedEvaluationOfAMissingFlagThrowsNotFoundWithFliptsMessage() {
        FlagNotFoundException e = assertThrows(FlagNotFoundException.class,
                () -> Evaluator.evaluateVariant(snapshot, "nope", "x", Map.of()));
        assertEquals("flag \"default/nope\" not found", e.getMessage());
        assertEquals("nope", e.flagKey());
        assertEquals("default", e.namespaceKey());
        assertEquals("flag \"default\" not found",
                assertThrows(FlagNotFoundException.class, () -> Evaluator.evaluateBoolean(snapshot, "", "x", null))
                        .getMessage());
        assertEquals("flag \"default\" not found",
                assertThrows(FlagNotFoundException.class, () -> Evaluator.evaluateBoolean(snapshot, null, "x", null))
                        .getMessage());
    }

    @Test
    void typedEvaluationOfTheOtherTypeThrowsTypeMismatch() {
        FlagTypeMismatchException e = assertThrows(FlagTypeMismatchException.class,
                () -> Evaluator.evaluateVariant(snapshot, "dark_mode", "x", Map.of()));
        assertEquals("flag type BOOLEAN_FLAG_TYPE invalid", e.getMessage());
        assertEquals(FlagType.BOOLEAN_FLAG_TYPE, e.actualType());
        assertInstanceOf(InvalidEvaluationException.class, e);
        assertEquals("flag type VARIANT_FLAG_TYPE invalid",
                assertThrows(FlagTypeMismatchException.class,
                        () -> Evaluator.evaluateBoolean(snapshot, "color", "x", Map.of())).getMessage());
    }

    @Test
    void dispatchingEvaluationReturnsEachKind() {
        assertEquals(new VariantEvaluation("color", true, EvaluationReason.MATCH_EVALUATION_REASON, "red", "",
                List.of("all")), Evaluator.evaluate(snapshot, "color", "x", Map.of()));
        assertEquals(new BooleanEvaluation("dark_mode", true, EvaluationReason.MATCH_EVALUATION_REASON),
                Evaluator.evaluate(snapshot, "dark_mode", "x", Map.of()));
        FlagEvaluation missing = Evaluator.evaluate(snapshot, "nope", "x", Map.of());
        assertEquals(new FlagNotFound("default", "nope"), missing);
        assertEquals("flag \"default/nope\" not found", ((FlagNotFound) missing).message());
        assertEquals(new VariantEvaluation("off", false, EvaluationReason.FLAG_DISABLED_EVALUATION_REASON, "", "",
                List.of()), Evaluator.evaluate(snapshot, "off", "x", null));
    }

    @Test
    void emptySnapshotFindsNothing() {
        NamespaceSnapshot empty = NamespaceSnapshot.empty("production");
        assertEquals(new FlagNotFound("production", "x"), Evaluator.evaluate(empty, "x", "e", null));
        assertEquals(List.of(), empty.flags());
    }

    @Test
    void notFoundMessageUsesGoPathJoinAndQuote() {
        assertEquals("flag \"default/a/b\" not found", FlagNotFoundException.message("default", "a/b/"));
        assertEquals("flag \"x\" not found", FlagNotFoundException.message("default", "../x"));
        assertEquals("flag \"default/say \\\"hi\\\"\\n\" not found",
                FlagNotFoundException.message("default", "say \"hi\"\n"));
        assertEquals("flag \"default/é\\u00a0\" not found", FlagNotFoundException.message("default", "é\u00a0"));
    }

    @Test
    void reasonNumbersPerApi() {
        assertEquals(List.of(0, 1, 3, 5), List.of(EvaluationReason.values()).stream()
                .map(EvaluationReason::legacyNumber).toList());
        assertEquals(List.of(0, 1, 2, 3), List.of(EvaluationReason.values()).stream()
                .map(EvaluationReason::evaluationV1Number).toList());
        assertEquals(List.of("UNKNOWN", "DISABLED", "TARGETING_MATCH", "DEFAULT"), List.of(EvaluationReason.values())
                .stream().map(EvaluationReason::ofrepReason).toList());
    }

    @Test
    void compileRejectsDanglingReferencesAndDuplicates() {
        assertThrows(IllegalArgumentException.class, () -> snapshot(
                variantFlag("f", true, List.of(v("a")), null, rule(1, "missing", d("a", 100)))));
        assertThrows(IllegalArgumentException.class, () -> snapshot(
                variantFlag("f", true, List.of(v("a")), null, rule(1, "all", d("zzz", 100))), everyone("all")));
        assertThrows(IllegalArgumentException.class, () -> snapshot(
                variantFlag("f", true, List.of(v("a")), "zzz")));
        assertThrows(IllegalArgumentException.class, () -> snapshot(List.of(
                variantFlag("f", true, List.of(), null), variantFlag("f", true, List.of(), null))));
        assertThrows(IllegalArgumentException.class, () -> snapshot(List.of(), everyone("s"), everyone("s")));
        assertThrows(IllegalArgumentException.class, () -> snapshot(booleanFlag("b", true,
                RolloutDefinition.segment(1, List.of("missing"), null, true))));
    }

    @Test
    void emptyDefaultVariantIdMeansNone() {
        NamespaceSnapshot s = snapshot(FlagDefinition.variantFlag("f", "F", true, List.of(v("a")), "", List.of()));
        assertEquals(EvaluationReason.UNKNOWN_EVALUATION_REASON,
                Evaluator.evaluateVariant(s, "f", "x", null).reason());
    }

    @Test
    void snapshotIsSafeToShareBetweenThreads() throws Exception {
        List<FlagDefinition> flags = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            flags.add(variantFlag("f" + i, true, List.of(v("a"), v("b")), null, rule(1, "all", d("a", 50), d("b", 50))));
        }
        NamespaceSnapshot s = snapshot(flags, everyone("all"));
        Map<String, String> expected = new java.util.HashMap<>();
        for (int i = 0; i < 200; i++) {
            expected.put("f" + i, Evaluator.evaluateVariant(s, "f" + i, "user-" + i, null).variantKey());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        for (int i = 0; i < 200; i++) {
                            if (!expected.get("f" + i).equals(
                                    Evaluator.evaluateVariant(s, "f" + i, "user-" + i, null).variantKey())) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
