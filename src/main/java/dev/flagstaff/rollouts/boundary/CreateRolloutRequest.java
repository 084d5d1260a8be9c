package dev.flagstaff.rollouts.boundary;

import dev.flagstaff.http.ApiException;
import dev.flagstaff.rollouts.control.RolloutRule;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code CreateRolloutRequest} (contract section 3.9). */
@Schema(name = "CreateRolloutRequest", description = "`segment` or `threshold` (the threshold wins when both "
        + "are sent).")
public record CreateRolloutRequest(
        @Schema(description = NAMESPACE) String namespaceKey,
        @Schema(description = "ignored: the flag is the path's") String flagKey,
        @Schema(format = "int32", description = "must not be the rank of another rollout of the flag") int rank,
        String description,
        RolloutSegment segment,
        RolloutThreshold threshold) {

    static final String NAMESPACE = "the namespace on the routes without one in the path; `default` when absent";

    /** The requested rule, checked; Flipt's 400 when there is none. */
    RolloutRule rule() {
        RolloutRule rule = RolloutThreshold.rule(threshold, segment);
        if (rule == null) {
            throw ApiException.invalid("rollout rule is missing");
        }
        return rule;
    }
}
