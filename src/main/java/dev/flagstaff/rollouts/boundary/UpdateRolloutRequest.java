package dev.flagstaff.rollouts.boundary;

import dev.flagstaff.http.ApiException;
import dev.flagstaff.rollouts.control.RolloutRule;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code UpdateRolloutRequest} (contract section 3.9). */
@Schema(name = "UpdateRolloutRequest", description = "`segment` or `threshold`, of the rollout's type; the rank is "
        + "changed by `PUT …/rollouts/order`.")
public record UpdateRolloutRequest(
        @Schema(description = "ignored: the id is the path's") String id,
        @Schema(description = CreateRolloutRequest.NAMESPACE) String namespaceKey,
        @Schema(description = "ignored: the flag is the path's") String flagKey,
        String description,
        RolloutSegment segment,
        RolloutThreshold threshold) {

    /** The requested rule, checked; Flipt's 400 when there is none. */
    RolloutRule rule() {
        RolloutRule rule = RolloutThreshold.rule(threshold, segment);
        if (rule == null) {
            throw ApiException.invalidField("rule", "invalid rollout rule type");
        }
        return rule;
    }
}
