package dev.flagstaff.evaluation.boundary;

import dev.flagstaff.evaluation.engine.EvaluationReason;
import dev.flagstaff.evaluation.engine.VariantEvaluation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Flipt's {@code flipt.EvaluationResponse}, the legacy evaluate API's answer (contract 6.6). */
@Schema(name = "LegacyEvaluationResponse", description = "Flipt's `flipt.EvaluationResponse`.")
public record LegacyEvaluationResponse(
        @Schema(required = true) String requestId,
        @Schema(required = true) String entityId,
        @Schema(required = true) Map<String, String> requestContext,
        @Schema(required = true) boolean match,
        @Schema(required = true) String flagKey,
        @Schema(required = true, description = "the first matched segment; deprecated, see `segmentKeys`")
        String segmentKey,
        @Schema(required = true, format = "date-time") Instant timestamp,
        @Schema(required = true, description = "the variant key; empty when none") String value,
        @Schema(required = true, format = "double") double requestDurationMillis,
        @Schema(required = true, description = "JSON text; empty when none") String attachment,
        @Schema(required = true, implementation = String.class, enumeration = {"UNKNOWN_EVALUATION_REASON",
                "FLAG_DISABLED_EVALUATION_REASON", "FLAG_NOT_FOUND_EVALUATION_REASON", "MATCH_EVALUATION_REASON",
                "ERROR_EVALUATION_REASON", "DEFAULT_EVALUATION_REASON"},
                description = "FLAG_NOT_FOUND and ERROR are HTTP errors instead")
        EvaluationReason reason,
        @Schema(required = true, description = "as the request gave it") String namespaceKey,
        @Schema(required = true) List<String> segmentKeys) {

    static LegacyEvaluationResponse of(VariantEvaluation e, String requestId, LegacyEvaluationRequest request,
                                       String namespaceKey, Instant timestamp, double durationMillis) {
        return new LegacyEvaluationResponse(requestId, request.entityId(), request.context(), e.match(),
                e.flagKey(), e.segmentKey(), timestamp, e.variantKey(), durationMillis, e.variantAttachment(),
                e.reason(), namespaceKey, e.segmentKeys());
    }
}
