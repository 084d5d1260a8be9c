package dev.flagstaff.rules.boundary;

import dev.flagstaff.http.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** {@code flipt.RuleList} (contract section 2.6). */
@Schema(name = "RuleList", description = "rank ascending")
public record RuleList(
        @Schema(required = true) List<Rule> rules,
        @Schema(required = true, description = "empty on the last page") String nextPageToken,
        @Schema(required = true, format = "int32") int totalCount) {

    public static RuleList of(Page.Slice<dev.flagstaff.rules.entity.Rule> page) {
        return new RuleList(page.items().stream().map(Rule::of).toList(), page.nextPageToken(),
                (int) page.totalCount());
    }
}
