package dev.flagstaff.rules.control;

import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.Validate;

/** {@code CreateDistributionRequest} / {@code UpdateDistributionRequest}: a variant and a rollout in [0, 100]. */
public record DistributionFields(String variantId, float rollout) {

    public DistributionFields {
        Validate.notEmpty("variantId", variantId);
        if (rollout < 0 || Float.isNaN(rollout)) {
            throw ApiException.invalidField("rollout", "must be greater than or equal to '0'");
        }
        if (rollout > 100) {
            throw ApiException.invalidField("rollout", "must be less than or equal to '100'");
        }
    }
}
