package dev.flagstaff.segments.boundary;

import dev.flagstaff.http.Timestamps;
import dev.flagstaff.segments.entity.ComparisonType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** {@code flipt.Constraint} (contract section 2.5). */
@Schema(name = "Constraint")
public record Constraint(
        @Schema(required = true) String id,
        @Schema(required = true) String segmentKey,
        @Schema(required = true, implementation = String.class, enumeration = {"UNKNOWN_COMPARISON_TYPE", "STRING_COMPARISON_TYPE",
                "NUMBER_COMPARISON_TYPE", "BOOLEAN_COMPARISON_TYPE", "DATETIME_COMPARISON_TYPE",
                "ENTITY_ID_COMPARISON_TYPE"}) ComparisonType type,
        @Schema(required = true) String property,
        @Schema(required = true, description = CreateConstraintRequest.OPERATORS) String operator,
        @Schema(required = true, description = "empty for operators that take no value") String value,
        @Schema(required = true, format = "date-time") Instant createdAt,
        @Schema(required = true, format = "date-time") Instant updatedAt,
        @Schema(required = true) String namespaceKey,
        @Schema(required = true) String description) {

    public static Constraint of(dev.flagstaff.segments.entity.Constraint constraint) {
        return new Constraint(constraint.id(), constraint.segmentKey(), constraint.type(), constraint.property(),
                constraint.operator(), constraint.value(), Timestamps.fromMicros(constraint.createdAt()),
                Timestamps.fromMicros(constraint.updatedAt()), constraint.namespaceKey(), constraint.description());
    }
}
