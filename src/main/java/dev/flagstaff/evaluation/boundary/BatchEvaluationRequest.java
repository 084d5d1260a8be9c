package dev.flagstaff.evaluation.boundary;

import dev.flagstaff.http.Limits;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** {@code flipt.evaluation.BatchEvaluationRequest} (contract 6.8). */
@Schema(name = "BatchEvaluationRequest")
public record BatchEvaluationRequest(
        String requestId,
        @Schema(description = "may be empty") List<EvaluationRequest> requests,
        @Schema(description = "ignored (Flipt's storage reference)") String reference) {

    public BatchEvaluationRequest {
        Limits.current().checkBatch(requests); // flagstaff.evaluation.max-batch-items
    }
}
