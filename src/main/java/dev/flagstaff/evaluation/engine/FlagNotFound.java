package dev.flagstaff.evaluation.engine;

import java.util.Objects;

/**
 * "Flag not found" as a value, returned by {@link Evaluator#evaluate} (batch and OFREP dispatch).
 *
 * @param namespaceKey the namespace that was searched (the snapshot's key)
 * @param flagKey      the flag key as requested (may be {@code ""})
 */
public record FlagNotFound(String namespaceKey, String flagKey) implements FlagEvaluation {

    public FlagNotFound {
        Objects.requireNonNull(namespaceKey, "namespaceKey");
        Objects.requireNonNull(flagKey, "flagKey");
    }

    /** Flipt's message, e.g. {@code flag "default/nope" not found} (see {@link FlagNotFoundException}). */
    public String message() {
        return FlagNotFoundException.message(namespaceKey, flagKey);
    }

    /** The equivalent exception, for callers that want to fail (legacy batch without excludeNotFound). */
    public FlagNotFoundException toException() {
        return new FlagNotFoundException(namespaceKey, flagKey);
    }
}
