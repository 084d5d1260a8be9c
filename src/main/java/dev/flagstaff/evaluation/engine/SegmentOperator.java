package dev.flagstaff.evaluation.engine;

/** How the segments of a rule or segment rollout combine; Flipt's {@code flipt.SegmentOperator} names. */
public enum SegmentOperator {
    /** At least one segment must match. */
    OR_SEGMENT_OPERATOR,
    /** Every segment must match. */
    AND_SEGMENT_OPERATOR
}
