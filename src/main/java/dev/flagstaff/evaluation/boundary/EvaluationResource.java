package dev.flagstaff.evaluation.boundary;

import dev.flagstaff.evaluation.control.Evaluations;
import dev.flagstaff.evaluation.engine.BooleanEvaluation;
import dev.flagstaff.evaluation.engine.FlagEvaluation;
import dev.flagstaff.evaluation.engine.VariantEvaluation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /evaluate/v1}: variant, boolean and batch evaluation, contract section 6.8. No request validation:
 * an empty flag key is simply not found. Control: {@link Evaluations} (snapshots, no database).
 */
@ApplicationScoped
@Path("evaluate/v1")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    @Inject
    Evaluations evaluations;

    @POST
    @Operation(operationId = "evaluateVariant")
    @Tag(name = "EvaluationService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VariantEvaluationResponse.class)))
    @Path("variant")
    public VariantEvaluationResponse variant(EvaluationRequest request) {
        long start = System.nanoTime();
        VariantEvaluation result = evaluations.variant(request.namespaceOrDefault(), request.flagKey(),
                request.entityId(), request.context());
        return VariantEvaluationResponse.of(result, EvaluationRequest.idOrNew(request.requestId()),
                Timing.since(start));
    }

    @POST
    @Operation(operationId = "evaluateBoolean")
    @Tag(name = "EvaluationService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BooleanEvaluationResponse.class)))
    @Path("boolean")
    public BooleanEvaluationResponse bool(EvaluationRequest request) {
        long start = System.nanoTime();
        BooleanEvaluation result = evaluations.bool(request.namespaceOrDefault(), request.flagKey(),
                request.entityId(), request.context());
        return BooleanEvaluationResponse.of(result, EvaluationRequest.idOrNew(request.requestId()),
                Timing.since(start));
    }

    /**
     * Mixed variant and boolean evaluations in request order; a missing flag is an error item, any other
     * error fails the batch. Items carry their own request id (empty unless sent) and the batch's timing.
     */
    @POST
    @Operation(operationId = "evaluateBatch")
    @Tag(name = "EvaluationService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchEvaluationRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchEvaluationResponse.class)))
    @Path("batch")
    public BatchEvaluationResponse batch(BatchEvaluationRequest batch) {
        long start = System.nanoTime();
        String requestId = EvaluationRequest.idOrNew(batch.requestId());
        List<EvaluationRequest> requests = batch.requests();
        List<FlagEvaluation> results = new ArrayList<>(requests.size());
        for (EvaluationRequest request : requests) {
            results.add(evaluations.any(request.namespaceOrDefault(), request.flagKey(), request.entityId(),
                    request.context()));
        }
        Timing timing = Timing.since(start);
        List<EvaluationResponse> items = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            items.add(EvaluationResponse.of(results.get(i), requests.get(i), timing));
        }
        return new BatchEvaluationResponse(requestId, items, timing.durationMillis());
    }
}
