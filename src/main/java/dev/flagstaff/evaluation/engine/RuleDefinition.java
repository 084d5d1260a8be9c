package dev.flagstaff.evaluation.engine;

import java.util.List;
import java.util.Objects;

/**
 * A variant-flag rule.
 *
 * @param id              rule id (diagnostics only)
 * @param rank            rank; rules are evaluated by ascending rank
 * @param segmentKeys     segment keys in the rule's order (the order reported in {@code segmentKeys})
 * @param segmentOperator how the segments combine ({@code null} means OR)
 * @param distributions   distributions in creation order
 */
public record RuleDefinition(
        String id,
        int rank,
        List<String> segmentKeys,
        SegmentOperator segmentOperator,
        List<DistributionDefinition> distributions) {

    public RuleDefinition {
        id = id == null ? "" : id;
        Objects.requireNonNull(segmentKeys, "segmentKeys");
        segmentKeys = List.copyOf(segmentKeys);
        segmentOperator = segmentOperator == null ? SegmentOperator.OR_SEGMENT_OPERATOR : segmentOperator;
        distributions = distributions == null ? List.of() : List.copyOf(distributions);
    }
}
