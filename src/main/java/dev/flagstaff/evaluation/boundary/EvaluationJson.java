package dev.flagstaff.evaluation.boundary;

import dev.flagstaff.evaluation.engine.BooleanEvaluation;
import dev.flagstaff.evaluation.engine.VariantEvaluation;
import dev.flagstaff.http.JsonWritable;
import dev.flagstaff.http.Timestamps;

import java.time.Instant;
import java.util.Map;

/**
 * The response messages of the evaluation routes (contract sections 6.6 and 6.8). Evaluation timestamps keep
 * nanoseconds; durations are milliseconds as a double.
 */
final class EvaluationJson {

    private EvaluationJson() {
    }

    /** When a response was made and how long it took, stamped once per request. */
    record Timing(Instant timestamp, double durationMillis) {
        static Timing since(long startNanos) {
            return new Timing(Instant.now(), (System.nanoTime() - startNanos) / 1_000_000.0);
        }
    }

    /** {@code flipt.evaluation.VariantEvaluationResponse}. */
    static JsonWritable variant(VariantEvaluation e, String requestId, Timing timing) {
        return out -> out.bool("match", e.match())
                .strings("segmentKeys", e.segmentKeys())
                .enumName("reason", e.reason())
                .str("variantKey", e.variantKey())
                .str("variantAttachment", e.variantAttachment())
                .str("requestId", requestId)
                .float64("requestDurationMillis", timing.durationMillis())
                .str("timestamp", Timestamps.format(timing.timestamp()))
                .str("flagKey", e.flagKey());
    }

    /** {@code flipt.evaluation.BooleanEvaluationResponse}. */
    static JsonWritable bool(BooleanEvaluation e, String requestId, Timing timing) {
        return out -> out.bool("enabled", e.enabled())
                .enumName("reason", e.reason())
                .str("requestId", requestId)
                .float64("requestDurationMillis", timing.durationMillis())
                .str("timestamp", Timestamps.format(timing.timestamp()))
                .str("flagKey", e.flagKey());
    }

    /** {@code flipt.evaluation.ErrorEvaluationResponse} for a flag that does not exist. */
    static JsonWritable notFound(String flagKey, String namespaceKey) {
        return out -> out.str("flagKey", flagKey)
                .str("namespaceKey", namespaceKey)
                .str("reason", "NOT_FOUND_ERROR_EVALUATION_REASON");
    }

    /** {@code flipt.EvaluationResponse}, the legacy evaluate API's answer. */
    static JsonWritable legacy(VariantEvaluation e, String requestId, String entityId, Map<String, String> context,
                               String namespaceKey, Instant timestamp, double durationMillis) {
        return out -> out.str("requestId", requestId)
                .str("entityId", entityId)
                .stringMap("requestContext", context)
                .bool("match", e.match())
                .str("flagKey", e.flagKey())
                .str("segmentKey", e.segmentKey())
                .str("timestamp", Timestamps.format(timestamp))
                .str("value", e.variantKey())
                .float64("requestDurationMillis", durationMillis)
                .str("attachment", e.variantAttachment())
                .enumName("reason", e.reason())
                .str("namespaceKey", namespaceKey)
                .strings("segmentKeys", e.segmentKeys());
    }

    /** A batch answer: {@code requestId}, the items, the whole batch's duration. */
    static JsonWritable batch(String requestId, java.util.List<JsonWritable> responses, double durationMillis) {
        return out -> out.str("requestId", requestId)
                .array("responses", responses)
                .float64("requestDurationMillis", durationMillis);
    }

}
