package dev.flagstaff.evaluation.control;

import dev.flagstaff.evaluation.engine.ConstraintDefinition;
import dev.flagstaff.evaluation.engine.ConstraintType;
import dev.flagstaff.evaluation.engine.DistributionDefinition;
import dev.flagstaff.evaluation.engine.EvaluationReason;
import dev.flagstaff.evaluation.engine.Evaluator;
import dev.flagstaff.evaluation.engine.FlagDefinition;
import dev.flagstaff.evaluation.engine.FlagInfo;
import dev.flagstaff.evaluation.engine.FlagType;
import dev.flagstaff.evaluation.engine.MatchType;
import dev.flagstaff.evaluation.engine.NamespaceDefinition;
import dev.flagstaff.evaluation.engine.RuleDefinition;
import dev.flagstaff.evaluation.engine.SegmentDefinition;
import dev.flagstaff.evaluation.engine.SegmentOperator;
import dev.flagstaff.evaluation.engine.VariantDefinition;
import dev.flagstaff.evaluation.engine.VariantEvaluation;
import dev.flagstaff.persistence.NamespaceChanged;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The snapshot holder after writes through this instance: a change that names its flags reads only those and
 * derives the next state, which must equal a full rebuild's; anything else, or a change whose predecessor is
 * not in place, reads the whole namespace.
 */
class SnapshotsTest {

    /** An in-memory namespace in place of the database; counts the reads. */
    static final class FakeLoader extends NamespaceLoader {
        final Map<String, FlagDefinition> flags = new LinkedHashMap<>();
        long revision = 1;
        int fullLoads;
        int flagLoads;
        final List<Collection<String>> flagLoadKeys = new ArrayList<>();
        Runnable duringFlagLoad = () -> { };
        Runnable duringRevisions = () -> { };
        RuntimeException failFlagLoad;

        void put(String key, boolean enabled) {
            flags.put(key, flag(key, enabled));
            revision++;
        }

        @Override
        public Map<String, Long> revisions(Collection<String> namespaces) {
            long seen = revision;
            duringRevisions.run();
            return Map.of("ns", seen);
        }

        @Override
        public Loaded load(String namespace) {
            fullLoads++;
            Map<String, JsonObject> docs = new LinkedHashMap<>();
            flags.values().forEach(f -> docs.put(f.key(), document(f)));
            return new Loaded(revision, new NamespaceDefinition(namespace, List.copyOf(flags.values()),
                    List.of(SEGMENT)), docs);
        }

        @Override
        public LoadedFlags loadFlags(String namespace, Collection<String> keys) {
            flagLoads++;
            flagLoadKeys.add(List.copyOf(keys));
            if (failFlagLoad != null) {
                throw failFlagLoad;
            }
            Map<String, LoadedFlag> out = new LinkedHashMap<>();
            for (String key : keys) {
                FlagDefinition f = flags.get(key);
                if (f != null) {
                    out.put(key, new LoadedFlag(f, document(f)));
                }
            }
            long seen = revision;
            duringFlagLoad.run();
            return new LoadedFlags(seen, out);
        }
    }

    static final SegmentDefinition SEGMENT = new SegmentDefinition("pro", MatchType.ALL_MATCH_TYPE,
            List.of(new ConstraintDefinition(ConstraintType.STRING_COMPARISON_TYPE, "plan", "eq", "pro")));

    static FlagDefinition flag(String key, boolean enabled) {
        return new FlagDefinition(key, "Flag " + key, FlagType.VARIANT_FLAG_TYPE, enabled,
                List.of(new VariantDefinition(key + "-on", "on", "")), null,
                List.of(new RuleDefinition(key + "-r1", 1, List.of("pro"), SegmentOperator.OR_SEGMENT_OPERATOR,
                        List.of(new DistributionDefinition(key + "-on", 100f)))),
                List.of());
    }

