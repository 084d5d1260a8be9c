package dev.flagstaff.evaluation.engine;

import java.util.List;
import java.util.Objects;

/**
 * A boolean-flag rollout. Use {@link #threshold(int, float, boolean)} or
 * {@link #segment(int, List, SegmentOperator, boolean)}.
 *
 * @param rank            rank; rollouts are evaluated by ascending rank
 * @param type            threshold, segment, or unknown (skipped)
 * @param percentage      threshold percentage 0..100 (float32); threshold rollouts only
 * @param value           the value returned when this rollout matches
 * @param segmentKeys     segment keys; segment rollouts only
 * @param segmentOperator how the segments combine ({@code null} means OR); segment rollouts only
 */
public record RolloutDefinition(
        int rank,
        RolloutType type,
        float percentage,
        boolean value,
        List<String> segmentKeys,
        SegmentOperator segmentOperator) {

    public RolloutDefinition {
        Objects.requireNonNull(type, "type");
        segmentKeys = segmentKeys == null ? List.of() : List.copyOf(segmentKeys);
        segmentOperator = segmentOperator == null ? SegmentOperator.OR_SEGMENT_OPERATOR : segmentOperator;
    }

    /** A threshold rollout: matches when {@code crc32(entityId + flagKey) % 100 < percentage}. */
    public static RolloutDefinition threshold(int rank, float percentage, boolean value) {
        return new RolloutDefinition(rank, RolloutType.THRESHOLD_ROLLOUT_TYPE, percentage, value, List.of(), null);
    }

    /** A segment rollout. */
    public static RolloutDefinition segment(int rank, List<String> segmentKeys, SegmentOperator segmentOperator,
                                            boolean value) {
        return new RolloutDefinition(rank, RolloutType.SEGMENT_ROLLOUT_TYPE, 0f, value, segmentKeys, segmentOperator);
    }
}
