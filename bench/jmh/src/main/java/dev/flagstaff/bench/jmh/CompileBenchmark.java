package dev.flagstaff.bench.jmh;

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

/** Time to compile a snapshot of 10,000 flags / 50,000 rules (200 segments of 3 constraints). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@State(Scope.Benchmark)
public class CompileBenchmark {

    private NamespaceDefinition definition;

    @Setup
    public void setup() {
        definition = Fixtures.largeNamespace(10_000, 5);
    }

    @Benchmark
    public NamespaceSnapshot compile10kFlags50kRules() {
        return NamespaceSnapshot.compile(definition);
    }
}
