package dev.flagstaff.segments.boundary;

import dev.flagstaff.segments.control.ConstraintRules;
import dev.flagstaff.segments.entity.ComparisonType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code CreateConstraintRequest} (contract section 3.6), validated and normalised on construction by
 * {@link ConstraintRules}: the operator lower-cased, the value cleared for operators that take none, datetimes
 * rewritten to UTC seconds.
 */
@Schema(name = "CreateConstraintRequest")
public record CreateConstraintRequest(
        @Schema(description = "ignored: the segment is the path's") String segmentKey,
        @Schema(required = true, implementation = String.class, enumeration = {"UNKNOWN_COMPARISON_TYPE", "STRING_COMPARISON_TYPE",
                "NUMBER_COMPARISON_TYPE", "BOOLEAN_COMPARISON_TYPE", "DATETIME_COMPARISON_TYPE",
                "ENTITY_ID_COMPARISON_TYPE"}, description = "UNKNOWN_COMPARISON_TYPE is refused") ComparisonType type,
        @Schema(required = true) String property,
        @Schema(required = true, description = OPERATORS) String operator,
        String value,
        @Schema(description = NAMESPACE) String namespaceKey,
        String description) {

    static final String NAMESPACE = "the namespace on the routes without one in the path; `default` when absent";
    static final String OPERATORS = "lower-case; by type: STRING eq, neq, empty, notempty, prefix, suffix, "
            + "contains, notcontains, isoneof, isnotoneof; NUMBER eq, neq, lt, lte, gt, gte, present, notpresent, "
            + "isoneof, isnotoneof; BOOLEAN true, false, present, notpresent; DATETIME eq, neq, lt, lte, gt, gte, "
            + "present, notpresent; ENTITY_ID (property `entityId`) eq, neq, contains, notcontains, isoneof, "
            + "isnotoneof";

    public CreateConstraintRequest {
        ConstraintRules.validate(type, property, operator, value);
        value = ConstraintRules.normalValue(type, operator, value);
        operator = ConstraintRules.normalOperator(operator);
    }
}
