package dev.flagstaff.segments.control;

import dev.flagstaff.segments.entity.ComparisonType;

/**
 * The body of {@code CreateConstraintRequest} / {@code UpdateConstraintRequest}, validated and normalised
 * on construction by {@link ConstraintRules}: the operator lower-cased, the value cleared for operators that
 * take none, datetimes rewritten to UTC seconds.
 */
public record ConstraintFields(ComparisonType type, String property, String operator, String value,
                               String description) {

    public static ConstraintFields of(ComparisonType type, String property, String operator, String value,
                                      String description) {
        ConstraintRules.validate(type, property, operator, value);
        return new ConstraintFields(type, property, ConstraintRules.normalOperator(operator),
                ConstraintRules.normalValue(type, operator, value), description);
    }
}
