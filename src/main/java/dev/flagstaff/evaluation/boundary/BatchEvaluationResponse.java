package dev.flagstaff.evaluation.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** {@code flipt.evaluation.BatchEvaluationResponse} (contract 6.8): the whole batch's duration. */
@Schema(name = "BatchEvaluationResponse")
public record BatchEvaluationResponse(
        @Schema(required = true) String requestId,
        @Schema(required = true, description = "in request order") List<EvaluationResponse> responses,
        @Schema(required = true, format = "double") double requestDurationMillis) {
}
