package dev.flagstaff.transfer.boundary;

import dev.flagstaff.http.NamespaceKey;
import dev.flagstaff.segments.boundary.Segment;
import dev.flagstaff.transfer.control.Copier;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/namespaces/{namespaceKey}/segments/{segmentKey}/copy}: the segment with its constraints copied
 * to another namespace (or key). Service: {@link Copier}.
 */
@ApplicationScoped
@Path("api/v1/namespaces/{namespaceKey}/segments/{segmentKey}/copy")
@Produces(MediaType.APPLICATION_JSON)
public class CopySegmentResource {

    @Inject
    Copier copier;

    @POST
    @Operation(operationId = "copySegment", summary = "Copy a segment to another namespace",
            description = "The segment and its constraints; a taken key is a 400 (`segment \"<ns>/<key>\" is not "
                    + "unique`) and nothing is written.")
    @Tag(name = "TransferService")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CopyRequest.class)))
    @APIResponse(responseCode = "200", description = "OK: the copy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Segment.class)))
    public Segment copy(@PathParam("namespaceKey") String ns, @PathParam("segmentKey") String segmentKey,
                        CopyRequest request) {
        String namespace = NamespaceKey.key(ns);
        String target = NamespaceKey.key(request.namespaceOr(namespace));
        return Segment.of(copier.copySegment(namespace, segmentKey, target, request.keyOr(segmentKey)));
    }
}
