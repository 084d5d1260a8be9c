package dev.flagstaff.segments.entity;

/** {@code flipt.SegmentOperator}: how a rule or rollout with several segments combines them. */
public enum SegmentOperator {
    OR_SEGMENT_OPERATOR,
    AND_SEGMENT_OPERATOR;

    public static final String PROTO_NAME = "flipt.SegmentOperator";
}
