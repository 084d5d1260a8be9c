package dev.flagstaff.evaluation.boundary;

import dev.flagstaff.evaluation.engine.EvaluationReason;
import dev.flagstaff.evaluation.engine.VariantEvaluation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** {@code flipt.evaluation.VariantEvaluationResponse} (contract 6.8). */
@Schema(name = "VariantEvaluationResponse")
public record VariantEvaluationResponse(
        @Schema(required = true) boolean match,
        @Schema(required = true) List<String> segmentKeys,
        @Schema(required = true, implementation = String.class, enumeration = {"UNKNOWN_EVALUATION_REASON", "FLAG_DISABLED_EVALUATION_REASON",
                "MATCH_EVALUATION_REASON", "DEFAULT_EVALUATION_REASON"}, description = "why the flag evaluated as it did")
        EvaluationReason reason,
        @Schema(required = true) String variantKey,
        @Schema(required = true, description = "JSON text; empty when none") String variantAttachment,
        @Schema(required = true) String requestId,
        @Schema(required = true, format = "double") double requestDurationMillis,
        @Schema(required = true, format = "date-time") Instant timestamp,
        @Schema(required = true) String flagKey) {

    static VariantEvaluationResponse of(VariantEvaluation e, String requestId, Timing timing) {
        return new VariantEvaluationResponse(e.match(), e.segmentKeys(), e.reason(), e.variantKey(),
                e.variantAttachment(), requestId, timing.durationMillis(), timing.timestamp(), e.flagKey());
    }
}
