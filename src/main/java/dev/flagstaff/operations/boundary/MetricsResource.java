package dev.flagstaff.operations.boundary;

import dev.flagstaff.operations.control.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /metrics}: Prometheus text (contract 9.4), never authenticated. What is in it: README,
 * "Operations".
 */
@ApplicationScoped
@Path("metrics")
public class MetricsResource {

    @Inject
    Metrics metrics;

    @GET
    @Operation(operationId = "metrics", summary = "Prometheus metrics")
    @Tag(name = "Operations")
    @APIResponse(responseCode = "200", description = "Prometheus text format 0.0.4",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)))
    public Response scrape() {
        return Response.ok(metrics.scrape()).header("Content-Type", Metrics.CONTENT_TYPE).build();
    }
}
