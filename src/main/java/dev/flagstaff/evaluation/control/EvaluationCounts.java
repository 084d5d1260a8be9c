package dev.flagstaff.evaluation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Evaluations per flag per minute, kept in memory for {@code flagstaff.analytics.retention-minutes} (a day by
 * default), for the web console's chart ({@code GET /internal/v1/analytics/...}, Flipt's
 * {@code AnalyticsService.GetFlagEvaluationsCount}). Flipt keeps these counts in an external ClickHouse or
 * Prometheus; here they live in the instance that served the evaluations.
 * <p>
 * Each flag that was evaluated gets one ring of minute buckets, made on its first evaluation; counting is then
 * two array writes with no allocation and no lock: a bucket is stamped with its minute, and a bucket found
 * holding an older minute is reset first.
 */
@ApplicationScoped
public class EvaluationCounts {

    @Inject
    @ConfigProperty(name = "flagstaff.analytics.retention-minutes", defaultValue = "1440")
    int retentionMinutes;

    private final Map<String, Map<String, Ring>> byNamespace = new ConcurrentHashMap<>();

    /** The ring of one flag, made once; {@link EvaluationMeters} keeps it with the flag's counters. */
    Ring ring(String namespace, String flagKey) {
        return byNamespace.computeIfAbsent(namespace, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(flagKey, k -> new Ring(Math.max(1, retentionMinutes)));
    }

    /**
     * Evaluations of a flag in each minute from {@code fromMinute} (inclusive) to {@code toMinute} (exclusive),
     * minutes since the epoch; zero for minutes before the retention or without evaluations.
     */
    public long[] perMinute(String namespace, String flagKey, long fromMinute, long toMinute) {
        long[] counts = new long[(int) (toMinute - fromMinute)];
        Map<String, Ring> flags = byNamespace.get(namespace);
        Ring ring = flags == null ? null : flags.get(flagKey);
        if (ring != null) {
            long now = currentMinute();
            for (long m = Math.max(fromMinute, now - ring.size() + 1); m < toMinute && m <= now; m++) {
                counts[(int) (m - fromMinute)] = ring.get(m);
            }
        }
        return counts;
    }

    static long currentMinute() {
        return System.currentTimeMillis() / 60_000;
    }

    /** Minute buckets of one flag: count and the minute it belongs to, side by side. */
    static final class Ring {
        private final AtomicLongArray slots; // [2i] = minute, [2i+1] = count

        Ring(int minutes) {
            slots = new AtomicLongArray(minutes * 2);
        }

        int size() {
            return slots.length() / 2;
        }

        void count() {
            long minute = currentMinute();
            int i = (int) (minute % size()) * 2;
            long stamped = slots.get(i);
            if (stamped != minute) {
                if (slots.compareAndSet(i, stamped, minute)) {
                    slots.set(i + 1, 0); // the first evaluation of a new minute clears the old minute's count
                }
            }
            slots.incrementAndGet(i + 1);
        }

        long get(long minute) {
            int i = (int) (minute % size()) * 2;
            return slots.get(i) == minute ? slots.get(i + 1) : 0;
        }
    }
}
