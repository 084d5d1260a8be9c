package dev.flagstaff.flags.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/v1/flags}: the pre-namespace routes, the same operations as {@link FlagsResource} on the
 * namespace named by {@code namespaceKey} in the body or query, {@code default} when absent.
 */
@ApplicationScoped
@Path("api/v1/flags")
@Produces(MediaType.APPLICATION_JSON)
public class LegacyFlagsResource extends FlagsResource {
}
