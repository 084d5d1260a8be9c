package dev.flagstaff.evaluation.boundary;

import dev.flagstaff.evaluation.engine.BooleanEvaluation;
import dev.flagstaff.evaluation.engine.FlagEvaluation;
import dev.flagstaff.evaluation.engine.FlagNotFound;
import dev.flagstaff.evaluation.engine.VariantEvaluation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code flipt.evaluation.EvaluationResponse}: one item of a batch, {@code type} and the member it names. */
@Schema(name = "EvaluationResponse", description = "One item of a batch: the member named by `type` is set.")
public record EvaluationResponse(
        @Schema(required = true, enumeration = {"VARIANT_EVALUATION_RESPONSE_TYPE",
                "BOOLEAN_EVALUATION_RESPONSE_TYPE", "ERROR_EVALUATION_RESPONSE_TYPE"}) String type,
        BooleanEvaluationResponse booleanResponse,
        VariantEvaluationResponse variantResponse,
        ErrorEvaluationResponse errorResponse) {

    /** The item of {@code result}; items carry their own request id (empty unless sent) and the batch's timing. */
    static EvaluationResponse of(FlagEvaluation result, EvaluationRequest request, Timing timing) {
        if (result instanceof VariantEvaluation v) {
            return new EvaluationResponse("VARIANT_EVALUATION_RESPONSE_TYPE", null,
                    VariantEvaluationResponse.of(v, request.requestId(), timing), null);
        }
        if (result instanceof BooleanEvaluation b) {
            return new EvaluationResponse("BOOLEAN_EVALUATION_RESPONSE_TYPE",
                    BooleanEvaluationResponse.of(b, request.requestId(), timing), null, null);
        }
        FlagNotFound missing = (FlagNotFound) result;
        return new EvaluationResponse("ERROR_EVALUATION_RESPONSE_TYPE", null, null,
                ErrorEvaluationResponse.notFound(missing.flagKey(), request.namespaceKey()));
    }
}
