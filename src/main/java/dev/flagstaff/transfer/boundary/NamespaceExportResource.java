package dev.flagstaff.transfer.boundary;

import dev.flagstaff.http.NamespaceKey;
import dev.flagstaff.transfer.control.DocumentWriter;
import dev.flagstaff.transfer.control.Exporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * {@code GET /api/v1/namespaces/{namespaceKey}/export}: the namespace as {@code flipt export --namespace <key>} writes
 * it. Not a Flipt v1 REST route (Flipt exports from its CLI); Flagstaff's own, in Flipt's document format. Its own
 * root resource because JAX-RS matches the most specific class path first. Service: {@link Exporter}.
 */
@ApplicationScoped
@Path("api/v1/namespaces/{namespaceKey}/export")
public class NamespaceExportResource {

    @Inject
    Exporter exporter;

    @GET
    @Produces({Formats.YAML, MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportNamespace", summary = "Export a namespace (Flipt's export document)",
            description = "YAML (`application/yaml`, the same fields, order and version as `flipt export`) unless "
                    + "`Accept` asks for `application/json`, then one compact line of JSON, as `flipt export -o json`.")
    @Tag(name = "TransferService")
    @APIResponse(responseCode = "200", description = "OK", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExportDocument.class)),
            @Content(mediaType = Formats.YAML, schema = @Schema(type = SchemaType.STRING,
                    description = "the same document as YAML"))})
    public Response export(@PathParam("namespaceKey") String ns, @Context HttpHeaders headers) {
        JsonObject document = exporter.namespace(NamespaceKey.key(ns));
        return Formats.wantsJson(headers)
                ? Response.ok(DocumentWriter.json(document), MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8")).build()
                : Response.ok(DocumentWriter.yaml(List.of(document)), Formats.YAML + ";charset=utf-8").build();
    }
}
