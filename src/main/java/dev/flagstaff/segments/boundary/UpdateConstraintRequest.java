package dev.flagstaff.segments.boundary;

import dev.flagstaff.segments.control.ConstraintRules;
import dev.flagstaff.segments.entity.ComparisonType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code UpdateConstraintRequest} (contract section 3.6): checked and normalised as a create is. */
@Schema(name = "UpdateConstraintRequest")
public record UpdateConstraintRequest(
        @Schema(description = "ignored: the id is the path's") String id,
        @Schema(description = "ignored: the segment is the path's") String segmentKey,
        @Schema(required = true, implementation = String.class, enumeration = {"UNKNOWN_COMPARISON_TYPE", "STRING_COMPARISON_TYPE",
                "NUMBER_COMPARISON_TYPE", "BOOLEAN_COMPARISON_TYPE", "DATETIME_COMPARISON_TYPE",
                "ENTITY_ID_COMPARISON_TYPE"}, description = "UNKNOWN_COMPARISON_TYPE is refused") ComparisonType type,
        @Schema(required = true) String property,
        @Schema(required = true, description = CreateConstraintRequest.OPERATORS) String operator,
        String value,
        @Schema(description = CreateConstraintRequest.NAMESPACE) String namespaceKey,
        String description) {

    public UpdateConstraintRequest {
        ConstraintRules.validate(type, property, operator, value);
        value = ConstraintRules.normalValue(type, operator, value);
        operator = ConstraintRules.normalOperator(operator);
    }
}
