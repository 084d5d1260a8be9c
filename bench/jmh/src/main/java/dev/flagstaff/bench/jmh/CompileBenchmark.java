package dev.flagstaff.bench.jmh;

import dev.flagstaff.evaluation.engine.FlagDefinition;
import dev.flagstaff.evaluation.engine.NamespaceDefinition;
import dev.flagstaff.evaluation.engine.NamespaceSnapshot;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to compile a snapshot of 10,000 flags / 50,000 rules (200 segments of 3 constraints), and to derive the
 * next snapshot when one of its flags changes ({@link NamespaceSnapshot#withFlag}), against the same change in a
 * 10-flag namespace.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@State(Scope.Benchmark)
public class CompileBenchmark {

    private NamespaceDefinition definition;
    private NamespaceSnapshot large;
    private NamespaceSnapshot small;
    private FlagDefinition[] changes;
    private int i;

    @Setup
    public void setup() {
        definition = Fixtures.largeNamespace(10_000, 5);
        large = NamespaceSnapshot.compile(definition);
        small = NamespaceSnapshot.compile(Fixtures.largeNamespace(10, 5));
        // flag-5 changed: the same flag with its rules in another order, alternately
        FlagDefinition f = definition.flags().get(5);
        java.util.List<dev.flagstaff.evaluation.engine.RuleDefinition> reversed = new java.util.ArrayList<>(f.rules());
        java.util.Collections.reverse(reversed);
        changes = new FlagDefinition[] {f, FlagDefinition.variantFlag(f.key(), f.name(), !f.enabled(), f.variants(),
                f.defaultVariantId(), reversed)};
    }

    @Benchmark
    public NamespaceSnapshot withOneFlagChangedIn10kFlags() {
        return large.withFlag(changes[i++ & 1]);
    }

    @Benchmark
    public NamespaceSnapshot withOneFlagChangedIn10Flags() {
        return small.withFlag(changes[i++ & 1]);
    }

    @Benchmark
    public NamespaceSnapshot compile10kFlags50kRules() {
        return NamespaceSnapshot.compile(definition);
    }
}
