package dev.flagstaff.evaluation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A variant-flag rule with resolved segments, float32 distribution boundaries and every possible result
 * pre-built (contract 6.4 step 5), so that evaluating a matched rule allocates nothing.
 *
 * <p>Outcome arrays, indexed by the position of the selected distribution: {@code [0..k-1]} = distribution
 * {@code i} matched; {@code [k]} = the bucket is beyond every boundary ({@code match=false}, reason/value of
 * step 2). With no kept distribution ({@code k == 0}) the array has one element: {@code match=true, MATCH}
 * with the step-2 value.
 */
final class CompiledRule {

    /** OR rules with at most this many segments pre-build one outcome array per matched-segment subset. */
    static final int MAX_PRECOMPUTED_SEGMENTS = 4;

    private final CompiledSegment[] segments;
    private final boolean and;
    private final boolean unknownConstraintType;
    /** Cumulative boundaries of the kept distributions (rollout > 0), float32 widths. */
    private final int[] boundaries;
    /** Outcome array when every segment matched (AND rules, and OR rules when all matched). */
    private final VariantEvaluation[] allMatched;
    /** OR rules with 1..MAX_PRECOMPUTED_SEGMENTS segments: outcome array per bit mask of matched segments. */
    private final VariantEvaluation[][] byMask;
    // For OR rules with more segments: the pieces needed to build an outcome array on the fly.
    private final String flagKey;
    private final VariantEvaluation base;
    private final String[] variantKeys;
    private final String[] variantAttachments;

    CompiledRule(String flagKey, CompiledSegment[] segments, SegmentOperator operator, int[] boundaries,
                 String[] variantKeys, String[] variantAttachments, VariantEvaluation base) {
        this.flagKey = flagKey;
        this.segments = segments;
        this.and = operator == SegmentOperator.AND_SEGMENT_OPERATOR;
        boolean unknown = false;
        for (CompiledSegment s : segments) {
            unknown |= s.unknownConstraintType;
        }
        this.unknownConstraintType = unknown;
        this.boundaries = boundaries;
        this.variantKeys = variantKeys;
        this.variantAttachments = variantAttachments;
        this.base = base;
        int n = segments.length;
        this.allMatched = outcomes(keys(n == 0 ? 0 : (1 << Math.min(n, 31)) - 1, n));
        if (!and && n >= 1 && n <= MAX_PRECOMPUTED_SEGMENTS) {
            byMask = new VariantEvaluation[1 << n][];
            for (int mask = 1; mask < (1 << n); mask++) {
                byMask[mask] = mask == (1 << n) - 1 ? allMatched : outcomes(keys(mask, n));
            }
        } else {
            byMask = null;
        }
    }

    private List<String> keys(int mask, int n) {
        if (and || n > MAX_PRECOMPUTED_SEGMENTS) {
            List<String> all = new ArrayList<>(n);
            for (CompiledSegment s : segments) {
                all.add(s.key);
            }
            return List.copyOf(all);
        }
        List<String> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if ((mask & (1 << i)) != 0) {
                keys.add(segments[i].key);
            }
        }
        return List.copyOf(keys);
    }

    private VariantEvaluation[] outcomes(List<String> segmentKeys) {
        int k = boundaries.length;
        if (k == 0) {
            return new VariantEvaluation[] {
                new VariantEvaluation(flagKey, true, EvaluationReason.MATCH_EVALUATION_REASON, base.variantKey(),
                        base.variantAttachment(), segmentKeys)
            };
        }
        VariantEvaluation[] out = new VariantEvaluation[k + 1];
        for (int i = 0; i < k; i++) {
            out[i] = new VariantEvaluation(flagKey, true, EvaluationReason.MATCH_EVALUATION_REASON, variantKeys[i],
                    variantAttachments[i], segmentKeys);
        }
        out[k] = new VariantEvaluation(flagKey, false, base.reason(), base.variantKey(), base.variantAttachment(),
                segmentKeys);
        return out;
    }

    /**
     * Evaluates this rule: {@code null} when its segment condition fails (try the next rule), otherwise the
     * final result of the flag evaluation.
     *
     * @param bucketCrc CRC register after the flag key, to be continued over the entity id
     */
    VariantEvaluation evaluate(Map<String, String> context, String entityId, int bucketCrc) {
        if (unknownConstraintType) {
            throw new InvalidEvaluationException("unknown constraint type");
        }
        CompiledSegment[] segs = segments;
        VariantEvaluation[] outcomes;
        if (and) {
            for (CompiledSegment s : segs) {
                if (!s.matches(context, entityId)) {
                    return null;
                }
            }
            outcomes = allMatched;
        } else if (byMask != null) {
            int mask = 0;
            for (int i = 0; i < segs.length; i++) {
                if (segs[i].matches(context, entityId)) {
                    mask |= 1 << i;
                }
            }
            if (mask == 0) {
                return null;
            }
            outcomes = byMask[mask];
        } else {
            List<String> matched = null;
            for (CompiledSegment s : segs) {
                if (s.matches(context, entityId)) {
                    if (matched == null) {
                        matched = new ArrayList<>(segs.length);
                    }
                    matched.add(s.key);
                }
            }
            if (matched == null) {
                return null;
            }
            outcomes = matched.size() == segs.length ? allMatched : outcomes(matched);
        }
        int[] b = boundaries;
        if (b.length == 0) {
            return outcomes[0];
        }
        int bucket = (int) (Crc32.finish(Crc32.update(bucketCrc, entityId)) % 1000);
        int i = 0;
        while (i < b.length && b[i] <= bucket) {
            i++;
        }
        return outcomes[i];
    }
}
