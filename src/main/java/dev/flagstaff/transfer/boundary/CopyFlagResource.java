package dev.flagstaff.transfer.boundary;

import dev.flagstaff.flags.boundary.Flag;
import dev.flagstaff.http.NamespaceKey;
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
 * {@code POST /api/v1/namespaces/{namespaceKey}/flags/{flagKey}/copy}: the flag with its variants, rules and
 * rollouts copied to another namespace (or key); the segments they use come along where the target lacks them.
 * A namespace-scoped token may copy only within its namespace. Service: {@link Copier}.
 */
@ApplicationScoped
@Path("api/v1/namespaces/{namespaceKey}/flags/{flagKey}/copy")
@Produces(MediaType.APPLICATION_JSON)
public class CopyFlagResource {

    @Inject
    Copier copier;

    @POST
    @Operation(operationId = "copyFlag", summary = "Copy a flag to another namespace",
            description = "Variants, the default variant, rules with distributions and rollouts are copied; a "
                    + "segment they use is copied along unless the target has one of that key, which is used. A "
                    + "taken key is a 400 (`flag \"<ns>/<key>\" is not unique`) and nothing is written.")
    @Tag(name = "TransferService")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CopyRequest.class)))
    @APIResponse(responseCode = "200", description = "OK: the copy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Flag.class)))
    public Flag copy(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey, CopyRequest request) {
        String namespace = NamespaceKey.key(ns);
        String target = NamespaceKey.key(request.namespaceOr(namespace));
        return Flag.read(copier.copyFlag(namespace, flagKey, target, request.keyOr(flagKey)));
    }
}
