package dev.flagstaff.segments.boundary;

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
import dev.flagstaff.segments.control.SegmentService;
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
 * {@code /api/v1/namespaces/{namespaceKey}/segments}: segments and constraints, contract sections 3.5 and 3.6; the
 * legacy routes ({@link LegacySegmentsResource}) inherit every method with a null {@code ns}. Service:
 * {@link SegmentService}; tables {@code segments}, {@code segment_constraints}.
 */
@ApplicationScoped
@Path("api/v1/namespaces/{namespaceKey}/segments")
@Produces(MediaType.APPLICATION_JSON)
public class SegmentsResource {

    @Inject
    SegmentService segments;

    @GET
    @Operation(operationId = "listSegments")
    @Tag(name = "SegmentsService")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "page size; 0 or absent: everything",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "deprecated: use pageToken",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
    @Parameter(name = "pageToken", in = ParameterIn.QUERY,
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "reference", in = ParameterIn.QUERY, description = "ignored",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SegmentList.class)))
    public SegmentList list(@PathParam("namespaceKey") String ns, @Context UriInfo uri) {
        Query query = Query.of(uri);
        return SegmentList.of(segments.list(NamespaceKey.resolve(ns, query), Page.from(query, true)));
    }

    @POST
    @Operation(operationId = "createSegment")
    @Tag(name = "SegmentsService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateSegmentRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Segment.class)),
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    public Response create(@PathParam("namespaceKey") String ns, CreateSegmentRequest request) {
        return ETags.ok(Segment.of(segments.create(NamespaceKey.resolve(ns, request.namespaceKey()), request)));
    }

    @GET
    @Operation(operationId = "getSegment")
    @Tag(name = "SegmentsService")
    @Parameter(name = "reference", in = ParameterIn.QUERY, description = "ignored",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Segment.class)),
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @Path("{key}")
    public Response get(@PathParam("namespaceKey") String ns, @PathParam("key") String key, @Context UriInfo uri) {
        return ETags.ok(Segment.of(segments.get(NamespaceKey.resolve(ns, Query.of(uri)), key)));
    }

    @PUT
    @Operation(operationId = "updateSegment")
    @Tag(name = "SegmentsService")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = IfMatch.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", description = Precondition.FAILED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorMapper.ErrorBody.class)))
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UpdateSegmentRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Segment.class)),
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @Path("{key}")
    public Response update(@PathParam("namespaceKey") String ns, @PathParam("key") String key,
                           UpdateSegmentRequest request, @Context HttpHeaders headers) {
        return ETags.ok(Segment.of(segments.update(NamespaceKey.resolve(ns, request.namespaceKey()), key, request,
                IfMatch.of(headers).on(Segment::of))));
    }

    @DELETE
    @Operation(operationId = "deleteSegment")
    @Tag(name = "SegmentsService")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = IfMatch.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", description = Precondition.FAILED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorMapper.ErrorBody.class)))
    @APIResponse(responseCode = "200", description = "OK: an empty object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @Path("{key}")
    public Messages.Empty delete(@PathParam("namespaceKey") String ns, @PathParam("key") String key,
                                 @Context UriInfo uri, @Context HttpHeaders headers) {
        segments.delete(NamespaceKey.resolve(ns, Query.of(uri)), key, IfMatch.of(headers).on(Segment::of));
        return Messages.Empty.INSTANCE;
    }

    @POST
    @Operation(operationId = "createConstraint")
    @Tag(name = "ConstraintsService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateConstraintRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Constraint.class)),
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @Path("{segmentKey}/constraints")
    public Response createConstraint(@PathParam("namespaceKey") String ns, @PathParam("segmentKey") String segmentKey,
                                     CreateConstraintRequest request) {
        return ETags.ok(Constraint.of(segments.createConstraint(NamespaceKey.resolve(ns, request.namespaceKey()),
                segmentKey, request)));
    }

    @PUT
    @Operation(operationId = "updateConstraint")
    @Tag(name = "ConstraintsService")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = IfMatch.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", description = Precondition.FAILED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorMapper.ErrorBody.class)))
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UpdateConstraintRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Constraint.class)),
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @Path("{segmentKey}/constraints/{id}")
    public Response updateConstraint(@PathParam("namespaceKey") String ns, @PathParam("segmentKey") String segmentKey,
                                     @PathParam("id") String id, UpdateConstraintRequest request,
                                     @Context HttpHeaders headers) {
        return ETags.ok(Constraint.of(segments.updateConstraint(NamespaceKey.resolve(ns, request.namespaceKey()),
                segmentKey, id, request, IfMatch.of(headers).on(Constraint::of))));
    }

    @DELETE
    @Operation(operationId = "deleteConstraint")
    @Tag(name = "ConstraintsService")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = IfMatch.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", description = Precondition.FAILED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorMapper.ErrorBody.class)))
    @APIResponse(responseCode = "200", description = "OK: an empty object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @Path("{segmentKey}/constraints/{id}")
    public Messages.Empty deleteConstraint(@PathParam("namespaceKey") String ns,
                                           @PathParam("segmentKey") String segmentKey,
                                           @PathParam("id") String id, @Context UriInfo uri,
                                           @Context HttpHeaders headers) {
        segments.deleteConstraint(NamespaceKey.resolve(ns, Query.of(uri)), segmentKey, id,
                IfMatch.of(headers).on(Constraint::of));
        return Messages.Empty.INSTANCE;
    }

}
