package dev.flagstaff.operations.boundary;

import dev.flagstaff.http.Code;
import dev.flagstaff.http.ErrorMapper;
import dev.flagstaff.operations.control.Health;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * {@code GET /health}: Flipt's health check (contract 9.3), {@code {"status":"SERVING"}} while the application
 * runs, 503 with the error body while it starts or stops. It does not ask the database: evaluations are served
 * from memory and go on while the database is away. {@code /health/live} and {@code /health/ready} answer in
 * MicroProfile Health's shape for orchestrators; only readiness asks the database.
 */
@ApplicationScoped
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    Health health;

    @GET
    @Operation(operationId = "health", summary = "Flipt's health check")
    @Tag(name = "Operations")
    @APIResponse(responseCode = "200", description = "Serving",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthCheckResponse.class)))
    @APIResponse(responseCode = "503", description = "Not serving",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = dev.flagstaff.http.ErrorMapper.ErrorBody.class)))
    public Response serving() {
        Health.Check live = health.live();
        if (!live.up()) {
            return ErrorMapper.error(Code.UNAVAILABLE, "flagstaff is not serving: " + live.data().get("reason"));
        }
        return Response.ok(HealthCheckResponse.SERVING).build();
    }

    @GET
    @Path("live")
    @Operation(operationId = "healthLive", summary = "Liveness (MicroProfile Health)")
    @Tag(name = "Operations")
    @APIResponse(responseCode = "200", description = "Up",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthReport.class)))
    @APIResponse(responseCode = "503", description = "Down",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthReport.class)))
    public Response live() {
        return report(List.of(health.live()));
    }

    @GET
    @Path("ready")
    @Operation(operationId = "healthReady", summary = "Readiness (MicroProfile Health): migrations ran and the database answers")
    @Tag(name = "Operations")
    @APIResponse(responseCode = "200", description = "Ready",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthReport.class)))
    @APIResponse(responseCode = "503", description = "Not ready",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthReport.class)))
    public Response ready() {
        return report(health.ready());
    }

    /** {@code {"status":"UP"|"DOWN","checks":[{"name","status","data"}]}}: 200 when all are up, else 503. */
    private static Response report(List<Health.Check> checks) {
        HealthReport report = HealthReport.of(checks);
        return Response.status(report.up() ? 200 : 503).entity(report).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
