package dev.flagstaff.rollouts.boundary;

import dev.flagstaff.segments.entity.SegmentOperator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** {@code flipt.RolloutSegment} (contract section 2.8), in requests and responses. */
@Schema(name = "RolloutSegment", description = "One segment: `segmentKey` is set and `segmentKeys` is empty; "
        + "two or more: `segmentKeys` is set and `segmentKey` is empty (in responses; a request gives either).")
public record RolloutSegment(
        String segmentKey,
        @Schema(description = "the flag's value for matching entities") boolean value,
        List<String> segmentKeys,
        @Schema(implementation = String.class, enumeration = {"OR_SEGMENT_OPERATOR", "AND_SEGMENT_OPERATOR"}, defaultValue = "OR_SEGMENT_OPERATOR")
        SegmentOperator segmentOperator) {
}
