package dev.flagstaff.schedules.boundary;

import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.Validate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One share of a rule's traffic in a {@code SET_RULE_DISTRIBUTIONS} change: a variant of the flag and its rollout. */
@Schema(name = "ScheduledDistribution")
public record ChangeDistribution(
        @Schema(required = true, description = "id of a variant of the flag") String variantId,
        @Schema(required = true, format = "float", minimum = "0", maximum = "100") float rollout) {

    public ChangeDistribution {
        Validate.notEmpty("change.distributions.variantId", variantId);
        if (Float.isNaN(rollout) || rollout < 0 || rollout > 100) {
            throw ApiException.invalidField("change.distributions.rollout", "must be within range [0, 100]");
        }
    }
}
