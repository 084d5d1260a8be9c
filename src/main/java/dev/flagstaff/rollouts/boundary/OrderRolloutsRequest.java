package dev.flagstaff.rollouts.boundary;

import dev.flagstaff.flags.control.Ranks;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** {@code OrderRolloutsRequest} (contract section 3.9): at least two ids. */
@Schema(name = "OrderRolloutsRequest")
public record OrderRolloutsRequest(
        @Schema(description = "ignored: the flag is the path's") String flagKey,
        String namespaceKey,
        @Schema(required = true, description = "every rollout of the flag exactly once, in the new order")
        List<String> rolloutIds) {

    public OrderRolloutsRequest {
        rolloutIds = Ranks.orderRequest("rolloutIds", rolloutIds);
    }
}
