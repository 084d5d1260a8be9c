package dev.flagstaff.evaluation.engine;

/**
 * Why an evaluation produced its value. The constant names are identical in the legacy API
 * ({@code flipt.EvaluationReason}) and in {@code /evaluate/v1} ({@code flipt.evaluation.EvaluationReason});
 * only the numbers differ, which matters for protobuf/gRPC encodings and nothing else (JSON uses names).
 *
 * <p>The legacy enum additionally has {@code FLAG_NOT_FOUND_EVALUATION_REASON}(2) and
 * {@code ERROR_EVALUATION_REASON}(4); neither ever appears in a successful response (not-found and
 * errors are HTTP errors), so the engine never produces them.
 */
public enum EvaluationReason {
    UNKNOWN_EVALUATION_REASON(0, 0, "UNKNOWN"),
    FLAG_DISABLED_EVALUATION_REASON(1, 1, "DISABLED"),
    MATCH_EVALUATION_REASON(3, 2, "TARGETING_MATCH"),
    DEFAULT_EVALUATION_REASON(5, 3, "DEFAULT");

    private final int legacyNumber;
    private final int evaluationV1Number;
    private final String ofrepReason;

    EvaluationReason(int legacyNumber, int evaluationV1Number, String ofrepReason) {
        this.legacyNumber = legacyNumber;
        this.evaluationV1Number = evaluationV1Number;
        this.ofrepReason = ofrepReason;
    }

    /** Enum number in the legacy API ({@code /api/v1/evaluate}, {@code batch-evaluate}). */
    public int legacyNumber() {
        return legacyNumber;
    }

    /** Enum number in {@code /evaluate/v1/*}. */
    public int evaluationV1Number() {
        return evaluationV1Number;
    }

    /** OFREP {@code reason} string (contract section 7). */
    public String ofrepReason() {
        return ofrepReason;
    }
}
