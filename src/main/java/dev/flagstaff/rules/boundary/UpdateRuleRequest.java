package dev.flagstaff.rules.boundary;

import dev.flagstaff.segments.control.SegmentService;
import dev.flagstaff.segments.entity.SegmentOperator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * {@code UpdateRuleRequest} (contract section 3.7): the segments and operator are replaced (the same segment-key
 * rules as a create); the rank is not (use order).
 */
@Schema(name = "UpdateRuleRequest", description = "Changes the segments; the rank is changed by `PUT …/rules/order`.")
public record UpdateRuleRequest(
        @Schema(description = "ignored: the id is the path's") String id,
        @Schema(description = "ignored: the flag is the path's") String flagKey,
        @Schema(description = "one segment; or use `segmentKeys`") String segmentKey,
        @Schema(description = CreateRuleRequest.NAMESPACE) String namespaceKey,
        @Schema(description = "several segments, combined by `segmentOperator`") List<String> segmentKeys,
        @Schema(implementation = String.class, enumeration = {"OR_SEGMENT_OPERATOR", "AND_SEGMENT_OPERATOR"}, defaultValue = "OR_SEGMENT_OPERATOR")
        SegmentOperator segmentOperator) {

    public UpdateRuleRequest {
        segmentKeys = SegmentService.segmentKeys(segmentKey, segmentKeys);
        if (segmentKeys.size() == 1) {
            segmentOperator = SegmentOperator.OR_SEGMENT_OPERATOR;
        }
    }
}
