package dev.flagstaff.namespaces.boundary;

import dev.flagstaff.http.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** {@code flipt.NamespaceList} (contract section 2.1). */
@Schema(name = "NamespaceList")
public record NamespaceList(
        @Schema(required = true) List<Namespace> namespaces,
        @Schema(required = true, description = "empty on the last page") String nextPageToken,
        @Schema(required = true, format = "int32") int totalCount) {

    public static NamespaceList of(Page.Slice<dev.flagstaff.namespaces.entity.Namespace> page) {
        return new NamespaceList(page.items().stream().map(Namespace::of).toList(), page.nextPageToken(),
                (int) page.totalCount());
    }
}
