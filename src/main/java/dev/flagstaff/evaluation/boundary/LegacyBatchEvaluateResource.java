package dev.flagstaff.evaluation.boundary;

import dev.flagstaff.evaluation.control.Evaluations;
import dev.flagstaff.evaluation.engine.VariantEvaluation;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.Code;
import dev.flagstaff.http.NamespaceKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/namespaces/{namespaceKey}/batch-evaluate}: Flipt's deprecated batch evaluation (contract 6.6);
 * {@link LegacyBatchEvaluateDefaultResource} serves {@code /api/v1/batch-evaluate}. One namespace per batch;
 * a missing flag fails the batch unless {@code excludeNotFound}, any other error always does.
 */
@ApplicationScoped
@Path("api/v1/namespaces/{namespaceKey}/batch-evaluate")
@Produces(MediaType.APPLICATION_JSON)
public class LegacyBatchEvaluateResource {

    @Inject
    Evaluations evaluations;

    @POST
    @Operation(operationId = "batchEvaluate", summary = "Evaluate variant flags (deprecated: use /evaluate/v1/batch)")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LegacyBatchEvaluationRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LegacyBatchEvaluationResponse.class)))
    public LegacyBatchEvaluationResponse evaluate(@PathParam("namespaceKey") String ns,
                                                  LegacyBatchEvaluationRequest batch) {
        long start = System.nanoTime();
        String namespace = NamespaceKey.resolve(ns, batch.namespaceKey());
        boolean excludeNotFound = batch.excludeNotFound();
        List<LegacyEvaluationRequest> requests = batch.requests();
        for (LegacyEvaluationRequest request : requests) {
            if (!request.namespaceKey().isEmpty() && !request.namespaceKey().equals(namespace)) {
                throw ApiException.invalidField("namespace_key", "must be the same for all requests if specified");
            }
        }
        List<LegacyEvaluationRequest> evaluated = new ArrayList<>(requests.size());
        List<VariantEvaluation> results = new ArrayList<>(requests.size());
        for (LegacyEvaluationRequest request : requests) {
            try {
                results.add(evaluations.variant(namespace, request.flagKey(), request.entityId(), request.context()));
                evaluated.add(request);
            } catch (ApiException e) {
                if (!(excludeNotFound && e.code() == Code.NOT_FOUND)) {
                    throw e;
                }
            }
        }
        Timing timing = Timing.since(start);
        List<LegacyEvaluationResponse> items = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            items.add(LegacyEvaluationResponse.of(results.get(i), "", evaluated.get(i), namespace,
                    timing.timestamp(), 0));
        }
        return new LegacyBatchEvaluationResponse(EvaluationRequest.idOrNew(batch.requestId()), items,
                timing.durationMillis());
    }
}
