package dev.flagstaff.evaluation.engine;

import java.util.List;
import java.util.Objects;

/**
 * Result of a variant-flag evaluation (contract 6.4). Immutable; instances are pre-built at compile time
 * and shared, so compare with {@link #equals(Object)}, never by identity.
 *
 * @param flagKey           the flag key
 * @param match             whether a rule matched and (if it has distributions) the bucket hit one
 * @param reason            see {@link EvaluationReason}
 * @param variantKey        variant key, or {@code ""} (legacy API: {@code value})
 * @param variantAttachment variant attachment as compact JSON text, or {@code ""} (legacy: {@code attachment})
 * @param segmentKeys       keys of the matched segments of the matched rule, in the rule's segment order;
 *                          empty when no rule matched
 */
public record VariantEvaluation(
        String flagKey,
        boolean match,
        EvaluationReason reason,
        String variantKey,
        String variantAttachment,
        List<String> segmentKeys) implements FlagEvaluation {

    public VariantEvaluation {
        Objects.requireNonNull(flagKey, "flagKey");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(variantKey, "variantKey");
        Objects.requireNonNull(variantAttachment, "variantAttachment");
        segmentKeys = List.copyOf(segmentKeys);
    }

    /** The legacy API's deprecated {@code segmentKey}: the first matched segment key, or {@code ""}. */
    public String segmentKey() {
        return segmentKeys.isEmpty() ? "" : segmentKeys.get(0);
    }
}
