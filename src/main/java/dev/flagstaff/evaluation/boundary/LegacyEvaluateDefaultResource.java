package dev.flagstaff.evaluation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /api/v1/evaluate}: as {@link LegacyEvaluateResource}, namespace from the body or {@code default}. */
@ApplicationScoped
@Path("api/v1/evaluate")
@Produces(MediaType.APPLICATION_JSON)
public class LegacyEvaluateDefaultResource extends LegacyEvaluateResource {
}
