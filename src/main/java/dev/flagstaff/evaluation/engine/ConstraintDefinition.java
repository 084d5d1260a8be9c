package dev.flagstaff.evaluation.engine;

/**
 * A segment constraint as stored by the management API.
 *
 * @param type     comparison type ({@code null} is treated as {@link ConstraintType#UNKNOWN_COMPARISON_TYPE})
 * @param property context key (ignored for ENTITY_ID)
 * @param operator operator exactly as stored, i.e. lower-case ({@code eq}, {@code isoneof}, ...). It is
 *                 compared case-sensitively, as Flipt does; an unknown operator never matches.
 * @param value    constraint value as stored ({@code ""} for operators without a value)
 */
public record ConstraintDefinition(ConstraintType type, String property, String operator, String value) {

    public ConstraintDefinition {
        type = type == null ? ConstraintType.UNKNOWN_COMPARISON_TYPE : type;
        property = property == null ? "" : property;
        operator = operator == null ? "" : operator;
        value = value == null ? "" : value;
    }
}
