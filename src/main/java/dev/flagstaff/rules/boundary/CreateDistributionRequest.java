package dev.flagstaff.rules.boundary;

import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.Validate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code CreateDistributionRequest} (contract section 3.8): a variant and a rollout in [0, 100]. */
@Schema(name = "CreateDistributionRequest")
public record CreateDistributionRequest(
        @Schema(description = "ignored: the flag is the path's") String flagKey,
        @Schema(description = "ignored: the rule is the path's") String ruleId,
        @Schema(required = true, description = "a variant of the flag") String variantId,
        @Schema(required = true, format = "float", minimum = "0", maximum = "100") float rollout,
        @Schema(description = CreateRuleRequest.NAMESPACE) String namespaceKey) {

    public CreateDistributionRequest {
        validate(variantId, rollout);
    }

    /** The checks of a distribution's fields, create and update alike. */
    static void validate(String variantId, float rollout) {
        Validate.notEmpty("variantId", variantId);
        if (rollout < 0 || Float.isNaN(rollout)) {
            throw ApiException.invalidField("rollout", "must be greater than or equal to '0'");
        }
        if (rollout > 100) {
            throw ApiException.invalidField("rollout", "must be less than or equal to '100'");
        }
    }
}
