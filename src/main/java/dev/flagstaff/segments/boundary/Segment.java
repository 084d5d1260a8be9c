package dev.flagstaff.segments.boundary;

import dev.flagstaff.http.Timestamps;
import dev.flagstaff.segments.entity.MatchType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** {@code flipt.Segment} (contract section 2.4). */
@Schema(name = "Segment")
public record Segment(
        @Schema(required = true) String key,
        @Schema(required = true) String name,
        @Schema(required = true) String description,
        @Schema(required = true, format = "date-time") Instant createdAt,
        @Schema(required = true, format = "date-time") Instant updatedAt,
        @Schema(required = true, description = "in creation order") List<Constraint> constraints,
        @Schema(required = true, implementation = String.class, enumeration = {"ALL_MATCH_TYPE", "ANY_MATCH_TYPE"}) MatchType matchType,
        @Schema(required = true) String namespaceKey) {

    public static Segment of(dev.flagstaff.segments.entity.Segment segment) {
        return new Segment(segment.key(), segment.name(), segment.description(),
                Timestamps.fromMicros(segment.createdAt()), Timestamps.fromMicros(segment.updatedAt()),
                segment.constraints().stream().map(Constraint::of).toList(), segment.matchType(),
                segment.namespaceKey());
    }
}
