package dev.flagstaff.evaluation.engine;

/**
 * A flag compiled for evaluation; package-private, reached through {@link NamespaceSnapshot}.
 *
 * <p>Kept compact so that evaluating a flag that is not in the CPU cache touches few cache lines: the rule
 * structure ({@link VariantProgram}) and boolean rollouts are shared between flags of the same shape, and
 * everything that is this flag's own (key, pre-built results) is allocated together, right before this
 * object, when the snapshot is compiled.
 */
final class CompiledFlag {

    /** {@code key.hashCode()}, compared before the key in the snapshot's open-addressing table. */
    final int hash;
    final String key;
    final FlagType type;
    final boolean enabled;

    // Variant flags.
    /** CRC-32 register after the UTF-8 bytes of the flag key: variant bucketing hashes flagKey + entityId. */
    final int variantCrc;
    /** Rules (shared with flags of the same rule structure) and the offset of each rule's result block. */
    final VariantProgram program;
    /** Every result a matching rule can give, rule after rule (see {@link CompiledRule}). */
    final VariantEvaluation[] results;
    /** Contract 6.4 step 3: disabled flag. */
    final VariantEvaluation disabled;
    /** Contract 6.4 step 2 (and step 6): DEFAULT + default variant, or UNKNOWN + empty. */
    final VariantEvaluation base;

    // Boolean flags.
    /** UTF-8 bytes of the flag key: threshold rollouts hash entityId + flagKey. */
    final byte[] keyUtf8;
    /** Rollouts in rank order (shared with flags that have the same rollouts). */
    final CompiledRollout[] rollouts;
    /** Boolean flags only ({@code null} for variant flags, which never reach them). */
    final BooleanEvaluation matchedTrue;
    final BooleanEvaluation matchedFalse;
    final BooleanEvaluation fallback;

    /** Kept out of the evaluation path (listing, OFREP bulk). */
    final FlagInfo info;

    CompiledFlag(String key, String name, FlagType type, boolean enabled, VariantProgram program,
                 VariantEvaluation[] results, VariantEvaluation base, VariantEvaluation disabled, byte[] keyUtf8,
                 CompiledRollout[] rollouts, BooleanEvaluation matchedTrue, BooleanEvaluation matchedFalse,
                 BooleanEvaluation fallback) {
        this.hash = key.hashCode();
        this.key = key;
        this.type = type;
        this.enabled = enabled;
        this.variantCrc = Crc32.update(Crc32.START, keyUtf8);
        this.program = program;
        this.results = results;
        this.base = base;
        this.disabled = disabled;
        this.keyUtf8 = keyUtf8;
        this.rollouts = rollouts;
        this.matchedTrue = matchedTrue;
        this.matchedFalse = matchedFalse;
        this.fallback = fallback;
        this.info = new FlagInfo(key, name, type, enabled);
    }
}
