package dev.flagstaff.evaluation.boundary;

import dev.flagstaff.evaluation.control.Evaluations;
import dev.flagstaff.evaluation.engine.FlagEvaluation;
import dev.flagstaff.evaluation.engine.FlagInfo;
import dev.flagstaff.evaluation.engine.FlagNotFound;
import dev.flagstaff.evaluation.engine.FlagType;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.Code;
import dev.flagstaff.http.MessageBodies;
import dev.flagstaff.http.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /ofrep/v1}: the OpenFeature Remote Evaluation Protocol (contract section 7). The namespace comes from
 * {@code x-flipt-namespace}, the entity from {@code context.targetingKey}; errors use OFREP's own body
 * {@code {"key","errorCode","errorDetails"}}, so this resource reads its body itself.
 */
@ApplicationScoped
@Path("ofrep/v1")
@Produces(MediaType.APPLICATION_JSON)
public class OfrepResource {

    @Inject
    Evaluations evaluations;

    @GET
    @Operation(operationId = "ofrep.configuration")
    @Tag(name = "OFREPService")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GetProviderConfigurationResponse.class)))
    @APIResponse(responseCode = "default", description = "An error in OFREP's shape (401 GENERAL when a token is required)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfrepErrorResponse.class)))
    @Path("configuration")
    public GetProviderConfigurationResponse configuration() {
        return GetProviderConfigurationResponse.FLIPT;
    }

    @POST
    @Operation(operationId = "ofrep.evaluateFlag")
    @Tag(name = "OFREPService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluateFlagRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluatedFlag.class)))
    @APIResponse(responseCode = "default", description = "An error in OFREP's shape: 400 INVALID_CONTEXT, 404 FLAG_NOT_FOUND, otherwise GENERAL",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfrepErrorResponse.class)))
    @Path("evaluate/flags/{key}")
    public Response evaluateFlag(@PathParam("key") String key, @HeaderParam("x-flipt-namespace") String namespace,
                                 byte[] body) {
        try {
            Map<String, String> context = context(body, EvaluateFlagRequest.class);
            FlagEvaluation result = evaluations.any(namespace(namespace), key, entityId(context), context);
            if (result instanceof FlagNotFound) {
                return error(404, key, "FLAG_NOT_FOUND", "flag was not found " + key);
            }
            return Response.ok(EvaluatedFlag.of(result)).build();
        } catch (ApiException e) {
            return error(e, key);
        }
    }

    /** Every named flag ({@code context.flags}, comma-separated), or all boolean and enabled variant flags. */
    @POST
    @Operation(operationId = "ofrep.evaluateBulk")
    @Tag(name = "OFREPService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluateBulkRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkEvaluationResponse.class)))
    @APIResponse(responseCode = "default", description = "An error in OFREP's shape: 400 INVALID_CONTEXT, 404 FLAG_NOT_FOUND, otherwise GENERAL",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfrepErrorResponse.class)))
    @Path("evaluate/flags")
    public Response evaluateFlags(@HeaderParam("x-flipt-namespace") String namespace, byte[] body) {
        String ns = namespace(namespace);
        try {
            Map<String, String> context = context(body, EvaluateBulkRequest.class);
            String entityId = entityId(context);
            List<String> keys = new ArrayList<>();
            if (context.containsKey("flags")) {
                Arrays.stream(context.get("flags").split(",")).map(String::trim).forEach(keys::add);
            } else {
                for (FlagInfo flag : evaluations.state(ns).snapshot().flags()) {
                    if (flag.type() == FlagType.BOOLEAN_FLAG_TYPE || flag.enabled()) {
                        keys.add(flag.key());
                    }
                }
            }
            List<EvaluatedFlag> flags = new ArrayList<>(keys.size());
            for (String key : keys) {
                FlagEvaluation result = evaluations.any(ns, key, entityId, context);
                if (result instanceof FlagNotFound) {
                    return error(404, key, "FLAG_NOT_FOUND", "flag was not found " + key);
                }
                flags.add(EvaluatedFlag.of(result));
            }
            return Response.ok(new BulkEvaluationResponse(flags)).build();
        } catch (ApiException e) {
            return error(e, null);
        }
    }

    /** The {@code context} of an OFREP request; any error in the body is OFREP's 400 INVALID_CONTEXT. */
    private static Map<String, String> context(byte[] body, Class<? extends Record> type) {
        try {
            Record request = Messages.read(type, MessageBodies.parse(body == null ? new byte[0] : body));
            return request instanceof EvaluateFlagRequest single ? single.context()
                    : ((EvaluateBulkRequest) request).context();
        } catch (ApiException e) {
            throw new ApiException(Code.INVALID_ARGUMENT, e.getMessage());
        }
    }

    private static String entityId(Map<String, String> context) {
        String targetingKey = context.get("targetingKey");
        return targetingKey == null ? UUID.randomUUID().toString() : targetingKey;
    }

    private static String namespace(String header) {
        return header == null || header.isEmpty() ? "default" : header;
    }

    private static Response error(ApiException e, String key) {
        String errorCode = e.code() == Code.INVALID_ARGUMENT ? "INVALID_CONTEXT"
                : e.code() == Code.NOT_FOUND ? "FLAG_NOT_FOUND" : "GENERAL";
        return error(e.code().http(), key, errorCode, e.getMessage());
    }

    /** OFREP's error response; {@code key} is left out when it is not known. */
    static Response error(int status, String key, String errorCode, String details) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OfrepErrorResponse(key, errorCode, details)).build();
    }
}
