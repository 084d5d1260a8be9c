package dev.flagstaff.rules.boundary;

import dev.flagstaff.http.Timestamps;
import dev.flagstaff.segments.entity.SegmentOperator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * {@code flipt.Rule} (contract section 2.6): one segment is reported in {@code segmentKey} (with
 * {@code segmentKeys: []}), several in {@code segmentKeys} (with {@code segmentKey: ""}).
 */
@Schema(name = "Rule", description = "A rule of a variant flag. One segment: `segmentKey` is set and "
        + "`segmentKeys` is empty; two or more: `segmentKeys` is set and `segmentKey` is empty.")
public record Rule(
        @Schema(required = true) String id,
        @Schema(required = true) String flagKey,
        @Schema(required = true) String segmentKey,
        @Schema(required = true, description = "in creation order") List<Distribution> distributions,
        @Schema(required = true, format = "int32", description = "1..n, no gaps or repeats") int rank,
        @Schema(required = true, format = "date-time") Instant createdAt,
        @Schema(required = true, format = "date-time") Instant updatedAt,
        @Schema(required = true) String namespaceKey,
        @Schema(required = true) List<String> segmentKeys,
        @Schema(required = true, implementation = String.class, enumeration = {"OR_SEGMENT_OPERATOR", "AND_SEGMENT_OPERATOR"},
                description = "OR when the rule has one segment") SegmentOperator segmentOperator) {

    public static Rule of(dev.flagstaff.rules.entity.Rule rule) {
        List<String> keys = rule.segments().stream().map(dev.flagstaff.segments.entity.Segment::key).toList();
        boolean single = keys.size() == 1;
        return new Rule(rule.id(), rule.flagKey(), single ? keys.get(0) : "",
                rule.distributions().stream().map(Distribution::of).toList(), rule.rank(),
                Timestamps.fromMicros(rule.createdAt()), Timestamps.fromMicros(rule.updatedAt()), rule.namespaceKey(),
                single ? List.of() : keys, rule.segmentOperator());
    }
}
