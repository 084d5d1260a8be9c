package dev.flagstaff.schedules.boundary;

import dev.flagstaff.http.ApiException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * A new scheduled change: when ({@code at}, RFC 3339) and what ({@code change}). A time in the past is
 * accepted: the change then runs at once.
 */
@Schema(name = "CreateScheduleRequest")
public record CreateScheduleRequest(
        @Schema(required = true, format = "date-time", description = "when the change runs (RFC 3339); a time "
                + "in the past runs it at once") Instant at,
        @Schema(required = true) Change change) {

    public CreateScheduleRequest {
        if (at == null) {
            throw ApiException.emptyField("at");
        }
        if (change == null) {
            throw ApiException.emptyField("change");
        }
    }
}
