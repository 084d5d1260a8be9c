package dev.flagstaff.schedules.boundary;

import dev.flagstaff.http.Page;
import dev.flagstaff.schedules.entity.ScheduledChange;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A page of a flag's schedules, by time, in the shape of Flipt's lists. */
@Schema(name = "ScheduleList")
public record ScheduleList(
        @Schema(required = true, description = "by `at`, earliest first") List<Schedule> schedules,
        @Schema(required = true, description = "empty on the last page") String nextPageToken,
        @Schema(required = true, format = "int32") int totalCount) {

    public static ScheduleList of(Page.Slice<ScheduledChange> page) {
        return new ScheduleList(page.items().stream().map(Schedule::of).toList(), page.nextPageToken(),
                (int) page.totalCount());
    }
}
