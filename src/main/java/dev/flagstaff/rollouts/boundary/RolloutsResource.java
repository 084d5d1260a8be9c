package dev.flagstaff.rollouts.boundary;

import dev.flagstaff.http.ETags;
import dev.flagstaff.http.ErrorMapper;
import dev.flagstaff.http.IfMatch;
import dev.flagstaff.http.Precondition;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import dev.flagstaff.http.Messages;
import dev.flagstaff.http.NamespaceKey;
import dev.flagstaff.http.Page;
import dev.flagstaff.http.Query;
import dev.flagstaff.rollouts.control.RolloutRule;
import dev.flagstaff.rollouts.control.RolloutService;
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
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RolloutList.class)))
    public RolloutList list(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                            @Context UriInfo uri) {
        Query query = Query.of(uri);
        Page page = Page.from(query, false);
        if (query.string("pageToken").isEmpty()) {
            page = new Page(page.limit(), 0);
        }
        return RolloutList.of(rollouts.list(NamespaceKey.resolve(ns, query), flagKey, page));
    }

    @POST
    @Operation(operationId = "createRollout")
    @Tag(name = "RolloutsService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateRolloutRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rollout.class)),
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    public Response create(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                           CreateRolloutRequest request) {
        RolloutRule rule = request.rule();
        return ETags.ok(Rollout.of(rollouts.create(NamespaceKey.resolve(ns, request.namespaceKey()), flagKey,
                request.rank(), request.description(), rule)));
    }

    @PUT
    @Operation(operationId = "orderRollouts")
    @Tag(name = "RolloutsService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderRolloutsRequest.class)))
    @APIResponse(responseCode = "200", description = "OK: an empty object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @Path("order")
    public Messages.Empty order(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                                OrderRolloutsRequest request) {
        rollouts.order(NamespaceKey.resolve(ns, request.namespaceKey()), flagKey, request.rolloutIds());
        return Messages.Empty.INSTANCE;
    }

    @GET
    @Operation(operationId = "getRollout")
    @Tag(name = "RolloutsService")
    @Parameter(name = "reference", in = ParameterIn.QUERY, description = "ignored",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rollout.class)),
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @Path("{id}")
    public Response get(@PathParam("namespaceKey") String ns, @PathParam("id") String id, @Context UriInfo uri) {
        return ETags.ok(Rollout.of(rollouts.get(NamespaceKey.resolve(ns, Query.of(uri)), id)));
    }

    @PUT
    @Operation(operationId = "updateRollout")
    @Tag(name = "RolloutsService")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = IfMatch.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", description = Precondition.FAILED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorMapper.ErrorBody.class)))
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UpdateRolloutRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rollout.class)),
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @Path("{id}")
    public Response update(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                           @PathParam("id") String id, UpdateRolloutRequest request, @Context HttpHeaders headers) {
        RolloutRule rule = request.rule();
        return ETags.ok(Rollout.of(rollouts.update(NamespaceKey.resolve(ns, request.namespaceKey()), flagKey, id,
                request.description(), rule, IfMatch.of(headers).on(Rollout::of))));
    }

    @DELETE
    @Operation(operationId = "deleteRollout")
    @Tag(name = "RolloutsService")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = IfMatch.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", description = Precondition.FAILED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorMapper.ErrorBody.class)))
    @APIResponse(responseCode = "200", description = "OK: an empty object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @Path("{id}")
    public Messages.Empty delete(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                                 @PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        rollouts.delete(NamespaceKey.resolve(ns, Query.of(uri)), flagKey, id, IfMatch.of(headers).on(Rollout::of));
        return Messages.Empty.INSTANCE;
    }
}
