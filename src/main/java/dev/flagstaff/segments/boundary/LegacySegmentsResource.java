package dev.flagstaff.segments.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/v1/segments}: the pre-namespace routes, the same operations as {@link SegmentsResource} on the
 * namespace named by {@code namespaceKey} in the body or query, {@code default} when absent.
 */
@ApplicationScoped
@Path("api/v1/segments")
@Produces(MediaType.APPLICATION_JSON)
public class LegacySegmentsResource extends SegmentsResource {
}
