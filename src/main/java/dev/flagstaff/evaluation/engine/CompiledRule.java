package dev.flagstaff.evaluation.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The flag-independent part of a variant-flag rule (contract 6.4 step 5): resolved segments, the segment
 * operator and the float32 distribution boundaries. It holds nothing that names the flag or its variants, so
 * a snapshot shares one instance between every flag whose rule has the same segments, operator and
 * boundaries (see {@link NamespaceSnapshot}); what differs per flag (the pre-built results) lives in the
 * flag's flat result array, and {@link #evaluate} answers with an index into it.
 *
 * <p>Outcome codes: the results of a rule are laid out as {@link #groups} groups of {@link #width} results,
 * one group per possible set of matched segments (one group for AND rules; for OR rules with 1 to
 * {@value #MAX_PRECOMPUTED_SEGMENTS} segments one group per non-empty bit mask {@code m}, at {@code m - 1}).
 * Inside a group, result {@code i < k} = distribution {@code i} selected and {@code [k]} = the bucket is beyond
 * every boundary ({@code match=false}, reason/value of step 2); with no kept distribution ({@code k == 0}) a
 * group has one result, {@code match=true, MATCH} with the step-2 value.
 */
final class CompiledRule {

    /** OR rules with at most this many segments have one pre-built result group per matched-segment subset. */
    static final int MAX_PRECOMPUTED_SEGMENTS = 4;
    /** {@link #evaluate}: the segment condition failed, try the next rule. */
    static final int NO_MATCH = -1;
    /**
     * {@link #evaluate}, OR rules with more than {@value #MAX_PRECOMPUTED_SEGMENTS} segments where only some
     * matched: {@code PARTIAL - i} (i = index in group 0); the caller builds the result with
     * {@link #matchedSegmentKeys}.
     */
    static final int PARTIAL = -2;

    final CompiledSegment[] segments;
    final boolean and;
    final boolean unknownConstraintType;
    /** Cumulative boundaries of the kept distributions (rollout > 0), float32 widths. */
    final int[] boundaries;
    /** Results per group: {@code k + 1}, or 1 when there is no kept distribution. */
    final int width;
    /** Number of result groups. */
    final int groups;
    /** Matched segment keys of each group (shared immutable lists). */
    final List<List<String>> groupSegmentKeys;
    private final boolean precomputedMasks;
    private final int allMatchedGroup;

    CompiledRule(CompiledSegment[] segments, SegmentOperator operator, int[] boundaries) {
        this.segments = segments;
        this.and = operator == SegmentOperator.AND_SEGMENT_OPERATOR;
        boolean unknown = false;
        for (CompiledSegment s : segments) {
            unknown |= s.unknownConstraintType;
        }
        this.unknownConstraintType = unknown;
        this.boundaries = boundaries;
        this.width = boundaries.length == 0 ? 1 : boundaries.length + 1;
        int n = segments.length;
        this.precomputedMasks = !and && n >= 1 && n <= MAX_PRECOMPUTED_SEGMENTS;
        List<List<String>> keys = new ArrayList<>();
        if (precomputedMasks) {
            for (int mask = 1; mask < (1 << n); mask++) {
                keys.add(keys(mask));
            }
            this.allMatchedGroup = (1 << n) - 2;
        } else {
            keys.add(keys(-1));
            this.allMatchedGroup = 0;
        }
        this.groups = keys.size();
        this.groupSegmentKeys = List.copyOf(keys);
    }

    private List<String> keys(int mask) {
        List<String> keys = new ArrayList<>(segments.length);
        for (int i = 0; i < segments.length; i++) {
            if (mask == -1 || (mask & (1 << i)) != 0) {
                keys.add(segments[i].key);
            }
        }
        return List.copyOf(keys);
    }

    /**
     * Evaluates this rule: {@link #NO_MATCH} when its segment condition fails (try the next rule), a
     * {@link #PARTIAL} code (see there), otherwise the index of the final result in this rule's result block.
     *
     * @param bucketCrc CRC register after the flag key, to be continued over the entity id
     */
    int evaluate(Map<String, String> context, String entityId, int bucketCrc) {
        if (unknownConstraintType) {
            throw new InvalidEvaluationException("unknown constraint type");
        }
        CompiledSegment[] segs = segments;
        int group;
        boolean partial = false;
        if (and) {
            for (CompiledSegment s : segs) {
                if (!s.matches(context, entityId)) {
                    return NO_MATCH;
                }
            }
            group = allMatchedGroup;
        } else if (precomputedMasks) {
            int mask = 0;
            for (int i = 0; i < segs.length; i++) {
                if (segs[i].matches(context, entityId)) {
                    mask |= 1 << i;
                }
            }
            if (mask == 0) {
                return NO_MATCH;
            }
            group = mask - 1;
        } else {
            int matched = 0;
            for (CompiledSegment s : segs) {
                if (s.matches(context, entityId)) {
                    matched++;
                }
            }
            if (matched == 0) {
                return NO_MATCH;
            }
            partial = matched != segs.length;
            group = 0;
        }
        int[] b = boundaries;
        int i = 0;
        if (b.length != 0) {
            int bucket = (int) (Crc32.finish(Crc32.update(bucketCrc, entityId)) % 1000);
            while (i < b.length && b[i] <= bucket) {
                i++;
            }
        }
        return partial ? PARTIAL - i : group * width + i;
    }

    /** OR rules beyond {@value #MAX_PRECOMPUTED_SEGMENTS} segments: the keys of the segments that match. */
    List<String> matchedSegmentKeys(Map<String, String> context, String entityId) {
        List<String> matched = new ArrayList<>(segments.length);
        for (CompiledSegment s : segments) {
            if (s.matches(context, entityId)) {
                matched.add(s.key);
            }
        }
        return matched;
    }

    /** Identity of a rule shape for sharing: same segment instances, operator and boundaries. */
    record Shape(List<CompiledSegment> segments, boolean and, List<Integer> boundaries) {
        static Shape of(CompiledSegment[] segments, SegmentOperator operator, int[] boundaries) {
            return new Shape(Arrays.asList(segments), operator == SegmentOperator.AND_SEGMENT_OPERATOR,
                    Arrays.stream(boundaries).boxed().toList());
        }
    }
}