    static JsonObject document(FlagDefinition f) {
        return Json.createObjectBuilder().add("key", f.key()).add("enabled", f.enabled())
                .add("rules", Json.createArrayBuilder()).add("rollouts", Json.createArrayBuilder()).build();
    }

    final FakeLoader db = new FakeLoader();
    final Snapshots snapshots = new Snapshots();

    SnapshotsTest() {
        snapshots.loader = db;
        for (int i = 0; i < 5; i++) {
            db.put("f" + i, true);
        }
    }

    static VariantEvaluation evaluate(NamespaceState state, String key) {
        return Evaluator.evaluateVariant(state.snapshot(), key, "u", Map.of("plan", "pro"));
    }

    /** The state must answer, list and render exactly as a state built by reading the whole namespace. */
    void assertSameAsFullRebuild(NamespaceState state) {
        NamespaceState full = new NamespaceState("ns", state.generation(), db.load("ns"));
        db.fullLoads--;
        assertEquals(full.snapshot().flags(), state.snapshot().flags());
        for (FlagInfo f : full.snapshot().flags()) {
            assertEquals(evaluate(full, f.key()), evaluate(state, f.key()));
        }
        for (SnapshotDocuments.Shape shape : SnapshotDocuments.Shape.values()) {
            assertArrayEquals(full.document(shape), state.document(shape), shape.name());
        }
        assertEquals(full.etag(), state.etag());
        assertEquals(full.revision(), state.revision());
    }

    @Test
    void aFlagWriteReadsOnlyThatFlagAndGivesWhatAFullRebuildGives() {
        NamespaceState before = snapshots.of("ns");
        assertEquals(1, db.fullLoads);
        String etagBefore = before.etag();

        db.put("f2", false);
        snapshots.changed(new NamespaceChanged("ns", "f2"));

        NamespaceState after = snapshots.of("ns");
        assertEquals(1, db.fullLoads, "no full read for a flag write");
        assertEquals(List.of(List.of("f2")), db.flagLoadKeys);
        assertEquals(EvaluationReason.FLAG_DISABLED_EVALUATION_REASON, evaluate(after, "f2").reason());
        assertTrue(evaluate(after, "f1").match());
        assertTrue(!etagBefore.equals(after.etag()));
        assertSameAsFullRebuild(after);
    }

    @Test
    void createdAndDeletedFlagsOfOneTransactionAreOneUpdate() {
        snapshots.of("ns");
        db.put("new", true);
        db.flags.remove("f0"); // the same transaction: the revision rises once
        NamespaceChanged change = new NamespaceChanged("ns", "new");
        change.note("f0");
        change.note("new");
        snapshots.changed(change);

        NamespaceState after = snapshots.of("ns");
        assertEquals(1, db.fullLoads);
        assertEquals(1, db.flagLoads, "one read for the whole transaction");
        assertEquals(List.of("f1", "f2", "f3", "f4", "new"),
                after.snapshot().flags().stream().map(FlagInfo::key).toList());
        assertSameAsFullRebuild(after);
    }

    @Test
    void aWholeNamespaceChangeReadsEverything() {
        snapshots.of("ns");
        db.put("f1", false);
        NamespaceChanged change = new NamespaceChanged("ns", "f1");
        change.note(null); // a segment write in the same transaction
        snapshots.changed(change);
        assertEquals(2, db.fullLoads);
        assertEquals(0, db.flagLoads);
        assertSameAsFullRebuild(snapshots.of("ns"));
    }

    @Test
    void aNamespaceNobodyEvaluatesInIsNotRead() {
        snapshots.changed(new NamespaceChanged("ns", "f1"));
        assertEquals(0, db.fullLoads + db.flagLoads);
    }

