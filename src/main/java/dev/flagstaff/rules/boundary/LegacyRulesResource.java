package dev.flagstaff.rules.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/v1/flags/{flagKey}/rules}: the pre-namespace routes, the same operations as
 * {@link RulesResource} on the namespace named by {@code namespaceKey} in the body or query.
 */
@ApplicationScoped
@Path("api/v1/flags/{flagKey}/rules")
@Produces(MediaType.APPLICATION_JSON)
public class LegacyRulesResource extends RulesResource {
}
