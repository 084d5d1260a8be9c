package dev.flagstaff.rollouts.boundary;

import dev.flagstaff.rollouts.control.RolloutRule;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code flipt.RolloutThreshold} (contract section 2.8), in requests and responses. */
@Schema(name = "RolloutThreshold")
public record RolloutThreshold(
        @Schema(format = "float", minimum = "0", maximum = "100") float percentage,
        @Schema(description = "the flag's value for entities within the percentage") boolean value) {

    /** The rule a create or update asks for (the threshold wins when both are sent), checked; null if neither. */
    static RolloutRule rule(RolloutThreshold threshold, RolloutSegment segment) {
        if (threshold != null) {
            return new RolloutRule.Threshold(threshold.percentage(), threshold.value());
        }
        if (segment != null) {
            return new RolloutRule.Segments(segment.segmentKey(), segment.segmentKeys(), segment.segmentOperator(),
                    segment.value());
        }
        return null;
    }
}
