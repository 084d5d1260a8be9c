package dev.flagstaff.evaluation.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** Flipt's {@code flipt.EvaluationRequest} of the legacy evaluation routes (contract 6.6). */
@Schema(name = "LegacyEvaluationRequest", description = "Flipt's `flipt.EvaluationRequest`.")
public record LegacyEvaluationRequest(
        @Schema(description = "echoed; a UUID is made when empty") String requestId,
        @Schema(required = true) String flagKey,
        @Schema(required = true) String entityId,
        Map<String, String> context,
        @Schema(description = "on the route without a namespace; `default` when absent") String namespaceKey) {
}
