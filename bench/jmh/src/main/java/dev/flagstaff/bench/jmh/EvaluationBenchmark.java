package dev.flagstaff.bench.jmh;

import dev.flagstaff.evaluation.engine.BooleanEvaluation;
import dev.flagstaff.evaluation.engine.Evaluator;
import dev.flagstaff.evaluation.engine.NamespaceSnapshot;
import dev.flagstaff.evaluation.engine.VariantEvaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread evaluation throughput. Run with {@code -prof gc} for allocation per evaluation
 * ({@code gc.alloc.rate.norm}, bytes/op).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@State(Scope.Thread)
public class EvaluationBenchmark {

    private NamespaceSnapshot snapshot;
    private Fixtures.Request[] mixed;
    private Fixtures.Request[] worstCase;
    private int i;

    @Setup
    public void setup() {
        snapshot = NamespaceSnapshot.compile(Fixtures.namespace(List.of(
                Fixtures.realisticVariantFlag("checkout-redesign"), Fixtures.realisticBooleanFlag("dark-mode"))));
        mixed = Fixtures.mixedRequests();
        worstCase = Fixtures.worstCaseRequests();
    }

    /** Realistic flag, requests evenly matching rule 1, rule 2, rule 3 and nothing. */
    @Benchmark
    public VariantEvaluation variantMixed() {
        Fixtures.Request r = mixed[i++ & 1023];
        return Evaluator.evaluateVariant(snapshot, "checkout-redesign", r.entityId(), r.context());
    }

    /** Realistic flag, every request walks all three rules (12 constraint checks) and matches the last. */
    @Benchmark
    public VariantEvaluation variantWorstCase() {
        Fixtures.Request r = worstCase[i++ & 1023];
        return Evaluator.evaluateVariant(snapshot, "checkout-redesign", r.entityId(), r.context());
    }

    /** Boolean flag: segment rollout, then 30% threshold, then fallback. */
    @Benchmark
    public BooleanEvaluation booleanMixed() {
        Fixtures.Request r = mixed[i++ & 1023];
        return Evaluator.evaluateBoolean(snapshot, "dark-mode", r.entityId(), r.context());
    }

    /**
     * realistic flags in a 1-, 10,000- and 100,000-flag namespace: {@code keys} rotate over all the flags (a cold
     * flag on every call), {@code sameFlag} asks for one flag every time (as an application does).
     */
    @State(Scope.Thread)
    public static class NamespaceSize {
        @Param({"1", "10000", "100000"})
        public int flags;

        NamespaceSnapshot snapshot;
        String[] keys;
        String[] sameFlag;
        Fixtures.Request[] requests;
        int i;

        @Setup
        public void setup() {
            List<dev.flagstaff.evaluation.engine.FlagDefinition> defs = new ArrayList<>(flags);
            keys = new String[16384];
            for (int f = 0; f < flags; f++) {
                defs.add(Fixtures.realisticVariantFlag(String.format("flag-%05d", f)));
            }
            for (int k = 0; k < keys.length; k++) {
                // request keys are distinct String instances from the compiled keys, as after JSON decoding
                keys[k] = new String(String.format("flag-%05d", (k * 7919) % flags).toCharArray());
            }
            sameFlag = new String[16384];
            for (int k = 0; k < sameFlag.length; k++) {
                sameFlag[k] = new String("flag-00000".toCharArray());
            }
            snapshot = NamespaceSnapshot.compile(Fixtures.namespace(defs));
            requests = Fixtures.mixedRequests();
        }
    }

    @Benchmark
    public VariantEvaluation variantMixedByNamespaceSize(NamespaceSize s) {
        int n = s.i++;
        Fixtures.Request r = s.requests[n & 1023];
        return Evaluator.evaluateVariant(s.snapshot, s.keys[n & 16383], r.entityId(), r.context());
    }

    @Benchmark
    public VariantEvaluation variantSameFlagByNamespaceSize(NamespaceSize s) {
        int n = s.i++;
        Fixtures.Request r = s.requests[n & 1023];
        return Evaluator.evaluateVariant(s.snapshot, s.sameFlag[n & 16383], r.entityId(), r.context());
    }
}
