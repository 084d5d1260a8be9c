package dev.flagstaff.schedules.entity;

/**
 * The kinds of change a schedule can make to its flag. {@code UNKNOWN_CHANGE_TYPE} is what an absent type reads
 * as (the first constant, as with Flipt's enums) and is refused.
 */
public enum ChangeType {
    UNKNOWN_CHANGE_TYPE,
    ENABLE,
    DISABLE,
    SET_ROLLOUT_THRESHOLD,
    SET_RULE_DISTRIBUTIONS,
    SET_DEFAULT_VARIANT
}
