package dev.flagstaff.transfer.boundary;

import dev.flagstaff.transfer.control.DocumentWriter;
import dev.flagstaff.transfer.control.Exporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
 * {@code GET /api/v1/export}: every namespace, as {@code flipt export --all-namespaces} writes them: a YAML stream of
 * one document per namespace ({@code ---} between them, the version on the first only). As JSON (Flipt writes
 * one JSON document per line there, which is not one JSON value) it answers a JSON array of the same documents; the
 * import and the start-up import read both forms. Not for namespace-scoped tokens. Service: {@link Exporter}.
 */
@ApplicationScoped
@Path("api/v1/export")
public class ExportAllResource {

    @Inject
    Exporter exporter;

    @GET
    @Produces({Formats.YAML, MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportAllNamespaces", summary = "Export every namespace (Flipt's export documents)",
            description = "YAML: a stream of one document per namespace, as `flipt export --all-namespaces`. With "
                    + "`Accept: application/json`: a JSON array of the documents.")
    @Tag(name = "TransferService")
    @APIResponse(responseCode = "200", description = "OK", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = ExportDocument.class)),
            @Content(mediaType = Formats.YAML, schema = @Schema(type = SchemaType.STRING,
                    description = "the documents as a YAML stream"))})
    public Response exportAll(@Context HttpHeaders headers) {
        List<JsonObject> documents = exporter.all();
        return Formats.wantsJson(headers)
                ? Response.ok(DocumentWriter.jsonArray(documents), MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8")).build()
                : Response.ok(DocumentWriter.yaml(documents), Formats.YAML + ";charset=utf-8").build();
    }
}