    @Test
    void whenAnotherChangeCameInBetweenTheWholeNamespaceIsRead() {
        snapshots.of("ns");
        db.put("f1", false);
        // while this write's flags are read, another write's observer runs to its end
        db.duringFlagLoad = () -> {
            db.duringFlagLoad = () -> { };
            db.put("f3", false);
            snapshots.changed(new NamespaceChanged("ns", "f3"));
        };
        snapshots.changed(new NamespaceChanged("ns", "f1"));

        NamespaceState after = snapshots.of("ns");
        // each change found the state another one's generation behind: both read the whole namespace
        assertEquals(3, db.fullLoads);
        assertEquals(EvaluationReason.FLAG_DISABLED_EVALUATION_REASON, evaluate(after, "f1").reason());
        assertEquals(EvaluationReason.FLAG_DISABLED_EVALUATION_REASON, evaluate(after, "f3").reason());
        assertSameAsFullRebuild(after);
    }

    @Test
    void aWriteThroughAnotherInstanceBeforeThisOneIsNotHiddenByTheFlagUpdate() {
        snapshots.of("ns");
        db.put("f3", false); // through another instance: no change event here
        db.put("f1", false);
        snapshots.changed(new NamespaceChanged("ns", "f1"));

        NamespaceState after = snapshots.of("ns");
        // the revision rose by two: deriving from the state would keep f3 as it was
        assertEquals(2, db.fullLoads);
        assertEquals(EvaluationReason.FLAG_DISABLED_EVALUATION_REASON, evaluate(after, "f3").reason());
        assertSameAsFullRebuild(after);
    }

    @Test
    void theRevisionCheckRebuildsForAnotherInstancesWriteOnly() {
        snapshots.of("ns");
        snapshots.refreshStale();
        assertEquals(1, db.fullLoads, "nothing changed");

        db.put("f1", false);
        snapshots.changed(new NamespaceChanged("ns", "f1"));
        snapshots.refreshStale();
        assertEquals(1, db.fullLoads, "this instance's own write is in the state already");

        db.put("f2", false); // through another instance
        snapshots.refreshStale();
        assertEquals(2, db.fullLoads);
        assertEquals(EvaluationReason.FLAG_DISABLED_EVALUATION_REASON, evaluate(snapshots.of("ns"), "f2").reason());
        assertSameAsFullRebuild(snapshots.of("ns"));
    }

    @Test
    void aWriteThroughThisInstanceDuringTheRevisionCheckIsNotReadAgain() {
        snapshots.of("ns");
        // the check reads the revision from before this write, then the write commits and updates the state
        db.duringRevisions = () -> {
            db.duringRevisions = () -> { };
            db.put("f1", false);
            snapshots.changed(new NamespaceChanged("ns", "f1"));
        };
        snapshots.refreshStale();

        assertEquals(1, db.fullLoads, "the state is newer than the revision the check read: no full read");
        assertEquals(1, db.flagLoads);
        snapshots.refreshStale();
        assertEquals(1, db.fullLoads);
        assertSameAsFullRebuild(snapshots.of("ns"));
    }

    @Test
    void aFailedReadDropsTheStateSoTheNextEvaluationReadsEverything() {
        NamespaceState before = snapshots.of("ns");
        db.put("f1", false);
        db.failFlagLoad = new IllegalStateException("database gone");
        snapshots.changed(new NamespaceChanged("ns", "f1"));
        db.failFlagLoad = null;

        NamespaceState after = snapshots.of("ns");
        assertNotSame(before, after);
        assertEquals(2, db.fullLoads);
        assertEquals(EvaluationReason.FLAG_DISABLED_EVALUATION_REASON, evaluate(after, "f1").reason());
    }

    @Test
    void documentsAreRenderedOnceAndShared() {
        NamespaceState state = snapshots.of("ns");
        byte[] first = state.document(SnapshotDocuments.Shape.CURRENT);
        assertSame(first, state.document(SnapshotDocuments.Shape.CURRENT));
        assertTrue(new String(first, java.nio.charset.StandardCharsets.UTF_8)
                .startsWith("{\"namespace\":{\"key\":\"ns\"},\"flags\":[{\"key\":\"f0\""), Arrays.toString(first));
    }
}
