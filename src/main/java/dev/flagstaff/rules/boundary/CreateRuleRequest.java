package dev.flagstaff.rules.boundary;

import dev.flagstaff.http.ApiException;
import dev.flagstaff.segments.control.SegmentService;
import dev.flagstaff.segments.entity.SegmentOperator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * {@code CreateRuleRequest} (contract section 3.7): exactly one of {@code segmentKey} or {@code segmentKeys},
 * de-duplicated; a single segment forces OR; rank above 0.
 *
 * @param segmentKey the deprecated single-key field as sent, used in the not-found message as Flipt does
 */
@Schema(name = "CreateRuleRequest")
public record CreateRuleRequest(
        @Schema(description = "ignored: the flag is the path's") String flagKey,
        @Schema(description = "one segment; or use `segmentKeys`") String segmentKey,
        @Schema(required = true, format = "int32", description = "where the rule goes: ranks from here on move "
                + "down by one; past the end appends") int rank,
        @Schema(description = NAMESPACE) String namespaceKey,
        @Schema(description = "several segments, combined by `segmentOperator`") List<String> segmentKeys,
        @Schema(implementation = String.class, enumeration = {"OR_SEGMENT_OPERATOR", "AND_SEGMENT_OPERATOR"}, defaultValue = "OR_SEGMENT_OPERATOR")
        SegmentOperator segmentOperator) {

    static final String NAMESPACE = "the namespace on the routes without one in the path; `default` when absent";

    public CreateRuleRequest {
        segmentKeys = SegmentService.segmentKeys(segmentKey, segmentKeys);
        if (segmentKeys.size() == 1) {
            segmentOperator = SegmentOperator.OR_SEGMENT_OPERATOR;
        }
        if (rank <= 0) {
            throw ApiException.invalidField("rank", "must be greater than 0");
        }
    }
}
