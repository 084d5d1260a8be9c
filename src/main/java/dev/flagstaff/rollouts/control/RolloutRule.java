package dev.flagstaff.rollouts.control;

import dev.flagstaff.http.ApiException;
import dev.flagstaff.rollouts.entity.RolloutType;
import dev.flagstaff.segments.control.SegmentService;
import dev.flagstaff.segments.entity.SegmentOperator;

import java.util.List;

/** What a rollout matches on: a percentage threshold or segments, each with the value it returns. */
public sealed interface RolloutRule {

    RolloutType type();

    /** {@code RolloutThreshold}: percentage in [0, 100]. */
    record Threshold(float percentage, boolean value) implements RolloutRule {
        public Threshold {
            if (Float.isNaN(percentage) || percentage < 0 || percentage > 100) {
                throw ApiException.invalidField("threshold.percentage", "must be within range [0, 100]");
            }
        }

        @Override
        public RolloutType type() {
            return RolloutType.THRESHOLD_ROLLOUT_TYPE;
        }
    }

    /**
     * {@code RolloutSegment}: the same segment-key rules as a rule's.
     *
     * @param segmentKey the single-key field as sent, for Flipt's not-found message
     */
    record Segments(String segmentKey, List<String> segmentKeys, SegmentOperator operator, boolean value)
            implements RolloutRule {
        public Segments {
            segmentKeys = SegmentService.segmentKeys(segmentKey, segmentKeys);
            if (segmentKeys.size() == 1) {
                operator = SegmentOperator.OR_SEGMENT_OPERATOR;
            }
        }

        @Override
        public RolloutType type() {
            return RolloutType.SEGMENT_ROLLOUT_TYPE;
        }
    }
}
