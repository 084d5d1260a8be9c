package dev.flagstaff.evaluation.engine;

/**
 * Base of the errors an evaluation can raise. These become API errors, never evaluation results:
 * <ul>
 *   <li>{@link FlagNotFoundException}: HTTP 404, gRPC code 5 (NotFound);</li>
 *   <li>{@link InvalidEvaluationException} (including {@link FlagTypeMismatchException}): HTTP 400, gRPC code 3
 *       (InvalidArgument).</li>
 * </ul>
 * {@link #getMessage()} is Flipt's message text. The exceptions carry no stack trace (they are expected
 * outcomes of client input, and cheap to raise).
 */
public abstract sealed class EvaluationException extends RuntimeException
        permits FlagNotFoundException, InvalidEvaluationException {

    private static final long serialVersionUID = 1L;

    protected EvaluationException(String message) {
        super(message, null, false, false);
    }
}
