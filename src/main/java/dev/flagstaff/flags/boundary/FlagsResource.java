package dev.flagstaff.flags.boundary;

import dev.flagstaff.http.ETags;
import dev.flagstaff.http.ErrorMapper;
import dev.flagstaff.http.IfMatch;
import dev.flagstaff.http.Precondition;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import dev.flagstaff.flags.control.FlagService;
import dev.flagstaff.http.Messages;
import dev.flagstaff.http.NamespaceKey;
import dev.flagstaff.http.Page;
import dev.flagstaff.http.Query;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/namespaces/{namespaceKey}/flags}: flags and variants, contract sections 3.3 and 3.4. The legacy
 * routes without the namespace ({@link LegacyFlagsResource}) inherit every method; there {@code namespaceKey} is
 * null and the namespace comes from the body or query. Service: {@link FlagService}; tables {@code flags},
 * {@code variants}.
 */
@ApplicationScoped
@Path("api/v1/namespaces/{namespaceKey}/flags")
@Produces(MediaType.APPLICATION_JSON)
public class FlagsResource {

    @Inject
    FlagService flags;

    @GET
    @Operation(operationId = "listFlags")
    @Tag(name = "FlagsService")
    @Parameter(name = "limit", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
    @Parameter(name = "pageToken", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "reference", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FlagList.class)))
    public FlagList list(@PathParam("namespaceKey") String ns, @Context UriInfo uri) {
        Query query = Query.of(uri);
        return FlagList.of(flags.list(NamespaceKey.resolve(ns, query), Page.from(query, true)));
    }

    @POST
    @Operation(operationId = "createFlag")
    @Tag(name = "FlagsService")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateFlagRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Flag.class)),
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    public Response create(@PathParam("namespaceKey") String ns, CreateFlagRequest request) {
        dev.flagstaff.flags.entity.Flag flag = flags.create(NamespaceKey.resolve(ns, request.namespaceKey()), request);
        return ETags.ok(Flag.created(flag, request.metadata()), Flag.read(flag));
    }

    @GET
    @Operation(operationId = "getFlag")
    @Tag(name = "FlagsService")
    @Parameter(name = "reference", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Flag.class)),
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @Path("{key}")
    public Response get(@PathParam("namespaceKey") String ns, @PathParam("key") String key, @Context UriInfo uri) {
        return ETags.ok(Flag.read(flags.get(NamespaceKey.resolve(ns, Query.of(uri)), key)));
    }

    @PUT
    @Operation(operationId = "updateFlag")
    @Tag(name = "FlagsService")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = IfMatch.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", description = Precondition.FAILED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorMapper.ErrorBody.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UpdateFlagRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Flag.class)),
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @Path("{key}")
    public Response update(@PathParam("namespaceKey") String ns, @PathParam("key") String key,
                           UpdateFlagRequest request, @Context HttpHeaders headers) {
        return ETags.ok(Flag.read(flags.update(NamespaceKey.resolve(ns, request.namespaceKey()), key, request,
                IfMatch.of(headers).on(Flag::read))));
    }

    @DELETE
    @Operation(operationId = "deleteFlag")
    @Tag(name = "FlagsService")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = IfMatch.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", description = Precondition.FAILED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorMapper.ErrorBody.class)))
    @APIResponse(responseCode = "200", description = "OK: an empty object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @Path("{key}")
    public Messages.Empty delete(@PathParam("namespaceKey") String ns, @PathParam("key") String key,
                                 @Context UriInfo uri, @Context HttpHeaders headers) {
        flags.delete(NamespaceKey.resolve(ns, Query.of(uri)), key, IfMatch.of(headers).on(Flag::read));
        return Messages.Empty.INSTANCE;
    }

    @POST
    @Operation(operationId = "createVariant")
    @Tag(name = "VariantsService")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateVariantRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Variant.class)),
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @Path("{flagKey}/variants")
    public Response createVariant(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                                  CreateVariantRequest request) {
        return ETags.ok(Variant.of(flags.createVariant(NamespaceKey.resolve(ns, request.namespaceKey()), flagKey,
                request)));
    }

    @PUT
    @Operation(operationId = "updateVariant")
    @Tag(name = "VariantsService")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = IfMatch.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", description = Precondition.FAILED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorMapper.ErrorBody.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UpdateVariantRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Variant.class)),
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @Path("{flagKey}/variants/{id}")
    public Response updateVariant(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                                  @PathParam("id") String id, UpdateVariantRequest request,
                                  @Context HttpHeaders headers) {
        return ETags.ok(Variant.of(flags.updateVariant(NamespaceKey.resolve(ns, request.namespaceKey()), flagKey, id,
                request, IfMatch.of(headers).on(Variant::of))));
    }

    @DELETE
    @Operation(operationId = "deleteVariant")
    @Tag(name = "VariantsService")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = IfMatch.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", description = Precondition.FAILED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorMapper.ErrorBody.class)))
    @APIResponse(responseCode = "200", description = "OK: an empty object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @Path("{flagKey}/variants/{id}")
    public Messages.Empty deleteVariant(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                                        @PathParam("id") String id, @Context UriInfo uri,
                                        @Context HttpHeaders headers) {
        flags.deleteVariant(NamespaceKey.resolve(ns, Query.of(uri)), flagKey, id, IfMatch.of(headers).on(Variant::of));
        return Messages.Empty.INSTANCE;
    }
}
