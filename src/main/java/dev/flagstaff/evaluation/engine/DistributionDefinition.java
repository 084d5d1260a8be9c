package dev.flagstaff.evaluation.engine;

import java.util.Objects;

/**
 * A distribution of a rule.
 *
 * @param variantId id of a variant of the same flag
 * @param rollout   percentage 0..100 as float32 (Flipt stores and computes it in single precision)
 */
public record DistributionDefinition(String variantId, float rollout) {

    public DistributionDefinition {
        Objects.requireNonNull(variantId, "variantId");
    }
}
