package dev.flagstaff.evaluation.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code flipt.evaluation.ErrorEvaluationResponse}: a batch item for a flag that does not exist (contract 6.8). */
@Schema(name = "ErrorEvaluationResponse")
public record ErrorEvaluationResponse(
        @Schema(required = true) String flagKey,
        @Schema(required = true) String namespaceKey,
        @Schema(required = true, enumeration = {"UNKNOWN_ERROR_EVALUATION_REASON",
                "NOT_FOUND_ERROR_EVALUATION_REASON"}) String reason) {

    static ErrorEvaluationResponse notFound(String flagKey, String namespaceKey) {
        return new ErrorEvaluationResponse(flagKey, namespaceKey, "NOT_FOUND_ERROR_EVALUATION_REASON");
    }
}
