package dev.flagstaff.operations.boundary;

import dev.flagstaff.operations.control.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
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
    public Response scrape() {
        return Response.ok(metrics.scrape()).header("Content-Type", Metrics.CONTENT_TYPE).build();
    }
}
