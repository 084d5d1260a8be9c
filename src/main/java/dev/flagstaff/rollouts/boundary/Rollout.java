package dev.flagstaff.rollouts.boundary;

import dev.flagstaff.http.Timestamps;
import dev.flagstaff.rollouts.entity.RolloutType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** {@code flipt.Rollout} (contract section 2.8): {@code segment} or {@code threshold} by its type. */
@Schema(name = "Rollout", description = "A rollout of a boolean flag: `segment` or `threshold`, never both.")
public record Rollout(
        @Schema(required = true) String id,
        @Schema(required = true) String namespaceKey,
        @Schema(required = true) String flagKey,
        @Schema(required = true, implementation = String.class, enumeration = {"UNKNOWN_ROLLOUT_TYPE", "SEGMENT_ROLLOUT_TYPE",
                "THRESHOLD_ROLLOUT_TYPE"}) RolloutType type,
        @Schema(required = true, format = "int32", description = "1..n, no gaps or repeats") int rank,
        @Schema(required = true) String description,
        @Schema(required = true, format = "date-time") Instant createdAt,
        @Schema(required = true, format = "date-time") Instant updatedAt,
        @Schema(description = "present only for segment rollouts") RolloutSegment segment,
        @Schema(description = "present only for threshold rollouts") RolloutThreshold threshold) {

    public static Rollout of(dev.flagstaff.rollouts.entity.Rollout rollout) {
        RolloutSegment segment = null;
        RolloutThreshold threshold = null;
        if (rollout.type() == RolloutType.SEGMENT_ROLLOUT_TYPE) {
            List<String> keys = rollout.segments().stream().map(dev.flagstaff.segments.entity.Segment::key).toList();
            boolean single = keys.size() == 1;
            segment = new RolloutSegment(single ? keys.get(0) : "", rollout.value(), single ? List.of() : keys,
                    rollout.segmentOperator());
        } else {
            threshold = new RolloutThreshold(rollout.percentage(), rollout.value());
        }
        return new Rollout(rollout.id(), rollout.namespaceKey(), rollout.flagKey(), rollout.type(), rollout.rank(),
                rollout.description(), Timestamps.fromMicros(rollout.createdAt()),
                Timestamps.fromMicros(rollout.updatedAt()), segment, threshold);
    }
}
