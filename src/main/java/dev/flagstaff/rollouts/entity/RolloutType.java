package dev.flagstaff.rollouts.entity;

/** {@code flipt.RolloutType}: derived from which rule a rollout carries. */
public enum RolloutType {
    UNKNOWN_ROLLOUT_TYPE,
    SEGMENT_ROLLOUT_TYPE,
    THRESHOLD_ROLLOUT_TYPE
}
