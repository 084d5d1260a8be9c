package dev.flagstaff.bench.jmh;

import dev.flagstaff.evaluation.engine.FlagDefinition;
import dev.flagstaff.evaluation.engine.NamespaceSnapshot;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap held by a compiled snapshot of N realistic flags (the benchmark's flag), measured as the used heap
 * after a full GC with and without the snapshot reachable. Run it with the heap you want to prove, e.g.
 * {@code java -Xmx256m -cp bench/jmh/target/benchmarks.jar dev.flagstaff.bench.jmh.Footprint 100000}.
 */
public final class Footprint {

    private Footprint() {
    }

    public static void main(String[] args) {
        int flags = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long before = usedAfterGc();
        List<FlagDefinition> defs = new ArrayList<>(flags);
        for (int f = 0; f < flags; f++) {
            defs.add(Fixtures.realisticVariantFlag(String.format("flag-%05d", f)));
        }
        NamespaceSnapshot snapshot = NamespaceSnapshot.compile(Fixtures.namespace(defs));
        defs = null;
        long snapshotOnly = usedAfterGc();
        System.out.printf("flags=%d snapshot_bytes=%d bytes_per_flag=%d max_heap=%d%n",
                snapshot.size(), snapshotOnly - before, (snapshotOnly - before) / flags,
                Runtime.getRuntime().maxMemory());
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
