package dev.flagstaff.evaluation.engine;

import java.util.Objects;

/**
 * Result of a boolean-flag evaluation (contract 6.7). Immutable and shared; reason is
 * {@code MATCH_EVALUATION_REASON} (a rollout matched) or {@code DEFAULT_EVALUATION_REASON} (fallback to
 * the flag's {@code enabled}). Boolean results carry no segment keys.
 *
 * @param flagKey the flag key
 * @param enabled the evaluated value
 * @param reason  MATCH or DEFAULT
 */
public record BooleanEvaluation(String flagKey, boolean enabled, EvaluationReason reason) implements FlagEvaluation {

    public BooleanEvaluation {
        Objects.requireNonNull(flagKey, "flagKey");
        Objects.requireNonNull(reason, "reason");
    }
}
