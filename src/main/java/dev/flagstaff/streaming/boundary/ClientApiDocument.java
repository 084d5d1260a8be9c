package dev.flagstaff.streaming.boundary;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * The two routes of {@link ClientEvaluationServlet} in the OpenAPI document. They are served by a servlet (a
 * stream must not hold a thread), which the annotation scan does not see, so the build's OpenAPI filter
 * ({@code dev.flagstaff.OpenApiConventions}) adds them from here, with Flipt v2's operation ids (the snapshot's
 * id, {@code evaluationSnapshotNamespace}, is already the v1 route's here, so this one ends in {@code V2}) and the
 * schema {@link ClientEvaluationNamespaceSnapshot} that {@code FlagstaffApplication} registers.
 */
public final class ClientApiDocument {

    static final String TAG = "ClientEvaluationService";
    private static final String SCHEMA_REF = "#/components/schemas/ClientEvaluationNamespaceSnapshot";

    private ClientApiDocument() {
    }

    public static void addTo(OpenAPI openAPI) {
        if (openAPI.getTags() == null || openAPI.getTags().stream().noneMatch(t -> TAG.equals(t.getName()))) {
            openAPI.addTag(OASFactory.createTag().name(TAG)
                    .description("Flipt v2's client endpoints for client-side SDKs (`/client/v2`)"));
        }
        Operation snapshot = OASFactory.createOperation()
                .operationId("evaluationSnapshotNamespaceV2")
                .summary("The namespace for client-side evaluation (Flipt v2)")
                .tags(List.of(TAG))
                .parameters(parameters(false))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse()
                                .description("OK, with the snapshot's `digest` as `ETag`")
                                .content(json(SCHEMA_REF)))
                        .addAPIResponse("304", OASFactory.createAPIResponse()
                                .description("Not modified: `If-None-Match` is the snapshot's digest")));
        Operation stream = OASFactory.createOperation()
                .operationId("evaluationSnapshotStream")
                .summary("A stream of the namespace's snapshots (Flipt v2)")
                .description("A long-lived response, `Content-Type: application/json`, chunked: one line "
                        + "`{\"result\":<ClientEvaluationNamespaceSnapshot>}` at once (unless `digest` is the current "
                        + "one) and one per committed change of the namespace. While nothing changes, a space is "
                        + "sent every `flagstaff.streams.keepalive-seconds` as a keep-alive (leading whitespace of "
                        + "the next line).")
                .tags(List.of(TAG))
                .parameters(parameters(true))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse()
                                .description("Each line's `result` (the schema describes one line's `result`)")
                                .content(json(SCHEMA_REF))));
        openAPI.getPaths()
                .addPathItem(ClientEvaluationServlet.SNAPSHOT_TEMPLATE, OASFactory.createPathItem().GET(snapshot))
                .addPathItem(ClientEvaluationServlet.STREAM_TEMPLATE, OASFactory.createPathItem().GET(stream));
    }

    private static List<Parameter> parameters(boolean stream) {
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(path("environmentKey", "the environment: `default`, the only one (any other is 404)"));
        parameters.add(path("key", "the namespace"));
        if (stream) {
            parameters.add(OASFactory.createParameter().name("digest").in(Parameter.In.QUERY)
                    .description("Last snapshot digest the client has (40 characters). The stream skips "
                            + "sending snapshots with a matching digest.")
                    .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING)));
        } else {
            parameters.add(OASFactory.createParameter().name("reference").in(Parameter.In.QUERY)
                    .description("ignored").schema(OASFactory.createSchema().type(Schema.SchemaType.STRING)));
        }
        return parameters;
    }

    private static Parameter path(String name, String description) {
        return OASFactory.createParameter().name(name).in(Parameter.In.PATH).required(true).description(description)
                .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING));
    }

    private static org.eclipse.microprofile.openapi.models.media.Content json(String ref) {
        return OASFactory.createContent().addMediaType("application/json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ref)));
    }
}
