package dev.flagstaff.schedules.entity;

/** Where a scheduled change stands: waiting for its time, applied, or refused when it ran (with a reason). */
public enum ScheduleState {
    PENDING,
    DONE,
    FAILED
}
