package dev.flagstaff.segments.entity;

/** {@code flipt.ComparisonType}: the type a constraint compares its property as. */
public enum ComparisonType {
    UNKNOWN_COMPARISON_TYPE("unknown"),
    STRING_COMPARISON_TYPE("string"),
    NUMBER_COMPARISON_TYPE("number"),
    BOOLEAN_COMPARISON_TYPE("boolean"),
    DATETIME_COMPARISON_TYPE("datetime"),
    ENTITY_ID_COMPARISON_TYPE("entityId");

    public static final String PROTO_NAME = "flipt.ComparisonType";

    private final String label;

    ComparisonType(String label) {
        this.label = label;
    }

    /** The short name Flipt's messages use ({@code string}, {@code entityId}, …). */
    public String label() {
        return label;
    }
}
