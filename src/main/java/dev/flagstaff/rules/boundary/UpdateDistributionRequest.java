package dev.flagstaff.rules.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code UpdateDistributionRequest} (contract section 3.8): checked as a create is. */
@Schema(name = "UpdateDistributionRequest")
public record UpdateDistributionRequest(
        @Schema(description = "ignored: the id is the path's") String id,
        @Schema(description = "ignored: the flag is the path's") String flagKey,
        @Schema(description = "ignored: the rule is the path's") String ruleId,
        @Schema(required = true, description = "a variant of the flag") String variantId,
        @Schema(required = true, format = "float", minimum = "0", maximum = "100") float rollout,
        @Schema(description = CreateRuleRequest.NAMESPACE) String namespaceKey) {

    public UpdateDistributionRequest {
        CreateDistributionRequest.validate(variantId, rollout);
    }
}
