package dev.flagstaff.evaluation.boundary;

import dev.flagstaff.evaluation.control.Evaluations;
import dev.flagstaff.evaluation.engine.BooleanEvaluation;
import dev.flagstaff.evaluation.engine.FlagEvaluation;
import dev.flagstaff.evaluation.engine.FlagNotFound;
import dev.flagstaff.evaluation.engine.VariantEvaluation;
import dev.flagstaff.http.JsonBody;
import dev.flagstaff.http.JsonOut;
import dev.flagstaff.http.JsonWritable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationSchemas.EvaluationRequestSchema.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationSchemas.VariantEvaluationResponse.class)))
    @Path("variant")
    public JsonWritable variant(JsonBody body) {
        long start = System.nanoTime();
        EvaluationRequest request = EvaluationRequest.of(JsonBody.orEmpty(body));
        VariantEvaluation result = evaluations.variant(request.namespaceOrDefault(), request.flagKey(),
                request.entityId(), request.context());
        return EvaluationJson.variant(result, EvaluationRequest.idOrNew(request.requestId()),
                EvaluationJson.Timing.since(start));
    }

    @POST
    @Operation(operationId = "evaluateBoolean")
    @Tag(name = "EvaluationService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationSchemas.EvaluationRequestSchema.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationSchemas.BooleanEvaluationResponse.class)))
    @Path("boolean")
    public JsonWritable bool(JsonBody body) {
        long start = System.nanoTime();
        EvaluationRequest request = EvaluationRequest.of(JsonBody.orEmpty(body));
        BooleanEvaluation result = evaluations.bool(request.namespaceOrDefault(), request.flagKey(),
                request.entityId(), request.context());
        return EvaluationJson.bool(result, EvaluationRequest.idOrNew(request.requestId()),
                EvaluationJson.Timing.since(start));
    }

    /**
     * Mixed variant and boolean evaluations in request order; a missing flag is an error item, any other
     * error fails the batch. Items carry their own request id (empty unless sent) and the batch's timing.
     */
    @POST
    @Operation(operationId = "evaluateBatch")
    @Tag(name = "EvaluationService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationSchemas.BatchEvaluationRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationSchemas.BatchEvaluationResponse.class)))
    @Path("batch")
    public JsonWritable batch(JsonBody body) {
        long start = System.nanoTime();
        JsonBody b = JsonBody.orEmpty(body);
        String requestId = EvaluationRequest.idOrNew(b.string("requestId"));
        List<EvaluationRequest> requests = EvaluationRequest.list(b);
        List<FlagEvaluation> results = new ArrayList<>(requests.size());
        for (EvaluationRequest request : requests) {
            results.add(evaluations.any(request.namespaceOrDefault(), request.flagKey(), request.entityId(),
                    request.context()));
        }
        EvaluationJson.Timing timing = EvaluationJson.Timing.since(start);
        List<JsonWritable> items = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            items.add(item(results.get(i), requests.get(i), timing));
        }
        return EvaluationJson.batch(requestId, items, timing.durationMillis());
    }

    private static JsonWritable item(FlagEvaluation result, EvaluationRequest request, EvaluationJson.Timing timing) {
        if (result instanceof VariantEvaluation v) {
            return out -> typed(out, "VARIANT_EVALUATION_RESPONSE_TYPE", "variantResponse",
                    EvaluationJson.variant(v, request.requestId(), timing));
        }
        if (result instanceof BooleanEvaluation e) {
            return out -> typed(out, "BOOLEAN_EVALUATION_RESPONSE_TYPE", "booleanResponse",
                    EvaluationJson.bool(e, request.requestId(), timing));
        }
        FlagNotFound missing = (FlagNotFound) result;
        return out -> typed(out, "ERROR_EVALUATION_RESPONSE_TYPE", "errorResponse",
                EvaluationJson.notFound(missing.flagKey(), request.namespaceKey()));
    }

    private static void typed(JsonOut out, String type, String field, JsonWritable response) {
        out.str("type", type).object(field, response);
    }
}
