package dev.flagstaff.evaluation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /api/v1/batch-evaluate}: as {@link LegacyBatchEvaluateResource}, namespace from the body. */
@ApplicationScoped
@Path("api/v1/batch-evaluate")
@Produces(MediaType.APPLICATION_JSON)
public class LegacyBatchEvaluateDefaultResource extends LegacyBatchEvaluateResource {
}
