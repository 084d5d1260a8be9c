package dev.flagstaff.schedules.boundary;

import dev.flagstaff.http.Timestamps;
import dev.flagstaff.schedules.entity.ScheduleState;
import dev.flagstaff.schedules.entity.ScheduledChange;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A scheduled change of a flag as the API shows it. {@code reason} and {@code executedAt} once it has run. */
@Schema(name = "Schedule", description = "A scheduled change of a flag. `executedAt` is set once it ran (DONE or "
        + "FAILED), `reason` when it FAILED.")
public record Schedule(
        @Schema(required = true) String id,
        @Schema(required = true) String namespaceKey,
        @Schema(required = true) String flagKey,
        @Schema(required = true, format = "date-time") Instant at,
        @Schema(required = true) Change change,
        @Schema(required = true, implementation = String.class, enumeration = {"PENDING", "DONE", "FAILED"})
        ScheduleState state,
        @Schema(description = "why the change could not be applied (FAILED)") String reason,
        @Schema(format = "date-time") Instant executedAt,
        @Schema(required = true, format = "date-time") Instant createdAt) {

    public static Schedule of(ScheduledChange schedule) {
        return new Schedule(schedule.id(), schedule.namespaceKey(), schedule.flagKey(),
                Timestamps.fromMicros(schedule.runAt()), Change.fromJson(schedule.changeBody()), schedule.state(),
                schedule.reason(),
                schedule.executedAt() == null ? null : Timestamps.fromMicros(schedule.executedAt()),
                Timestamps.fromMicros(schedule.createdAt()));
    }
}
