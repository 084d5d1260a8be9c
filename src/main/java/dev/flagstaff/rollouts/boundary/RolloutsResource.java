package dev.flagstaff.rollouts.boundary;

import dev.flagstaff.flags.control.Ranks;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.JsonBody;
import dev.flagstaff.http.JsonWritable;
import dev.flagstaff.http.NamespaceKey;
import dev.flagstaff.http.Page;
import dev.flagstaff.http.Query;
import dev.flagstaff.rollouts.control.RolloutRule;
import dev.flagstaff.rollouts.control.RolloutService;
import dev.flagstaff.segments.entity.SegmentOperator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
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
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rollouts}: rollouts of boolean flags, contract section 3.9
 * (no legacy routes). Service: {@link RolloutService}; tables {@code rollouts}, {@code rollout_segments}.
 */
@ApplicationScoped
@Path("api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rollouts")
@Produces(MediaType.APPLICATION_JSON)
public class RolloutsResource {

    @Inject
    RolloutService rollouts;

    /** Rollout lists page by token only; {@code offset} is not read. */
    @GET
    @Operation(operationId = "listRollouts")
    @Tag(name = "RolloutsService")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "page size; 0 or absent: everything",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
    @Parameter(name = "pageToken", in = ParameterIn.QUERY,
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "reference", in = ParameterIn.QUERY, description = "ignored",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RolloutSchemas.RolloutList.class)))
    public JsonWritable list(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey, @Context UriInfo uri) {
        Query query = Query.of(uri);
        Page page = Page.from(query, false);
        if (query.string("pageToken").isEmpty()) {
            page = new Page(page.limit(), 0);
        }
        return RolloutJson.list(rollouts.list(NamespaceKey.resolve(ns, query), flagKey, page));
    }

    @POST
    @Operation(operationId = "createRollout")
    @Tag(name = "RolloutsService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RolloutSchemas.CreateRolloutRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RolloutSchemas.Rollout.class)))
    public JsonWritable create(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey, JsonBody body) {
        JsonBody b = JsonBody.orEmpty(body);
        RolloutRule rule = rule(b);
        if (rule == null) {
            throw ApiException.invalid("rollout rule is missing");
        }
        return new RolloutJson(rollouts.create(NamespaceKey.resolve(ns, b), flagKey, b.int32("rank"),
                b.string("description"), rule));
    }

    @PUT
    @Operation(operationId = "orderRollouts")
    @Tag(name = "RolloutsService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RolloutSchemas.OrderRolloutsRequest.class)))
    @APIResponse(responseCode = "200", description = "OK: an empty object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @Path("order")
    public JsonWritable order(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey, JsonBody body) {
        JsonBody b = JsonBody.orEmpty(body);
        rollouts.order(NamespaceKey.resolve(ns, b), flagKey, Ranks.orderRequest("rolloutIds", b.strings("rolloutIds")));
        return JsonWritable.EMPTY;
    }

    @GET
    @Operation(operationId = "getRollout")
    @Tag(name = "RolloutsService")
    @Parameter(name = "reference", in = ParameterIn.QUERY, description = "ignored",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RolloutSchemas.Rollout.class)))
    @Path("{id}")
    public JsonWritable get(@PathParam("namespaceKey") String ns, @PathParam("id") String id, @Context UriInfo uri) {
        return new RolloutJson(rollouts.get(NamespaceKey.resolve(ns, Query.of(uri)), id));
    }

    @PUT
    @Operation(operationId = "updateRollout")
    @Tag(name = "RolloutsService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RolloutSchemas.UpdateRolloutRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RolloutSchemas.Rollout.class)))
    @Path("{id}")
    public JsonWritable update(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                               @PathParam("id") String id, JsonBody body) {
        JsonBody b = JsonBody.orEmpty(body);
        RolloutRule rule = rule(b);
        if (rule == null) {
            throw ApiException.invalidField("rule", "invalid rollout rule type");
        }
        return new RolloutJson(rollouts.update(NamespaceKey.resolve(ns, b), flagKey, id, b.string("description"), rule));
    }

    @DELETE
    @Operation(operationId = "deleteRollout")
    @Tag(name = "RolloutsService")
    @APIResponse(responseCode = "200", description = "OK: an empty object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @Path("{id}")
    public JsonWritable delete(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                               @PathParam("id") String id, @Context UriInfo uri) {
        rollouts.delete(NamespaceKey.resolve(ns, Query.of(uri)), flagKey, id);
        return JsonWritable.EMPTY;
    }

    /** The threshold or segment rule of the body (the threshold wins when both are sent), or null. */
    private static RolloutRule rule(JsonBody b) {
        JsonBody threshold = b.message("threshold");
        if (threshold != null) {
            return new RolloutRule.Threshold(threshold.float32("percentage"), threshold.bool("value"));
        }
        JsonBody segment = b.message("segment");
        if (segment != null) {
            return new RolloutRule.Segments(segment.string("segmentKey"), segment.strings("segmentKeys"),
                    segment.enumValue("segmentOperator", SegmentOperator.class, SegmentOperator.PROTO_NAME),
                    segment.bool("value"));
        }
        return null;
    }
}
