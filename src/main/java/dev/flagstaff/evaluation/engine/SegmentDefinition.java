package dev.flagstaff.evaluation.engine;

import java.util.List;
import java.util.Objects;

/**
 * A segment.
 *
 * @param key         segment key
 * @param matchType   ALL or ANY ({@code null} means ALL)
 * @param constraints the segment's constraints (order irrelevant for the result)
 */
public record SegmentDefinition(String key, MatchType matchType, List<ConstraintDefinition> constraints) {

    public SegmentDefinition {
        Objects.requireNonNull(key, "key");
        matchType = matchType == null ? MatchType.ALL_MATCH_TYPE : matchType;
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
    }
}
