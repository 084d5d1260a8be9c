package dev.flagstaff.segments.boundary;

import dev.flagstaff.http.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** {@code flipt.SegmentList} (contract section 2.4). */
@Schema(name = "SegmentList")
public record SegmentList(
        @Schema(required = true) List<Segment> segments,
        @Schema(required = true, description = "empty on the last page") String nextPageToken,
        @Schema(required = true, format = "int32") int totalCount) {

    public static SegmentList of(Page.Slice<dev.flagstaff.segments.entity.Segment> page) {
        return new SegmentList(page.items().stream().map(Segment::of).toList(), page.nextPageToken(),
                (int) page.totalCount());
    }
}
