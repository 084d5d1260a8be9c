package dev.flagstaff.evaluation.engine;

import java.util.List;

/** A flag compiled for evaluation; package-private, reached through {@link NamespaceSnapshot}. */
final class CompiledFlag {

    final String key;
    final FlagType type;
    final boolean enabled;
    final FlagInfo info;

    // Variant flags.
    /** CRC-32 register after the UTF-8 bytes of the flag key: variant bucketing hashes flagKey + entityId. */
    final int variantCrc;
    final CompiledRule[] rules;
    /** Contract 6.4 step 3: disabled flag. */
    final VariantEvaluation disabled;
    /** Contract 6.4 step 2 (and step 6): DEFAULT + default variant, or UNKNOWN + empty. */
    final VariantEvaluation base;

    // Boolean flags.
    /** UTF-8 bytes of the flag key: threshold rollouts hash entityId + flagKey. */
    final byte[] keyUtf8;
    final CompiledRollout[] rollouts;
    final BooleanEvaluation matchedTrue;
    final BooleanEvaluation matchedFalse;
    final BooleanEvaluation fallback;

    CompiledFlag(FlagDefinition d, VariantEvaluation base, CompiledRule[] rules, CompiledRollout[] rollouts) {
        this.key = d.key();
        this.type = d.type();
        this.enabled = d.enabled();
        this.info = new FlagInfo(d.key(), d.name(), d.type(), d.enabled());
        this.variantCrc = Crc32.update(Crc32.START, d.key());
        this.rules = rules;
        this.base = base;
        this.disabled = new VariantEvaluation(key, false, EvaluationReason.FLAG_DISABLED_EVALUATION_REASON,
                base.variantKey(), base.variantAttachment(), List.of());
        this.keyUtf8 = Crc32.utf8(d.key());
        this.rollouts = rollouts;
        this.matchedTrue = new BooleanEvaluation(key, true, EvaluationReason.MATCH_EVALUATION_REASON);
        this.matchedFalse = new BooleanEvaluation(key, false, EvaluationReason.MATCH_EVALUATION_REASON);
        this.fallback = new BooleanEvaluation(key, d.enabled(), EvaluationReason.DEFAULT_EVALUATION_REASON);
    }
}
