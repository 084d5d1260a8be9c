package dev.flagstaff.rules.boundary;

import dev.flagstaff.http.JsonOut;
import dev.flagstaff.http.JsonWritable;
import dev.flagstaff.http.Page;
import dev.flagstaff.rules.entity.Rule;
import dev.flagstaff.segments.entity.Segment;

import java.util.List;

/**
 * {@code flipt.Rule} and {@code flipt.RuleList} (contract section 2.6): one segment is reported in
 * {@code segmentKey} (with {@code segmentKeys: []}), several in {@code segmentKeys} (with {@code segmentKey: ""}).
 */
public record RuleJson(Rule rule) implements JsonWritable {

    @Override
    public void writeTo(JsonOut out) {
        List<String> keys = rule.segments().stream().map(Segment::key).toList();
        boolean single = keys.size() == 1;
        out.str("id", rule.id())
                .str("flagKey", rule.flagKey())
                .str("segmentKey", single ? keys.get(0) : "")
                .array("distributions", rule.distributions().stream().map(DistributionJson::new).toList())
                .int32("rank", rule.rank())
                .timestampMicros("createdAt", rule.createdAt())
                .timestampMicros("updatedAt", rule.updatedAt())
                .str("namespaceKey", rule.namespaceKey())
                .strings("segmentKeys", single ? List.of() : keys)
                .enumName("segmentOperator", rule.segmentOperator());
    }

    public static JsonWritable list(Page.Slice<Rule> page) {
        return out -> out.array("rules", page.items().stream().map(RuleJson::new).toList())
                .str("nextPageToken", page.nextPageToken())
                .int32("totalCount", (int) page.totalCount());
    }
}
