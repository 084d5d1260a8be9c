package dev.flagstaff.evaluation.boundary;

import dev.flagstaff.http.Limits;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Flipt's {@code flipt.BatchEvaluationRequest} (contract 6.6). */
@Schema(name = "LegacyBatchEvaluationRequest", description = "Flipt's `flipt.BatchEvaluationRequest`.")
public record LegacyBatchEvaluationRequest(
        String requestId,
        @Schema(description = "items without a namespace take the batch's; another namespace is a 400")
        List<LegacyEvaluationRequest> requests,
        @Schema(description = "leave missing flags out instead of failing with 404") boolean excludeNotFound,
        @Schema(description = "on the route without a namespace; `default` when absent") String namespaceKey) {

    public LegacyBatchEvaluationRequest {
        Limits.current().checkBatch(requests); // flagstaff.evaluation.max-batch-items
    }
}
