package dev.flagstaff.rollouts.boundary;

import dev.flagstaff.http.JsonOut;
import dev.flagstaff.http.JsonWritable;
import dev.flagstaff.http.Page;
import dev.flagstaff.rollouts.entity.Rollout;
import dev.flagstaff.rollouts.entity.RolloutType;
import dev.flagstaff.segments.entity.Segment;

import java.util.List;

/**
 * {@code flipt.Rollout} (contract section 2.8) and its list, whose items field is called {@code rules}.
 */
public record RolloutJson(Rollout rollout) implements JsonWritable {

    @Override
    public void writeTo(JsonOut out) {
        out.str("id", rollout.id())
                .str("namespaceKey", rollout.namespaceKey())
                .str("flagKey", rollout.flagKey())
                .enumName("type", rollout.type())
                .int32("rank", rollout.rank())
                .str("description", rollout.description())
                .timestampMicros("createdAt", rollout.createdAt())
                .timestampMicros("updatedAt", rollout.updatedAt());
        if (rollout.type() == RolloutType.SEGMENT_ROLLOUT_TYPE) {
            List<String> keys = rollout.segments().stream().map(Segment::key).toList();
            boolean single = keys.size() == 1;
            out.object("segment", segment -> segment
                    .str("segmentKey", single ? keys.get(0) : "")
                    .bool("value", rollout.value())
                    .strings("segmentKeys", single ? List.of() : keys)
                    .enumName("segmentOperator", rollout.segmentOperator()));
        } else {
            out.object("threshold", threshold -> threshold
                    .float32("percentage", rollout.percentage())
                    .bool("value", rollout.value()));
        }
    }

    public static JsonWritable list(Page.Slice<Rollout> page) {
        return out -> out.array("rules", page.items().stream().map(RolloutJson::new).toList())
                .str("nextPageToken", page.nextPageToken())
                .int32("totalCount", (int) page.totalCount());
    }
}
