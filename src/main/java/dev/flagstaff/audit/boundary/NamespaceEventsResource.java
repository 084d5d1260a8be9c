package dev.flagstaff.audit.boundary;

import dev.flagstaff.audit.control.EventStreams;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.NamespaceKey;
import dev.flagstaff.http.Query;
import dev.flagstaff.namespaces.control.NamespaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/namespaces/{namespaceKey}/events}: Server-Sent Events (issue 13), one per committed change
 * of the namespace, its data the audit event (JSON) and its id the event's id. {@code Last-Event-ID} (or the
 * query parameter {@code lastEventId}, for a first connection from a browser) replays the stored events after
 * it first. The method returns at once; {@link EventStreams} keeps the stream. Same access as reading the
 * namespace.
 */
@ApplicationScoped
@Path("api/v1/namespaces/{namespaceKey}/events")
public class NamespaceEventsResource {

    @Inject
    EventStreams streams;

    @Inject
    NamespaceService namespaces;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamNamespaceEvents", summary = "Live audit events of a namespace (text/event-stream)")
    @Tag(name = "AuditService")
    @Parameter(name = "Last-Event-ID", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "lastEventId", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "an endless text/event-stream; each event's data is an "
            + "AuditEvent", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
            schema = @Schema(type = SchemaType.STRING)))
    public void events(@PathParam("namespaceKey") String ns, @HeaderParam("Last-Event-ID") String lastEventId,
                       @Context UriInfo uri, @Context SseEventSink sink, @Context Sse sse) {
        String namespace = NamespaceKey.key(ns);
        namespaces.get(namespace);
        String last = lastEventId != null && !lastEventId.isBlank() ? lastEventId.trim()
                : Query.of(uri).string("lastEventId");
        Long after = null;
        if (!last.isEmpty()) {
            try {
                after = Long.parseLong(last);
            } catch (NumberFormatException e) {
                throw ApiException.invalidField("Last-Event-ID", "must be the id of an event");
            }
        }
        streams.open(namespace, after, sink, sse);
    }
}
