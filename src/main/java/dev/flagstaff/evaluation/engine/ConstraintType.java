package dev.flagstaff.evaluation.engine;

/**
 * Constraint comparison type; constant names are Flipt's management-API names
 * ({@code flipt.ComparisonType}), so a persisted name maps with {@link #valueOf(String)}.
 */
public enum ConstraintType {
    /**
     * Never valid in stored data. Kept so that a corrupt row behaves as in Flipt: any evaluation that
     * reaches a segment holding such a constraint fails with {@link InvalidEvaluationException}
     * ({@code unknown constraint type}).
     */
    UNKNOWN_COMPARISON_TYPE,
    STRING_COMPARISON_TYPE,
    NUMBER_COMPARISON_TYPE,
    BOOLEAN_COMPARISON_TYPE,
    DATETIME_COMPARISON_TYPE,
    /** Compares the request's entity id; the constraint's property is ignored. */
    ENTITY_ID_COMPARISON_TYPE
}
