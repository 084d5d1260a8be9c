package dev.flagstaff.rules.control;

import dev.flagstaff.http.ApiException;
import dev.flagstaff.segments.control.SegmentService;
import dev.flagstaff.segments.entity.SegmentOperator;

import java.util.List;

/**
 * {@code CreateRuleRequest}: exactly one of {@code segmentKey} or {@code segmentKeys}, de-duplicated; a
 * single segment forces OR; rank above 0.
 *
 * @param segmentKey the deprecated single-key field as sent, used in the not-found message as Flipt does
 */
public record CreateRule(String segmentKey, List<String> segmentKeys, SegmentOperator segmentOperator, int rank) {

    public CreateRule {
        segmentKeys = SegmentService.segmentKeys(segmentKey, segmentKeys);
        if (segmentKeys.size() == 1) {
            segmentOperator = SegmentOperator.OR_SEGMENT_OPERATOR;
        }
        if (rank <= 0) {
            throw ApiException.invalidField("rank", "must be greater than 0");
        }
    }
}
