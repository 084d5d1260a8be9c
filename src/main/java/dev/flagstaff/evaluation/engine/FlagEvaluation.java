package dev.flagstaff.evaluation.engine;

/**
 * Result of {@link Evaluator#evaluate}: a type-dispatched evaluation as {@code /evaluate/v1/batch} and
 * OFREP need it. Exactly one of a {@link VariantEvaluation}, a {@link BooleanEvaluation} or a
 * {@link FlagNotFound} (the batch API's per-item {@code NOT_FOUND_ERROR_EVALUATION_REASON}).
 */
public sealed interface FlagEvaluation permits VariantEvaluation, BooleanEvaluation, FlagNotFound {

    /** The flag key (for {@link FlagNotFound}: as requested). */
    String flagKey();
}
