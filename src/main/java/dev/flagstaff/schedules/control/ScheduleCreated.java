package dev.flagstaff.schedules.control;

/**
 * A schedule was stored, to run at {@code runAtMicros}: fired in the creating transaction and heard by
 * {@link ScheduleRunner} after the commit, which sets a timer for it on this instance.
 */
public record ScheduleCreated(long runAtMicros) {
}
