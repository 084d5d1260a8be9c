package dev.flagstaff.evaluation.boundary;

import dev.flagstaff.evaluation.control.Evaluations;
import dev.flagstaff.evaluation.control.NamespaceState;
import dev.flagstaff.evaluation.control.SnapshotDocuments;
import dev.flagstaff.http.NamespaceKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
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
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /internal/v1/evaluation/snapshot/namespace/{key}}: the whole namespace for client-side SDKs
 * (contract 9.5), with an ETag and 304 for an unchanged namespace. Each multi-segment rule appears once
 * (Flipt 1.59.3 repeats it once per segment, a bug this deliberately does not copy).
 */
@ApplicationScoped
@Path("internal/v1/evaluation/snapshot/namespace/{key}")
public class SnapshotResource {

    @Inject
    Evaluations evaluations;

    @GET
    @Operation(operationId = "evaluationSnapshotNamespace", summary = "The namespace for client-side evaluation")
    @Tag(name = "DataService")
    @Parameter(name = "reference", in = ParameterIn.QUERY, description = "ignored",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "OK, with an `ETag` header when the namespace exists",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationNamespaceSnapshot.class)))
    @APIResponse(responseCode = "304", description = "Not modified: `If-None-Match` is the namespace's `ETag`")
    public Response snapshot(@PathParam("key") String key,
                             @HeaderParam("x-flipt-accept-server-version") String acceptServerVersion,
                             @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        NamespaceState state = evaluations.state(NamespaceKey.key(key));
        if (!state.exists()) {
            return Response.ok(state.document(SnapshotDocuments.shapeFor(acceptServerVersion)),
                    MediaType.APPLICATION_JSON_TYPE).build();
        }
        if (ifNoneMatch != null && unquote(ifNoneMatch).equals(state.etag())) {
            return Response.notModified().header(HttpHeaders.ETAG, state.etag()).build();
        }
        return Response.ok(state.document(SnapshotDocuments.shapeFor(acceptServerVersion)),
                        MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, state.etag())
                .build();
    }

    private static String unquote(String tag) {
        String t = tag.trim();
        if (t.startsWith("W/")) {
            t = t.substring(2);
        }
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
