package dev.flagstaff.evaluation.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Flipt's {@code flipt.BatchEvaluationResponse} (contract 6.6). */
@Schema(name = "LegacyBatchEvaluationResponse", description = "Flipt's `flipt.BatchEvaluationResponse`.")
public record LegacyBatchEvaluationResponse(
        @Schema(required = true) String requestId,
        @Schema(required = true) List<LegacyEvaluationResponse> responses,
        @Schema(required = true, format = "double") double requestDurationMillis) {
}
