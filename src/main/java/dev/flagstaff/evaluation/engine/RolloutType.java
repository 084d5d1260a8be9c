package dev.flagstaff.evaluation.engine;

/** Boolean-flag rollout type; constant names are Flipt's ({@code flipt.RolloutType}). */
public enum RolloutType {
    /** Neither segment nor threshold: skipped during evaluation, as Flipt does. */
    UNKNOWN_ROLLOUT_TYPE,
    SEGMENT_ROLLOUT_TYPE,
    THRESHOLD_ROLLOUT_TYPE
}
