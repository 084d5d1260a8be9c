package dev.flagstaff.evaluation.engine;

/**
 * The evaluation request is invalid for the stored data (HTTP 400 / gRPC InvalidArgument). Raised directly
 * for {@code unknown constraint type} (a segment reached during evaluation holds a constraint of type
 * {@link ConstraintType#UNKNOWN_COMPARISON_TYPE}); see also {@link FlagTypeMismatchException}.
 */
public sealed class InvalidEvaluationException extends EvaluationException permits FlagTypeMismatchException {

    private static final long serialVersionUID = 1L;

    public InvalidEvaluationException(String message) {
        super(message);
    }
}
