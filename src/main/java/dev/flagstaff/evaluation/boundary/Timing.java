package dev.flagstaff.evaluation.boundary;

import java.time.Instant;

/**
 * When an evaluation response was made and how long it took, stamped once per request. Evaluation timestamps
 * keep nanoseconds; durations are milliseconds as a double.
 */
record Timing(Instant timestamp, double durationMillis) {

    static Timing since(long startNanos) {
        return new Timing(Instant.now(), (System.nanoTime() - startNanos) / 1_000_000.0);
    }
}
