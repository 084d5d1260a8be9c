package dev.flagstaff.evaluation.engine;

import java.util.Map;

/**
 * Flipt v1.59.3 flag evaluation over a {@link NamespaceSnapshot}: variant flags (contract 6.4), boolean flags
 * (6.7), constraint and segment matching (6.2, 6.3) and bucketing (6.5). Stateless and thread-safe.
 *
 * <p>Typed entry points ({@link #evaluateVariant}, {@link #evaluateBoolean}) report API errors as exceptions
 * (see {@link EvaluationException}): they back {@code /evaluate/v1/variant}, {@code /evaluate/v1/boolean} and
 * the legacy evaluate endpoints, where any error fails the call. {@link #evaluate} dispatches on the flag
 * type and returns "not found" as a {@link FlagNotFound} value, as {@code /evaluate/v1/batch} (per-item
 * error), legacy batch ({@code excludeNotFound}) and OFREP need.
 *
 * <p>Arguments: a {@code null} entity id is treated as {@code ""}, a {@code null} context as empty, a
 * {@code null} context value as absent (Go cannot tell absent from empty either). The hot path allocates
 * nothing except for OR rules with more than {@value CompiledRule#MAX_PRECOMPUTED_SEGMENTS} segments.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * Evaluates a variant flag.
     *
     * @throws FlagNotFoundException       no flag with this key
     * @throws FlagTypeMismatchException   the flag is a boolean flag ({@code flag type BOOLEAN_FLAG_TYPE invalid})
     * @throws InvalidEvaluationException  {@code unknown constraint type} (corrupt data only)
     */
    public static VariantEvaluation evaluateVariant(NamespaceSnapshot snapshot, String flagKey, String entityId,
                                                    Map<String, String> context) {
        CompiledFlag flag = find(snapshot, flagKey);
        if (flag.type != FlagType.VARIANT_FLAG_TYPE) {
            throw new FlagTypeMismatchException(flag.key, flag.type);
        }
        return variant(flag, entityId == null ? "" : entityId, context == null ? Map.of() : context);
    }

    /**
     * Evaluates a boolean flag.
     *
     * @throws FlagNotFoundException       no flag with this key
     * @throws FlagTypeMismatchException   the flag is a variant flag ({@code flag type VARIANT_FLAG_TYPE invalid})
     * @throws InvalidEvaluationException  {@code unknown constraint type} (corrupt data only)
     */
    public static BooleanEvaluation evaluateBoolean(NamespaceSnapshot snapshot, String flagKey, String entityId,
                                                    Map<String, String> context) {
        CompiledFlag flag = find(snapshot, flagKey);
        if (flag.type != FlagType.BOOLEAN_FLAG_TYPE) {
            throw new FlagTypeMismatchException(flag.key, flag.type);
        }
        return bool(flag, entityId == null ? "" : entityId, context == null ? Map.of() : context);
    }

    /**
     * Evaluates a flag of either type: a {@link VariantEvaluation}, a {@link BooleanEvaluation}, or
     * {@link FlagNotFound} when the key is unknown.
     *
     * @throws InvalidEvaluationException {@code unknown constraint type} (corrupt data only)
     */
    public static FlagEvaluation evaluate(NamespaceSnapshot snapshot, String flagKey, String entityId,
                                          Map<String, String> context) {
        CompiledFlag flag = flagKey == null ? null : snapshot.compiled(flagKey);
        if (flag == null) {
            return new FlagNotFound(snapshot.namespaceKey(), flagKey == null ? "" : flagKey);
        }
        String entity = entityId == null ? "" : entityId;
        Map<String, String> ctx = context == null ? Map.of() : context;
        return flag.type == FlagType.VARIANT_FLAG_TYPE ? variant(flag, entity, ctx) : bool(flag, entity, ctx);
    }

    private static CompiledFlag find(NamespaceSnapshot snapshot, String flagKey) {
        CompiledFlag flag = flagKey == null ? null : snapshot.compiled(flagKey);
        if (flag == null) {
            throw new FlagNotFoundException(snapshot.namespaceKey(), flagKey == null ? "" : flagKey);
        }
        return flag;
    }

    /** Contract 6.4. */
    static VariantEvaluation variant(CompiledFlag flag, String entityId, Map<String, String> context) {
        if (!flag.enabled) {
            return flag.disabled;
        }
        VariantProgram program = flag.program;
        CompiledRule[] rules = program.rules;
        for (int r = 0; r < rules.length; r++) {
            int code = rules[r].evaluate(context, entityId, flag.variantCrc);
            if (code >= 0) {
                return flag.results[program.offsets[r] + code]; // the first rule whose segments match is final
            }
            if (code != CompiledRule.NO_MATCH) {
                // An OR rule with many segments of which only some matched: the one result built per call.
                VariantEvaluation t = flag.results[program.offsets[r] + CompiledRule.PARTIAL - code];
                return new VariantEvaluation(t.flagKey(), t.match(), t.reason(), t.variantKey(),
                        t.variantAttachment(), rules[r].matchedSegmentKeys(context, entityId));
            }
        }
        return flag.base;
    }

    /** Contract 6.7: {@code enabled} is ignored while rollouts are evaluated and is only the fallback. */
    static BooleanEvaluation bool(CompiledFlag flag, String entityId, Map<String, String> context) {
        int hash = -1;
        for (CompiledRollout rollout : flag.rollouts) {
            switch (rollout.type) {
                case THRESHOLD_ROLLOUT_TYPE -> {
                    if (hash < 0) {
                        hash = (int) (Crc32.finish(Crc32.update(Crc32.update(Crc32.START, entityId), flag.keyUtf8))
                                % 100);
                    }
                    if ((float) hash < rollout.percentage) {
                        return rollout.value ? flag.matchedTrue : flag.matchedFalse;
                    }
                }
                case SEGMENT_ROLLOUT_TYPE -> {
                    if (rollout.segmentsMatch(context, entityId)) {
                        return rollout.value ? flag.matchedTrue : flag.matchedFalse;
                    }
                }
                default -> {
                    // UNKNOWN_ROLLOUT_TYPE: neither threshold nor segment; Flipt skips it.
                }
            }
        }
        return flag.fallback;
    }
}
