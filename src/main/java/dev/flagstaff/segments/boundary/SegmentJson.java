package dev.flagstaff.segments.boundary;

import dev.flagstaff.http.JsonOut;
import dev.flagstaff.http.JsonWritable;
import dev.flagstaff.http.Page;
import dev.flagstaff.segments.entity.Segment;

/** {@code flipt.Segment} and {@code flipt.SegmentList} (contract section 2.4). */
public record SegmentJson(Segment segment) implements JsonWritable {

    @Override
    public void writeTo(JsonOut out) {
        out.str("key", segment.key())
                .str("name", segment.name())
                .str("description", segment.description())
                .timestampMicros("createdAt", segment.createdAt())
                .timestampMicros("updatedAt", segment.updatedAt())
                .array("constraints", segment.constraints().stream().map(ConstraintJson::new).toList())
                .enumName("matchType", segment.matchType())
                .str("namespaceKey", segment.namespaceKey());
    }

    public static JsonWritable list(Page.Slice<Segment> page) {
        return out -> out.array("segments", page.items().stream().map(SegmentJson::new).toList())
                .str("nextPageToken", page.nextPageToken())
                .int32("totalCount", (int) page.totalCount());
    }
}
