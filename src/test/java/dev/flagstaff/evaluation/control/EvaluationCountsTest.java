package dev.flagstaff.evaluation.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class EvaluationCountsTest {

    private static EvaluationCounts counts(int retentionMinutes) {
        EvaluationCounts counts = new EvaluationCounts();
        counts.retentionMinutes = retentionMinutes;
        return counts;
    }

    @Test
    void countsLandInTheCurrentMinuteOfTheirFlag() {
        EvaluationCounts counts = counts(1440);
        EvaluationCounts.Ring ring = counts.ring("default", "a");
        ring.count();
        ring.count();
        ring.count();
        counts.ring("default", "b").count();
        long now = EvaluationCounts.currentMinute();
        if (now != EvaluationCounts.currentMinute()) {
            return; // a minute turned between counting and asking: nothing stable to compare
        }
        assertArrayEquals(new long[] {0, 0, 3}, counts.perMinute("default", "a", now - 2, now + 1));
        assertArrayEquals(new long[] {1}, counts.perMinute("default", "b", now, now + 1));
        assertArrayEquals(new long[] {0, 0}, counts.perMinute("default", "nope", now - 1, now + 1));
        assertArrayEquals(new long[] {0, 0}, counts.perMinute("other", "a", now - 1, now + 1));
    }

    @Test
    void minutesBeyondTheRetentionOrInTheFutureAreZero() {
        EvaluationCounts counts = counts(3);
        counts.ring("default", "a").count();
        long now = EvaluationCounts.currentMinute();
        // the slot of now also serves now - 3, now + 3…: only the minute it was stamped with reads its count
        assertArrayEquals(new long[] {0, 0}, counts.perMinute("default", "a", now - 3, now - 1));
        assertArrayEquals(new long[] {0, 0}, counts.perMinute("default", "a", now + 1, now + 3));
    }
}
