package dev.flagstaff.evaluation.engine;

import static dev.flagstaff.evaluation.engine.Defs.OR;
import static dev.flagstaff.evaluation.engine.Defs.booleanFlag;
import static dev.flagstaff.evaluation.engine.Defs.ctx;
import static dev.flagstaff.evaluation.engine.Defs.d;
import static dev.flagstaff.evaluation.engine.Defs.everyone;
import static dev.flagstaff.evaluation.engine.Defs.rule;
import static dev.flagstaff.evaluation.engine.Defs.snapshot;
import static dev.flagstaff.evaluation.engine.Defs.v;
import static dev.flagstaff.evaluation.engine.Defs.variantFlag;
import static dev.flagstaff.evaluation.engine.Defs.when;
import static dev.flagstaff.evaluation.engine.RolloutDefinition.threshold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The snapshot's layout (shared rule structure, flat per-flag results, open-addressing lookup) and the
 * derived snapshots of {@link NamespaceSnapshot#withFlag} / {@link NamespaceSnapshot#withoutFlag}: every
 * answer must equal the one of a snapshot compiled from scratch.
 */
class SnapshotLayoutTest {

    private static final SegmentDefinition[] SEGMENTS = {
        when("pro", "plan", "pro"), when("de", "country", "DE"), when("a1", "a", "1"), when("a2", "a", "2"),
        when("b1", "b", "1"), when("b2", "b", "2"), everyone("all")};

    private static final List<Map<String, String>> CONTEXTS = List.of(ctx(), ctx("plan", "pro"),
            ctx("country", "DE"), ctx("plan", "pro", "country", "DE"), ctx("a", "1", "b", "2"),
            ctx("a", "2", "b", "1", "plan", "pro", "country", "DE"));

    private static FlagDefinition shaped(String key, String first, String second, String attachment) {
        return variantFlag(key, true, List.of(v(first, attachment), v(second)), second,
                rule(1, List.of("pro", "de"), Defs.AND, d(first, 40), d(second, 60)),
                rule(2, List.of("pro", "de"), OR, d(first, 50), d(second, 50)),
                rule(3, "all", d(second, 100)));
    }

    private static void assertSameAnswers(NamespaceSnapshot expected, NamespaceSnapshot actual, String... keys) {
        assertEquals(expected.flags(), actual.flags());
        for (String key : keys) {
            assertEquals(expected.flag(key), actual.flag(key));
            for (Map<String, String> c : CONTEXTS) {
                for (String entity : List.of("e1", "e2", "user-42", "")) {
                    assertEquals(Evaluator.evaluate(expected, key, entity, c), Evaluator.evaluate(actual, key, entity, c),
                            key + " " + entity + " " + c);
                }
            }
        }
    }

    @Test
    void flagsWithTheSameRuleStructureAnswerWithTheirOwnKeysVariantsAndAttachments() {
        NamespaceSnapshot both = snapshot(List.of(shaped("one", "red", "blue", "{\"a\": 1}"),
                shaped("two", "green", "grey", "{\"b\":2}")), SEGMENTS);
        assertSameAnswers(snapshot(List.of(shaped("one", "red", "blue", "{\"a\": 1}")), SEGMENTS), 
                NamespaceSnapshot.compile(new NamespaceDefinition("default",
                        List.of(shaped("one", "red", "blue", "{\"a\": 1}")), List.of(SEGMENTS))), "one");
        VariantEvaluation one = Evaluator.evaluateVariant(both, "one", "e1", ctx("plan", "pro", "country", "DE"));
        VariantEvaluation two = Evaluator.evaluateVariant(both, "two", "e1", ctx("plan", "pro", "country", "DE"));
        assertEquals("one", one.flagKey());
        assertEquals("two", two.flagKey());
        assertEquals(List.of("pro", "de"), one.segmentKeys());
        assertEquals(one.match(), two.match());
        // same bucket position is not implied (the flag key is hashed), but each answer names its own variants
        assertEquals(true, List.of("red", "blue").contains(one.variantKey()));
        assertEquals(true, List.of("green", "grey").contains(two.variantKey()));
        VariantEvaluation orOnly = Evaluator.evaluateVariant(both, "two", "e1", ctx("country", "DE"));
        assertEquals(List.of("de"), orOnly.segmentKeys());
        assertEquals(true, orOnly.match());
        VariantEvaluation red = Evaluator.evaluateVariant(
                snapshot(List.of(variantFlag("one", true, List.of(v("red", "{\"a\": 1}")), null,
                        rule(1, "all", d("red", 100)))), SEGMENTS), "one", "x", ctx());
        assertEquals("{\"a\":1}", red.variantAttachment());
    }

    @Test
    void anOrRuleWithMoreThanFourSegmentsNamesOnlyTheMatchedOnes() {
        NamespaceSnapshot s = snapshot(variantFlag("wide", true, List.of(v("on")), null,
                rule(1, List.of("pro", "de", "a1", "a2", "b1", "b2"), OR, d("on", 100))), SEGMENTS);
        assertEquals(new VariantEvaluation("wide", true, EvaluationReason.MATCH_EVALUATION_REASON, "on", "",
                List.of("de", "a2", "b1")), Evaluator.evaluateVariant(s, "wide", "e", ctx("a", "2", "b", "1",
                "country", "DE")));
        assertEquals(new VariantEvaluation("wide", false, EvaluationReason.UNKNOWN_EVALUATION_REASON, "", "",
                List.of()), Evaluator.evaluateVariant(s, "wide", "e", ctx("a", "3")));
    }

    @Test
    void withFlagReplacesInPlaceOrAppendsAndAnswersAsAFullCompile() {
        List<FlagDefinition> defs = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            defs.add(shaped("f" + i, "red", "blue", ""));
            keys.add("f" + i);
        }
        defs.add(booleanFlag("b", false, threshold(1, 50, true)));
        keys.add("b");
        NamespaceSnapshot before = snapshot(defs, SEGMENTS);
        NamespaceSnapshot beforeCopy = snapshot(defs, SEGMENTS);

        FlagDefinition changed = variantFlag("f2", false, List.of(v("x")), "x", rule(1, "pro", d("x", 100)));
        NamespaceSnapshot replaced = before.withFlag(changed);
        defs.set(2, changed);
        assertSameAnswers(snapshot(defs, SEGMENTS), replaced, keys.toArray(String[]::new));
        assertSameAnswers(beforeCopy, before, keys.toArray(String[]::new)); // the old snapshot is untouched

        // appending past the table's capacity (it starts at twice the flag count) rehashes
        NamespaceSnapshot grown = replaced;
        for (int i = 0; i < 40; i++) {
            FlagDefinition added = shaped("new" + i, "red", "blue", "");
            grown = grown.withFlag(added);
            defs.add(added);
            keys.add("new" + i);
        }
        assertSameAnswers(snapshot(defs, SEGMENTS), grown, keys.toArray(String[]::new));

        NamespaceSnapshot removed = grown.withoutFlag("f0").withoutFlag("new7");
        defs.removeIf(f -> f.key().equals("f0") || f.key().equals("new7"));
        keys.remove("f0");
        keys.remove("new7");
        assertSameAnswers(snapshot(defs, SEGMENTS), removed, keys.toArray(String[]::new));
        assertEquals(Optional.empty(), removed.flag("f0"));
        assertSame(removed, removed.withoutFlag("nope"));
        // position(key) is the flag's index in flags(), after every kind of change
        for (NamespaceSnapshot s : List.of(before, replaced, grown, removed)) {
            for (int i = 0; i < s.size(); i++) {
                assertEquals(i, s.position(s.flags().get(i).key()));
            }
            assertEquals(-1, s.position("nope"));
        }
        assertEquals(keys, removed.flags().stream().map(FlagInfo::key).toList());
    }

    @Test
    void withFlagRejectsWhatCompileRejects() {
        NamespaceSnapshot s = snapshot(List.of(), SEGMENTS);
        assertThrows(IllegalArgumentException.class, () -> s.withFlag(variantFlag("x", true, List.of(v("a")), null,
                rule(1, "unknown-segment", d("a", 100)))));
        assertThrows(IllegalArgumentException.class, () -> snapshot(List.of(shaped("dup", "a", "b", ""),
                shaped("dup", "a", "b", "")), SEGMENTS));
    }

    @Test
    void everyKeyOfALargeNamespaceIsFoundAndNoOther() {
        List<FlagDefinition> defs = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            defs.add(shaped("flag-" + i, "red", "blue", ""));
        }
        NamespaceSnapshot s = snapshot(defs, SEGMENTS);
        for (int i = 0; i < 5000; i++) {
            String key = new String(("flag-" + i).toCharArray());
            assertEquals(key, Evaluator.evaluateVariant(s, key, "e", ctx("plan", "pro")).flagKey());
        }
        assertNull(s.compiled("flag-5000"));
        assertEquals(Optional.empty(), NamespaceSnapshot.empty("x").flag("a"));
    }
}
