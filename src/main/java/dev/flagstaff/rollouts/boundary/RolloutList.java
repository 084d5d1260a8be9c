package dev.flagstaff.rollouts.boundary;

import dev.flagstaff.http.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** {@code flipt.RolloutList} (contract section 2.8), whose items field is called {@code rules}. */
@Schema(name = "RolloutList", description = "The rollouts are under `rules`, as in Flipt.")
public record RolloutList(
        @Schema(required = true, description = "rank ascending") List<Rollout> rules,
        @Schema(required = true, description = "empty on the last page") String nextPageToken,
        @Schema(required = true, format = "int32") int totalCount) {

    public static RolloutList of(Page.Slice<dev.flagstaff.rollouts.entity.Rollout> page) {
        return new RolloutList(page.items().stream().map(Rollout::of).toList(), page.nextPageToken(),
                (int) page.totalCount());
    }
}
