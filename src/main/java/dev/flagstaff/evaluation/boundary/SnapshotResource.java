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
