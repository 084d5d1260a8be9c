package dev.flagstaff.audit.boundary;

import dev.flagstaff.audit.control.AuditEvents;
import dev.flagstaff.http.Query;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/audit/events}: the audit history (issue 12), newest first, for viewers. Service:
 * {@link AuditEvents}; table {@code audit_events}.
 */
@ApplicationScoped
@Path("api/v1/audit/events")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditEvents events;

    @GET
    @Operation(operationId = "listAuditEvents", summary = "The audit history, newest first")
    @Tag(name = "AuditService")
    @Parameter(name = "namespaceKey", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "type", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING, enumeration = {
            "namespace", "flag", "variant", "segment", "constraint", "rule", "distribution", "rollout", "token"}))
    @Parameter(name = "key", in = ParameterIn.QUERY, description = "key of the flag, segment or namespace "
            + "(a rule's flag, a constraint's segment), or a token's id", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "actor", in = ParameterIn.QUERY, description = "token id, IdP subject, name or email",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "from", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @Parameter(name = "to", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @Parameter(name = "limit", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
    @Parameter(name = "pageToken", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuditEventList.class)))
    public AuditEventList list(@Context UriInfo uri) {
        AuditQuery query = AuditQuery.from(Query.of(uri));
        return AuditEventList.of(events.list(query.filter(), query.page()));
    }
}
