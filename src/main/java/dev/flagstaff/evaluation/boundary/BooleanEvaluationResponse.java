package dev.flagstaff.evaluation.boundary;

import dev.flagstaff.evaluation.engine.BooleanEvaluation;
import dev.flagstaff.evaluation.engine.EvaluationReason;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** {@code flipt.evaluation.BooleanEvaluationResponse} (contract 6.8). */
@Schema(name = "BooleanEvaluationResponse")
public record BooleanEvaluationResponse(
        @Schema(required = true) boolean enabled,
        @Schema(required = true, implementation = String.class, enumeration = {"UNKNOWN_EVALUATION_REASON", "FLAG_DISABLED_EVALUATION_REASON",
                "MATCH_EVALUATION_REASON", "DEFAULT_EVALUATION_REASON"}, description = "why the flag evaluated as it did")
        EvaluationReason reason,
        @Schema(required = true) String requestId,
        @Schema(required = true, format = "double") double requestDurationMillis,
        @Schema(required = true, format = "date-time") Instant timestamp,
        @Schema(required = true) String flagKey) {

    static BooleanEvaluationResponse of(BooleanEvaluation e, String requestId, Timing timing) {
        return new BooleanEvaluationResponse(e.enabled(), e.reason(), requestId, timing.durationMillis(),
                timing.timestamp(), e.flagKey());
    }
}
