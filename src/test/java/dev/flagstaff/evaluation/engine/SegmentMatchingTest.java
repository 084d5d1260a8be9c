package dev.flagstaff.evaluation.engine;

import static dev.flagstaff.evaluation.engine.Defs.ALL;
import static dev.flagstaff.evaluation.engine.Defs.AND;
import static dev.flagstaff.evaluation.engine.Defs.ANY;
import static dev.flagstaff.evaluation.engine.Defs.NUMBER;
import static dev.flagstaff.evaluation.engine.Defs.OR;
import static dev.flagstaff.evaluation.engine.Defs.STRING;
import static dev.flagstaff.evaluation.engine.Defs.c;
import static dev.flagstaff.evaluation.engine.Defs.ctx;
import static dev.flagstaff.evaluation.engine.Defs.d;
import static dev.flagstaff.evaluation.engine.Defs.rule;
import static dev.flagstaff.evaluation.engine.Defs.seg;
import static dev.flagstaff.evaluation.engine.Defs.snapshot;
import static dev.flagstaff.evaluation.engine.Defs.v;
import static dev.flagstaff.evaluation.engine.Defs.variantFlag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract 6.3. */
class SegmentMatchingTest {

    private static boolean matches(SegmentDefinition s, Map<String, String> context) {
        return new CompiledSegment(s).matches(context, "entity");
    }

    @Test
    void zeroConstraintsMatchForAllAndAny() {
        assertTrue(matches(seg("s", ALL), Map.of()));
        assertTrue(matches(seg("s", ANY), Map.of()));
    }

    @Test
    void allRequiresEveryConstraint() {
        SegmentDefinition s = seg("s", ALL, c(STRING, "plan", "eq", "pro"), c(NUMBER, "age", "gte", "18"));
        assertTrue(matches(s, ctx("plan", "pro", "age", "18")));
        assertFalse(matches(s, ctx("plan", "pro", "age", "17")));
        assertFalse(matches(s, ctx("age", "30")));
    }

    @Test
    void anyRequiresOneConstraint() {
        SegmentDefinition s = seg("s", ANY, c(STRING, "plan", "eq", "pro"), c(NUMBER, "age", "gte", "18"));
        assertTrue(matches(s, ctx("plan", "pro", "age", "1")));
        assertTrue(matches(s, ctx("age", "99")));
        assertFalse(matches(s, ctx("plan", "free", "age", "x")));
        assertFalse(matches(s, Map.of()));
    }

    @Test
    void andOrAcrossSegments() {
        SegmentDefinition a = seg("a", ALL, c(STRING, "a", "eq", "1"));
        SegmentDefinition b = seg("b", ALL, c(STRING, "b", "eq", "1"));
        NamespaceSnapshot s = snapshot(variantFlag("f", true, List.of(v("and"), v("or")), null,
                rule(1, List.of("a", "b"), AND, d("and", 100)),
                rule(2, List.of("a", "b"), OR, d("or", 100))), a, b);
        assertEquals("and", Evaluator.evaluateVariant(s, "f", "x", ctx("a", "1", "b", "1")).variantKey());
        assertEquals("or", Evaluator.evaluateVariant(s, "f", "x", ctx("a", "1")).variantKey());
        assertEquals("or", Evaluator.evaluateVariant(s, "f", "x", ctx("b", "1")).variantKey());
        assertEquals("", Evaluator.evaluateVariant(s, "f", "x", ctx("a", "2")).variantKey());
    }

    @Test
    void andWithAnEmptySegmentAndOneThatFails() {
        SegmentDefinition empty = seg("empty", ANY);
        SegmentDefinition never = seg("never", ALL, c(STRING, "x", "eq", "y"));
        NamespaceSnapshot s = snapshot(variantFlag("f", true, List.of(v("a")), null,
                rule(1, List.of("empty", "never"), AND, d("a", 100))), empty, never);
        assertFalse(Evaluator.evaluateVariant(s, "f", "e", Map.of()).match());
        assertTrue(Evaluator.evaluateVariant(s, "f", "e", ctx("x", "y")).match());
    }

    @Test
    void unknownConstraintTypeFailsEvaluationsThatReachItsSegment() {
        SegmentDefinition bad = seg("bad", ANY, c(STRING, "a", "eq", "1"),
                new ConstraintDefinition(ConstraintType.UNKNOWN_COMPARISON_TYPE, "b", "eq", "1"));
        SegmentDefinition good = seg("good", ALL, c(STRING, "plan", "eq", "pro"));
        NamespaceSnapshot s = snapshot(variantFlag("f", true, List.of(v("a"), v("b")), null,
                rule(1, "good", d("a", 100)),
                rule(2, List.of("good", "bad"), OR, d("b", 100))), good, bad);
        // rule 1 matches first: the bad segment is never reached
        assertEquals("a", Evaluator.evaluateVariant(s, "f", "e", ctx("plan", "pro")).variantKey());
        // rule 2 is reached: the whole evaluation fails with 400 "unknown constraint type", even though the
        // good segment alone would have matched... it does not here, and a matching first constraint of the
        // bad segment does not help either
        InvalidEvaluationException e = assertThrows(InvalidEvaluationException.class,
                () -> Evaluator.evaluateVariant(s, "f", "e", ctx("a", "1")));
        assertEquals("unknown constraint type", e.getMessage());
    }
}
