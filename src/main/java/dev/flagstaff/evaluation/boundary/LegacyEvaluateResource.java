package dev.flagstaff.evaluation.boundary;

import dev.flagstaff.evaluation.control.Evaluations;
import dev.flagstaff.evaluation.engine.VariantEvaluation;
import dev.flagstaff.http.NamespaceKey;
import dev.flagstaff.http.Validate;
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

/**
 * {@code POST /api/v1/namespaces/{namespaceKey}/evaluate}: Flipt's deprecated single evaluation of a variant flag
 * (contract 6.6); {@link LegacyEvaluateDefaultResource} serves {@code /api/v1/evaluate}.
 */
@ApplicationScoped
@Path("api/v1/namespaces/{namespaceKey}/evaluate")
@Produces(MediaType.APPLICATION_JSON)
public class LegacyEvaluateResource {

    @Inject
    Evaluations evaluations;

    @POST
    @Operation(operationId = "evaluate", summary = "Evaluate a variant flag (deprecated: use /evaluate/v1/variant)")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LegacyEvaluationRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LegacyEvaluationResponse.class)))
    public LegacyEvaluationResponse evaluate(@PathParam("namespaceKey") String ns, LegacyEvaluationRequest request) {
        long start = System.nanoTime();
        Validate.notEmpty("flagKey", request.flagKey());
        Validate.notEmpty("entityId", request.entityId());
        String namespace = NamespaceKey.resolve(ns, request.namespaceKey());
        VariantEvaluation result = evaluations.variant(namespace, request.flagKey(), request.entityId(),
                request.context());
        Timing timing = Timing.since(start);
        // the namespace is echoed as the request gave it: "" on /api/v1/evaluate when the body had none
        String echoed = ns != null ? ns : request.namespaceKey();
        return LegacyEvaluationResponse.of(result, EvaluationRequest.idOrNew(request.requestId()), request, echoed,
                timing.timestamp(), timing.durationMillis());
    }
}
