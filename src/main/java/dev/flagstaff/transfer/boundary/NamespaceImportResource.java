package dev.flagstaff.transfer.boundary;

import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.NamespaceKey;
import dev.flagstaff.http.Query;
import dev.flagstaff.transfer.control.DocumentReader;
import dev.flagstaff.transfer.control.FliptDocument;
import dev.flagstaff.transfer.control.Importer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code POST /api/v1/namespaces/{namespaceKey}/import}: one Flipt export document (versions 1.0 to 1.4, YAML or JSON
 * whatever the Content-Type says: YAML 1.2 reads both) into the existing namespace of the path, as
 * {@code flipt import} would, all or nothing. The document's own namespace is not used: the path says where it
 * goes, so a namespace's export imports into any other. Service: {@link Importer}.
 */
@ApplicationScoped
@Path("api/v1/namespaces/{namespaceKey}/import")
public class NamespaceImportResource {

    @Inject
    Importer importer;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importNamespace", summary = "Import a Flipt export document into a namespace",
            description = "One transaction: the first error (a 400 naming the line and the key) leaves the "
                    + "namespace as it was. `skipExisting=true` leaves flags and segments whose key exists alone, "
                    + "as `flipt import --skip-existing`.")
    @Tag(name = "TransferService")
    @Parameter(name = "skipExisting", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.BOOLEAN))
    @RequestBody(required = true, content = {
            @Content(mediaType = Formats.YAML, schema = @Schema(type = SchemaType.STRING, description = "the YAML document")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExportDocument.class))})
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    public ImportResult importDocument(@PathParam("namespaceKey") String ns, @Context UriInfo uri, byte[] body) {
        String namespace = NamespaceKey.key(ns);
        boolean skipExisting = Query.of(uri).bool("skipExisting");
        // flow collections ([…], {…}, and all of JSON) nested too deeply would overflow the YAML parser's stack
        dev.flagstaff.http.Limits.current().checkDepth(body, "request body");
        List<FliptDocument> documents = DocumentReader.read(new String(body, StandardCharsets.UTF_8));
        if (documents.isEmpty()) {
            throw ApiException.invalid("the document is empty");
        }
        if (documents.size() > 1) {
            throw ApiException.invalid("line " + documents.get(1).line() + ": one document is imported into a "
                    + "namespace, this is the second");
        }
        return ImportResult.of(importer.importInto(namespace, documents.get(0), skipExisting));
    }
}
