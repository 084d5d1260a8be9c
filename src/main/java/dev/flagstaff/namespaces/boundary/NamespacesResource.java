package dev.flagstaff.namespaces.boundary;

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
import dev.flagstaff.namespaces.control.NamespaceService;
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

/** {@code /api/v1/namespaces}: contract section 3.2. Service: {@link NamespaceService}; table {@code namespaces}. */
@ApplicationScoped
@Path("api/v1/namespaces")
@Produces(MediaType.APPLICATION_JSON)
public class NamespacesResource {

    @Inject
    NamespaceService namespaces;

    @GET
    @Operation(operationId = "listNamespaces")
    @Tag(name = "NamespacesService")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "page size; 0 or absent: everything",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "deprecated: use pageToken",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
    @Parameter(name = "pageToken", in = ParameterIn.QUERY,
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "reference", in = ParameterIn.QUERY, description = "ignored",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NamespaceList.class)))
    public NamespaceList list(@Context UriInfo uri) {
        return NamespaceList.of(namespaces.list(Page.from(Query.of(uri), false)));
    }

    @POST
    @Operation(operationId = "createNamespace")
    @Tag(name = "NamespacesService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateNamespaceRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Namespace.class)),
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    public Response create(CreateNamespaceRequest request) {
        NamespaceKey.key(request.key());
        return ETags.ok(Namespace.of(namespaces.create(request)));
    }

    @GET
    @Operation(operationId = "getNamespace")
    @Tag(name = "NamespacesService")
    @Parameter(name = "reference", in = ParameterIn.QUERY, description = "ignored",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Namespace.class)),
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @Path("{key}")
    public Response get(@PathParam("key") String key) {
        return ETags.ok(Namespace.of(namespaces.get(NamespaceKey.key(key))));
    }

    @PUT
    @Operation(operationId = "updateNamespace")
    @Tag(name = "NamespacesService")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = IfMatch.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", description = Precondition.FAILED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorMapper.ErrorBody.class)))
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UpdateNamespaceRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Namespace.class)),
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @Path("{key}")
    public Response update(@PathParam("key") String key, UpdateNamespaceRequest request,
                           @Context HttpHeaders headers) {
        return ETags.ok(Namespace.of(namespaces.update(NamespaceKey.key(key), request,
                IfMatch.of(headers).on(Namespace::of))));
    }

    @DELETE
    @Operation(operationId = "deleteNamespace")
    @Tag(name = "NamespacesService")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = IfMatch.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", description = Precondition.FAILED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorMapper.ErrorBody.class)))
    @Parameter(name = "force", in = ParameterIn.QUERY, description = "delete the namespace with its flags and segments (even `default`)",
            schema = @Schema(type = SchemaType.BOOLEAN))
    @APIResponse(responseCode = "200", description = "OK: an empty object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @Path("{key}")
    public Messages.Empty delete(@PathParam("key") String key, @Context UriInfo uri, @Context HttpHeaders headers) {
        namespaces.delete(NamespaceKey.key(key), Query.of(uri).bool("force"), IfMatch.of(headers).on(Namespace::of));
        return Messages.Empty.INSTANCE;
    }
}
