package dev.flagstaff.rollouts.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The JSON of the rollout routes as the OpenAPI document at {@code /openapi} describes it (contract sections
 * 2.8, 3.9), under Flipt's schema names. Nothing instantiates these classes; {@link RolloutJson} writes the
 * responses and {@code JsonBody} reads the requests; {@link RolloutsResource}'s annotations reference them.
 */
public final class RolloutSchemas {

    private RolloutSchemas() {
    }

    @Schema(name = "Rollout", description = "A rollout of a boolean flag: `segment` or `threshold`, never both.")
    public static final class Rollout {
        @Schema(required = true) public String id;
        @Schema(required = true) public String namespaceKey;
        @Schema(required = true) public String flagKey;
        @Schema(required = true, enumeration = {"UNKNOWN_ROLLOUT_TYPE", "SEGMENT_ROLLOUT_TYPE", "THRESHOLD_ROLLOUT_TYPE"})
        public String type;
        @Schema(required = true, format = "int32", description = "1..n, no gaps or repeats") public int rank;
        @Schema(required = true) public String description;
        @Schema(required = true, format = "date-time") public String createdAt;
        @Schema(required = true, format = "date-time") public String updatedAt;
        @Schema(description = "present only for segment rollouts") public RolloutSegment segment;
        @Schema(description = "present only for threshold rollouts") public RolloutThreshold threshold;
    }

    @Schema(name = "RolloutList", description = "The rollouts are under `rules`, as in Flipt.")
    public static final class RolloutList {
        @Schema(required = true, description = "rank ascending") public List<Rollout> rules;
        @Schema(required = true, description = "empty on the last page") public String nextPageToken;
        @Schema(required = true, format = "int32") public int totalCount;
    }

    @Schema(name = "RolloutSegment", description = "One segment: `segmentKey` is set and `segmentKeys` is empty; "
            + "two or more: `segmentKeys` is set and `segmentKey` is empty (in responses; a request gives either).")
    public static final class RolloutSegment {
        public String segmentKey;
        @Schema(description = "the flag's value for matching entities") public boolean value;
        public List<String> segmentKeys;
        @Schema(enumeration = {"OR_SEGMENT_OPERATOR", "AND_SEGMENT_OPERATOR"}, defaultValue = "OR_SEGMENT_OPERATOR")
        public String segmentOperator;
    }

    @Schema(name = "RolloutThreshold")
    public static final class RolloutThreshold {
        @Schema(format = "float", minimum = "0", maximum = "100") public float percentage;
        @Schema(description = "the flag's value for entities within the percentage") public boolean value;
    }

    @Schema(name = "CreateRolloutRequest", description = "`segment` or `threshold` (the threshold wins when both "
            + "are sent).")
    public static final class CreateRolloutRequest {
        @Schema(description = "the namespace on the routes without one in the path; `default` when absent")
        public String namespaceKey;
        @Schema(description = "ignored: the flag is the path's") public String flagKey;
        @Schema(format = "int32", description = "must not be the rank of another rollout of the flag") public int rank;
        public String description;
        public RolloutSegment segment;
        public RolloutThreshold threshold;
    }

    @Schema(name = "UpdateRolloutRequest", description = "`segment` or `threshold`, of the rollout's type; the rank is "
            + "changed by `PUT …/rollouts/order`.")
    public static final class UpdateRolloutRequest {
        @Schema(description = "ignored: the id is the path's") public String id;
        @Schema(description = "the namespace on the routes without one in the path; `default` when absent")
        public String namespaceKey;
        @Schema(description = "ignored: the flag is the path's") public String flagKey;
        public String description;
        public RolloutSegment segment;
        public RolloutThreshold threshold;
    }

    @Schema(name = "OrderRolloutsRequest")
    public static final class OrderRolloutsRequest {
        @Schema(description = "ignored: the flag is the path's") public String flagKey;
        public String namespaceKey;
        @Schema(required = true, description = "every rollout of the flag exactly once, in the new order")
        public List<String> rolloutIds;
    }
}
