package dev.flagstaff.flags.boundary;

import dev.flagstaff.http.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** {@code flipt.FlagList} (contract section 2.2). */
@Schema(name = "FlagList")
public record FlagList(
        @Schema(required = true) List<Flag> flags,
        @Schema(required = true, description = "empty on the last page") String nextPageToken,
        @Schema(required = true, format = "int32") int totalCount) {

    public static FlagList of(Page.Slice<dev.flagstaff.flags.entity.Flag> page) {
        return new FlagList(page.items().stream().map(Flag::listed).toList(), page.nextPageToken(),
                (int) page.totalCount());
    }
}
