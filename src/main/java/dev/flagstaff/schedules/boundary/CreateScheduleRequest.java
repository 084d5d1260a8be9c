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

    /** RFC 3339's range of years (a timestamp beyond it cannot be written back as RFC 3339). */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    public CreateScheduleRequest {
        if (at == null) {
            throw ApiException.emptyField("at");
        }
        if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            throw ApiException.invalidField("at", "must be within the years 0001 to 9999");
        }
        if (change == null) {
            throw ApiException.emptyField("change");
        }
    }
}
