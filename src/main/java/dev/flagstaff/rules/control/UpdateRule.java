package dev.flagstaff.rules.control;

import dev.flagstaff.segments.control.SegmentService;
import dev.flagstaff.segments.entity.SegmentOperator;

import java.util.List;

/** {@code UpdateRuleRequest}: the segments and operator are replaced; the rank is not (use order). */
public record UpdateRule(List<String> segmentKeys, SegmentOperator segmentOperator) {

    public static UpdateRule of(String segmentKey, List<String> segmentKeys, SegmentOperator operator) {
        List<String> keys = SegmentService.segmentKeys(segmentKey, segmentKeys);
        return new UpdateRule(keys, keys.size() == 1 ? SegmentOperator.OR_SEGMENT_OPERATOR : operator);
    }
}
